import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
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

const pick = (d: ResultOf<typeof AddEventTask>) => d.addEventTask;

/** タスクを追加する */
export function useAddEventTaskMutation() {
  return useOutcomeMutation(AddEventTask, pick, { refetchQueries: ["EventDetail"] });
}
