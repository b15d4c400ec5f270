import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const ApplyInsuranceRollover = graphql(
  `
    mutation ApplyInsuranceRollover($input: ApplyInsuranceRolloverInput!) {
      applyInsuranceRollover(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationApplyInsuranceRolloverSuccess {
          data {
            fiscalYear
            enrolledCount
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 年度更新: carries last year's insured into the year (staff); idempotent */
export const useApplyInsuranceRolloverMutation = mutationHook(ApplyInsuranceRollover, (d) => d.applyInsuranceRollover, {
  refetchQueries: ["InsuranceRolloverPreview", "InsuranceLapses", "InsuranceEnrolments"],
});
