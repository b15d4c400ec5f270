import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const RevokeAccessRole = graphql(
  `
    mutation RevokeAccessRole($id: ID!) {
      revokeAccessRole(id: $id) {
        __typename
        ...ErrorFields
        ... on MutationRevokeAccessRoleSuccess {
          data {
            id
            revokedAt
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 役割を取り消す: at once, in every session of the account (staff) */
export const useRevokeAccessRoleMutation = mutationHook(RevokeAccessRole, (d) => d.revokeAccessRole, { refetchQueries: ["Accounts"] });
