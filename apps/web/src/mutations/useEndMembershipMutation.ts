import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
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

/** 所属の終了: ends a membership on a date with a reason (kept as history) */
export const useEndMembershipMutation = mutationHook(EndMembership, (d) => d.endMembership, {
  refetchQueries: ["RosterPage", "GroupsPage"],
});
