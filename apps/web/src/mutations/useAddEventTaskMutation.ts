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
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** タスクを追加する */
export const useAddEventTaskMutation = mutationHook(AddEventTask, (d) => d.addEventTask, { refetchQueries: ["EventDetail"] });
