import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const AddMembership = graphql(
  `
    mutation AddMembership($input: AddMembershipInput!) {
      addMembership(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationAddMembershipSuccess {
          data {
            id
            startedOn
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 名簿への追加: a person joins a group in a role from a date */
export const useAddMembershipMutation = mutationHook(AddMembership, (d) => d.addMembership, {
  refetchQueries: ["RosterPage", "GroupsPage"],
});
