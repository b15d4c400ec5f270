import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
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

/** キャンセル: the first person waiting moves up to the freed place (the answer lists the confirmed, to name them) */
export const useCancelSignUpMutation = mutationHook(CancelSignUp, (d) => d.cancelSignUp, { refetchQueries: ["EventDetail", "Events"] });
