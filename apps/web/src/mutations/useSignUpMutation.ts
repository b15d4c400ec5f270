import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

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
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof SignUp>) => d.signUp;

/** 申し込み: 確定 while places are left, else キャンセル待ち */
export function useSignUpMutation() {
  return useOutcomeMutation(SignUp, pick, { refetchQueries: ["EventDetail", "Events"] });
}
