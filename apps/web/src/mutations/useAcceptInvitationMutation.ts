import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const AcceptInvitation = graphql(
  `
    mutation AcceptInvitation($token: String!, $password: String!) {
      acceptInvitation(token: $token, password: $password) {
        __typename
        ...ErrorFields
        ... on MutationAcceptInvitationSuccess {
          data
        }
      }
    }
  `,
  [ErrorFields],
);

/** 招待の受諾: sets the invitee's password */
export const useAcceptInvitationMutation = mutationHook(AcceptInvitation, (d) => d.acceptInvitation);
