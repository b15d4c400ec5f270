import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const SubmitActivityLog = graphql(
  `
    mutation SubmitActivityLog($id: ID!) {
      submitActivityLog(id: $id) {
        __typename
        ...ErrorFields
        ... on MutationSubmitActivityLogSuccess {
          data {
            activityLog {
              id
              status
              submittedAt
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof SubmitActivityLog>) => d.submitActivityLog;

/** 下書きを提出する */
export function useSubmitActivityLogMutation() {
  return useOutcomeMutation(SubmitActivityLog, pick, { refetchQueries: ["ActivityLogs"] });
}
