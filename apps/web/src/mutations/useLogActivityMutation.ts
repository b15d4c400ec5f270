import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const LogActivity = graphql(
  `
    mutation LogActivity($input: LogActivityInput!) {
      logActivity(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationLogActivitySuccess {
          data {
            activityLog {
              id
              status
            }
            uninsuredCount
            uninsuredParticipants {
              id
              name
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof LogActivity>) => d.logActivity;

/** 活動を記録する: a draft, or submitted for approval */
export function useLogActivityMutation() {
  return useOutcomeMutation(LogActivity, pick, { refetchQueries: ["ActivityLogs"] });
}
