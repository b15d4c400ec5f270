import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const AddEventTask = graphql(
  `
    mutation AddEventTask($input: AddEventTaskInput!) {
      addEventTask(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationAddEventTaskSuccess {
          data {
            id
            title
            done
            dueOn
            assignee {
              id
              name
            }
            event {
              id
              tasks {
                id
              }
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** タスクを追加する: the answer carries the event's task list, in the board's order */
export const useAddEventTaskMutation = mutationHook(AddEventTask, (d) => d.addEventTask);
