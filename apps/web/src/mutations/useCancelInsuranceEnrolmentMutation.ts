import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const CancelInsuranceEnrolment = graphql(
  `
    mutation CancelInsuranceEnrolment($id: ID!) {
      cancelInsuranceEnrolment(id: $id) {
        __typename
        ...ErrorFields
        ... on MutationCancelInsuranceEnrolmentSuccess {
          data
        }
      }
    }
  `,
  [ErrorFields],
);

/** 加入の取消 (staff): the person is listed as uninsured again */
export const useCancelInsuranceEnrolmentMutation = mutationHook(CancelInsuranceEnrolment, (d) => d.cancelInsuranceEnrolment, {
  refetchQueries: ["InsuranceLapses", "InsuranceEnrolments"],
});
