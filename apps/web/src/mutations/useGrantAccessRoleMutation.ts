import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const GrantAccessRole = graphql(
  `
    mutation GrantAccessRole($input: GrantAccessRoleInput!) {
      grantAccessRole(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationGrantAccessRoleSuccess {
          data {
            id
            role
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 役割を付与する: a scoped role for an existing account (staff) */
export const useGrantAccessRoleMutation = mutationHook(GrantAccessRole, (d) => d.grantAccessRole, { refetchQueries: ["Accounts"] });
