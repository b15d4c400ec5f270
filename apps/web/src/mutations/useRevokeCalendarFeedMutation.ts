import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const RevokeCalendarFeed = graphql(
  `
    mutation RevokeCalendarFeed($id: ID!) {
      revokeCalendarFeed(id: $id) {
        __typename
        ...ErrorFields
        ... on MutationRevokeCalendarFeedSuccess {
          data {
            id
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 購読を停止する: the URL answers 404 from now on */
export const useRevokeCalendarFeedMutation = mutationHook(RevokeCalendarFeed, (d) => d.revokeCalendarFeed, {
  refetchQueries: ["CalendarFeeds"],
});
