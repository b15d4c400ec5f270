import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const RecordConsent = graphql(
  `
    mutation RecordConsent($input: RecordConsentInput!) {
      recordConsent(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationRecordConsentSuccess {
          data {
            id
            kind
            granted
            inForce
            childVolunteer {
              id
              hasActivityConsent
              photoConsent
              activityConsentState
              photoConsentState
              consents {
                id
                kind
                granted
                givenBy
                givenOn
                scope
                policyVersion
                recordedAt
                recordedByName
                withdrawnAt
                inForce
              }
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 保護者同意の記録 (or refusal); the consent of that kind it replaces is withdrawn (the answer carries the child's consents) */
export const useRecordConsentMutation = mutationHook(RecordConsent, (d) => d.recordConsent);
