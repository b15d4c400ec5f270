import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
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

/** シフトを追加する */
export const useAddShiftMutation = mutationHook(AddShift, (d) => d.addShift, { refetchQueries: ["EventDetail", "Events"] });
