import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const RejectActivityLogs = graphql(
  `
    mutation RejectActivityLogs($ids: [ID!]!, $reason: String!) {
      rejectActivityLogs(ids: $ids, reason: $reason) {
        __typename
        ...ErrorFields
        ... on MutationRejectActivityLogsSuccess {
          data {
            activityLogs {
              id
              status
              rejectionReason
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof RejectActivityLogs>) => d.rejectActivityLogs;

/** 一括差し戻し (staff), with a reason */
export function useRejectActivityLogsMutation() {
  return useOutcomeMutation(RejectActivityLogs, pick, { refetchQueries: ["ApprovalQueue", "ActivityLogs"] });
}
