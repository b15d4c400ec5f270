import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";
import { ShiftSignUps } from "../routes/event/sign-ups.ts";

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
            startsAt
            endsAt
            capacity
            ...ShiftSignUps
            event {
              id
              shifts {
                id
              }
            }
          }
        }
      }
    }
  `,
  [ErrorFields, ShiftSignUps],
);

/** シフトを追加する: the answer carries the event's shift list, in the page's order (by start) */
export const useAddShiftMutation = mutationHook(AddShift, (d) => d.addShift);
