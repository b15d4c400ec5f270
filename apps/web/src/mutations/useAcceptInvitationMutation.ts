import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
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

const pick = (d: ResultOf<typeof AcceptInvitation>) => d.acceptInvitation;

/** 招待の受諾: sets the invitee's password */
export function useAcceptInvitationMutation() {
  return useOutcomeMutation(AcceptInvitation, pick);
}
