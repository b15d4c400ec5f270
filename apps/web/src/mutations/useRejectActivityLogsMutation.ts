import { graphql } from "../graphql.ts";
import { dropFromList } from "../lib/cache.ts";
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

/** 一括差し戻し (staff), with a reason; the logs leave the approval queue */
export const useRejectActivityLogsMutation = mutationHook(RejectActivityLogs, (d) => d.rejectActivityLogs, {
  update(cache, { data }) {
    const result = data?.rejectActivityLogs;
    if (result?.__typename === "MutationRejectActivityLogsSuccess")
      dropFromList(
        cache,
        "approvalQueue",
        result.data.activityLogs.map((l) => l.id),
      );
  },
});
