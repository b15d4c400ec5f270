import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
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
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof RecordConsent>) => d.recordConsent;

/** 保護者同意の記録 (or refusal); the consent of that kind it replaces is withdrawn */
export function useRecordConsentMutation() {
  return useOutcomeMutation(RecordConsent, pick, { refetchQueries: ["ChildVolunteers"] });
}
