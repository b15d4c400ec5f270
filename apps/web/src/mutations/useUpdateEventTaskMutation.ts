import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const UpdateEventTask = graphql(
  `
    mutation UpdateEventTask($input: UpdateEventTaskInput!) {
      updateEventTask(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationUpdateEventTaskSuccess {
          data {
            id
            title
            done
            dueOn
            assignee {
              id
              name
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** タスクを変える (完了・未完了, 担当, 期限) */
export const useUpdateEventTaskMutation = mutationHook(UpdateEventTask, (d) => d.updateEventTask);
