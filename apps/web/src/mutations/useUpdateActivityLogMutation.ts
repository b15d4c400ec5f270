import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const UpdateActivityLog = graphql(
  `
    mutation UpdateActivityLog($input: UpdateActivityLogInput!) {
      updateActivityLog(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationUpdateActivityLogSuccess {
          data {
            activityLog {
              id
              status
              version
              minutes
            }
            uninsuredCount
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 活動記録を修正する (a draft or returned log, resubmitted or not) or 訂正 (staff); a stale version is refused */
export const useUpdateActivityLogMutation = mutationHook(UpdateActivityLog, (d) => d.updateActivityLog, {
  refetchQueries: ["ActivityLogs", "ActivityLogDetail", "ApprovalQueue", "DashboardMyLogs"],
});
