import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
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

/** 活動を記録する: a draft, or submitted for approval */
export const useLogActivityMutation = mutationHook(LogActivity, (d) => d.logActivity);
