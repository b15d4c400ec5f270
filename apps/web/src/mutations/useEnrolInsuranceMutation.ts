import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const EnrolInsurance = graphql(
  `
    mutation EnrolInsurance($input: EnrolInsuranceInput!) {
      enrolInsurance(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationEnrolInsuranceSuccess {
          data {
            id
            fiscalYear
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** ボランティア活動保険の加入を記録する: one person or many at once, all or nothing (staff) */
export const useEnrolInsuranceMutation = mutationHook(EnrolInsurance, (d) => d.enrolInsurance, {
  refetchQueries: ["InsuranceLapses", "InsuranceEnrolments"],
});
