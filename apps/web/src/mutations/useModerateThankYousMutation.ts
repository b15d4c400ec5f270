import { graphql } from "../graphql.ts";
import { dropFromConnection } from "../lib/cache.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const ModerateThankYous = graphql(
  `
    mutation ModerateThankYous($ids: [ID!]!, $decision: ModerationDecision!) {
      moderateThankYous(ids: $ids, decision: $decision) {
        __typename
        ...ErrorFields
        ... on MutationModerateThankYousSuccess {
          data {
            id
            status
            moderatedAt
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 承認・却下 (staff), all or none; the messages leave the moderation queue */
export const useModerateThankYousMutation = mutationHook(ModerateThankYous, (d) => d.moderateThankYous, {
  update(cache, { data }) {
    const result = data?.moderateThankYous;
    if (result?.__typename === "MutationModerateThankYousSuccess")
      dropFromConnection(
        cache,
        "moderationQueue",
        result.data.map((m) => m.id),
      );
  },
});
