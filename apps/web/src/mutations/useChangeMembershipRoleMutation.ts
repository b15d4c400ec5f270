import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const ChangeMembershipRole = graphql(
  `
    mutation ChangeMembershipRole($input: ChangeMembershipRoleInput!) {
      changeMembershipRole(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationChangeMembershipRoleSuccess {
          data {
            ended {
              id
            }
            started {
              id
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof ChangeMembershipRole>) => d.changeMembershipRole;

/** 役割の変更: ends the membership the day before and starts one in the new role */
export function useChangeMembershipRoleMutation() {
  return useOutcomeMutation(ChangeMembershipRole, pick, { refetchQueries: ["RosterPage", "PersonPage"] });
}
