import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
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

const pick = (d: ResultOf<typeof AddMembership>) => d.addMembership;

/** 名簿への追加: a person joins a group in a role from a date */
export function useAddMembershipMutation() {
  return useOutcomeMutation(AddMembership, pick, { refetchQueries: ["RosterPage", "GroupsPage", "PersonPage"] });
}
