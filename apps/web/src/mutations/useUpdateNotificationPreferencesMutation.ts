import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const UpdateNotificationPreferences = graphql(
  `
    mutation UpdateNotificationPreferences($input: [NotificationPreferenceInput!]!) {
      updateNotificationPreferences(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationUpdateNotificationPreferencesSuccess {
          data {
            kind
            mail
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** お知らせの設定: the answer is every kind's setting, written over the list on screen */
export const useUpdateNotificationPreferencesMutation = mutationHook(
  UpdateNotificationPreferences,
  (d) => d.updateNotificationPreferences,
  {
    update(cache, { data }) {
      const result = data?.updateNotificationPreferences;
      if (result?.__typename !== "MutationUpdateNotificationPreferencesSuccess") return;
      cache.modify({ id: "ROOT_QUERY", fields: { notificationPreferences: () => result.data } });
    },
  },
);
