import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const WithdrawConsent = graphql(
  `
    mutation WithdrawConsent($consentId: ID!, $on: Date) {
      withdrawConsent(consentId: $consentId, on: $on) {
        __typename
        ...ErrorFields
        ... on MutationWithdrawConsentSuccess {
          data {
            id
            withdrawnAt
            inForce
            childVolunteer {
              id
              hasActivityConsent
              photoConsent
              activityConsentState
              photoConsentState
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 同意の撤回 as of a day (default today); the record is kept, and the child's states come back with it */
export const useWithdrawConsentMutation = mutationHook(WithdrawConsent, (d) => d.withdrawConsent);
