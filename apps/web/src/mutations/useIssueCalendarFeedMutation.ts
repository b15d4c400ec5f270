import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const IssueCalendarFeed = graphql(
  `
    mutation IssueCalendarFeed($groupId: ID) {
      issueCalendarFeed(groupId: $groupId) {
        __typename
        ...ErrorFields
        ... on MutationIssueCalendarFeedSuccess {
          data {
            path
            feed {
              id
              groupId
              createdAt
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** カレンダーの購読URLを発行する: a new secret URL (shown once); the previous one of that calendar stops working */
export const useIssueCalendarFeedMutation = mutationHook(IssueCalendarFeed, (d) => d.issueCalendarFeed, {
  refetchQueries: ["CalendarFeeds"],
});
