import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
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
            done
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof UpdateEventTask>) => d.updateEventTask;

/** タスクを変える (完了・未完了, 担当, 期限) */
export function useUpdateEventTaskMutation() {
  return useOutcomeMutation(UpdateEventTask, pick, { refetchQueries: ["EventDetail"] });
}
