import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";
import { ShiftSignUps } from "../routes/event/sign-ups.ts";

const SignUp = graphql(
  `
    mutation SignUp($shiftId: ID!, $personId: ID!) {
      signUp(shiftId: $shiftId, personId: $personId) {
        __typename
        ...ErrorFields
        ... on MutationSignUpSuccess {
          data {
            id
            status
            person {
              id
              name
            }
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

/** 申し込み: 確定 while places are left, else キャンセル待ち (the answer carries the shift's lists) */
export const useSignUpMutation = mutationHook(SignUp, (d) => d.signUp);
