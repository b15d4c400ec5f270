import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
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

/** 下書きを提出する */
export const useSubmitActivityLogMutation = mutationHook(SubmitActivityLog, (d) => d.submitActivityLog, {
  refetchQueries: ["ActivityLogs"],
});
