import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const RevokeInvitation = graphql(
  `
    mutation RevokeInvitation($id: ID!) {
      revokeInvitation(id: $id) {
        __typename
        ...ErrorFields
        ... on MutationRevokeInvitationSuccess {
          data {
            id
            state
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 招待を取り消す: the link stops working (staff) */
export const useRevokeInvitationMutation = mutationHook(RevokeInvitation, (d) => d.revokeInvitation, { refetchQueries: ["Accounts"] });
