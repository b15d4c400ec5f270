import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const InviteAccount = graphql(
  `
    mutation InviteAccount($input: InviteAccountInput!) {
      inviteAccount(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationInviteAccountSuccess {
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

/** アカウントを招待する: a scoped role and an invitation by mail (staff) */
export const useInviteAccountMutation = mutationHook(InviteAccount, (d) => d.inviteAccount, { refetchQueries: ["Accounts"] });
