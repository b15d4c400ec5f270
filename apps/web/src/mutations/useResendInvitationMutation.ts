import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const ResendInvitation = graphql(
  `
    mutation ResendInvitation($id: ID!) {
      resendInvitation(id: $id) {
        __typename
        ...ErrorFields
        ... on MutationResendInvitationSuccess {
          data {
            id
            state
            expiresAt
            sendCount
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 招待を再送する: a new link and expiry; the old link stops working (staff) */
export const useResendInvitationMutation = mutationHook(ResendInvitation, (d) => d.resendInvitation, { refetchQueries: ["Accounts"] });
