import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const AddShift = graphql(
  `
    mutation AddShift($input: AddShiftInput!) {
      addShift(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationAddShiftSuccess {
          data {
            id
            title
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof AddShift>) => d.addShift;

/** シフトを追加する */
export function useAddShiftMutation() {
  return useOutcomeMutation(AddShift, pick, { refetchQueries: ["EventDetail", "Events"] });
}
