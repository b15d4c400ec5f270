import { graphql } from "../graphql.ts";
import { dropFromList } from "../lib/cache.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const ApproveActivityLogs = graphql(
  `
    mutation ApproveActivityLogs($ids: [ID!]!) {
      approveActivityLogs(ids: $ids) {
        __typename
        ...ErrorFields
        ... on MutationApproveActivityLogsSuccess {
          data {
            activityLogs {
              id
              status
            }
            newMilestoneAwards {
              id
              juvenileCode
              person {
                id
                name
              }
              milestone {
                id
                name
                nameEn
              }
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 一括承認 (staff): milestones are awarded in the same transaction; the logs leave the approval queue */
export const useApproveActivityLogsMutation = mutationHook(ApproveActivityLogs, (d) => d.approveActivityLogs, {
  update(cache, { data }) {
    const result = data?.approveActivityLogs;
    if (result?.__typename === "MutationApproveActivityLogsSuccess")
      dropFromList(
        cache,
        "approvalQueue",
        result.data.activityLogs.map((l) => l.id),
      );
  },
});
