import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const MarkNotificationsRead = graphql(
  `
    mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {
      markNotificationsRead(ids: $ids, all: $all) {
        __typename
        ...ErrorFields
        ... on MutationMarkNotificationsReadSuccess {
          data {
            unreadCount
            notifications {
              id
              readAt
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 既読にする: the notifications marked read are updated in the cache by id; the bell takes the new count */
export const useMarkNotificationsReadMutation = mutationHook(MarkNotificationsRead, (d) => d.markNotificationsRead, {
  update(cache, { data }) {
    const result = data?.markNotificationsRead;
    if (result?.__typename !== "MutationMarkNotificationsReadSuccess") return;
    cache.modify({ id: "ROOT_QUERY", fields: { unreadNotificationCount: () => result.data.unreadCount } });
  },
  // "all read" marks notifications the page may not have loaded: the list is read again
  refetchQueries: ["NotificationInbox"],
});
