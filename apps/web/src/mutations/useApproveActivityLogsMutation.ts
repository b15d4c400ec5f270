import { graphql } from "../graphql.ts";
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

/** 一括承認 (staff): milestones are awarded in the same transaction */
export const useApproveActivityLogsMutation = mutationHook(ApproveActivityLogs, (d) => d.approveActivityLogs, {
  refetchQueries: ["ApprovalQueue", "ActivityLogs"],
});
