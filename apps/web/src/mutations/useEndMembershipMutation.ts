import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const EndMembership = graphql(
  `
    mutation EndMembership($input: EndMembershipInput!) {
      endMembership(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationEndMembershipSuccess {
          data {
            id
            endedOn
            endReason
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof EndMembership>) => d.endMembership;

/** 所属の終了: ends a membership on a date with a reason (kept as history) */
export function useEndMembershipMutation() {
  return useOutcomeMutation(EndMembership, pick, { refetchQueries: ["RosterPage", "GroupsPage", "PersonPage"] });
}
