import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
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

/** 役割の変更: ends the membership the day before and starts one in the new role */
export const useChangeMembershipRoleMutation = mutationHook(ChangeMembershipRole, (d) => d.changeMembershipRole, {
  refetchQueries: ["RosterPage"],
});
