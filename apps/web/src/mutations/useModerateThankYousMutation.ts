import { graphql } from "../graphql.ts";
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

/** 承認・却下 (staff), all or none */
export const useModerateThankYousMutation = mutationHook(ModerateThankYous, (d) => d.moderateThankYous, {
  refetchQueries: ["ModerationQueue", "ThankYous", "RecentThankYous"],
});
