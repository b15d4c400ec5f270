import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
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

const pick = (d: ResultOf<typeof ModerateThankYous>) => d.moderateThankYous;

/** 承認・却下 (staff), all or none */
export function useModerateThankYousMutation() {
  return useOutcomeMutation(ModerateThankYous, pick, {
    refetchQueries: ["ModerationQueue", "ThankYous", "RecentThankYous"],
  });
}
