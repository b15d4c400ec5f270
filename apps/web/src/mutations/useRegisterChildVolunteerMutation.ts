import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const RegisterChildVolunteer = graphql(
  `
    mutation RegisterChildVolunteer($input: RegisterChildVolunteerInput!) {
      registerChildVolunteer(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationRegisterChildVolunteerSuccess {
          data {
            id
            grade
            person {
              id
              name
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 子ども福祉委員の登録: the child, the school-group membership and the consents at once */
export const useRegisterChildVolunteerMutation = mutationHook(RegisterChildVolunteer, (d) => d.registerChildVolunteer);
