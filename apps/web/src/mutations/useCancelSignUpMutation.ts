import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const CancelSignUp = graphql(
  `
    mutation CancelSignUp($signUpId: ID!) {
      cancelSignUp(signUpId: $signUpId) {
        __typename
        ...ErrorFields
        ... on MutationCancelSignUpSuccess {
          data {
            id
            status
            shift {
              id
              confirmed {
                id
                person {
                  id
                  name
                }
              }
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof CancelSignUp>) => d.cancelSignUp;

/** キャンセル: the first person waiting moves up to the freed place (the answer lists the confirmed, to name them) */
export function useCancelSignUpMutation() {
  return useOutcomeMutation(CancelSignUp, pick, { refetchQueries: ["EventDetail", "Events"] });
}
