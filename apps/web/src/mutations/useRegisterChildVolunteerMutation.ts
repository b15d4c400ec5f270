import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
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

const pick = (d: ResultOf<typeof RegisterChildVolunteer>) => d.registerChildVolunteer;

/** 子ども福祉委員の登録: the child, the school-group membership and the consents at once */
export function useRegisterChildVolunteerMutation() {
  return useOutcomeMutation(RegisterChildVolunteer, pick, { refetchQueries: ["ChildVolunteers"] });
}
