import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";
import { ShiftSignUps } from "../routes/event/sign-ups.ts";

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
              ...ShiftSignUps
            }
          }
        }
      }
    }
  `,
  [ErrorFields, ShiftSignUps],
);

/** キャンセル: the first person waiting moves up to the freed place (the answer carries the shift's lists, to name them) */
export const useCancelSignUpMutation = mutationHook(CancelSignUp, (d) => d.cancelSignUp);
