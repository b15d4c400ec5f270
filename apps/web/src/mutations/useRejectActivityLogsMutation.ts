import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
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

/** 一括差し戻し (staff), with a reason */
export const useRejectActivityLogsMutation = mutationHook(RejectActivityLogs, (d) => d.rejectActivityLogs, {
  refetchQueries: ["ApprovalQueue", "ActivityLogs"],
});
