import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
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

const pick = (d: ResultOf<typeof ApproveActivityLogs>) => d.approveActivityLogs;

/** 一括承認 (staff): milestones are awarded in the same transaction */
export function useApproveActivityLogsMutation() {
  return useOutcomeMutation(ApproveActivityLogs, pick, { refetchQueries: ["ApprovalQueue", "ActivityLogs"] });
}
