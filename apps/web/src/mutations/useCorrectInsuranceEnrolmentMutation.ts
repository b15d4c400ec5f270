import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const CorrectInsuranceEnrolment = graphql(
  `
    mutation CorrectInsuranceEnrolment($id: ID!, $input: CorrectInsuranceEnrolmentInput!) {
      correctInsuranceEnrolment(id: $id, input: $input) {
        __typename
        ...ErrorFields
        ... on MutationCorrectInsuranceEnrolmentSuccess {
          data {
            id
            plan
            enrolledOn
            reference
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 加入記録の訂正: plan, date, reference (staff); the answer updates the cached row */
export const useCorrectInsuranceEnrolmentMutation = mutationHook(CorrectInsuranceEnrolment, (d) => d.correctInsuranceEnrolment);
