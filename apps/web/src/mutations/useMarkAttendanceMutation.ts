import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const MarkAttendance = graphql(
  `
    mutation MarkAttendance($shiftId: ID!, $attendedPersonIds: [ID!]!) {
      markAttendance(shiftId: $shiftId, attendedPersonIds: $attendedPersonIds) {
        __typename
        ...ErrorFields
        ... on MutationMarkAttendanceSuccess {
          data {
            id
            confirmed {
              id
              attended
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 出席: who of those signed up attended the shift */
export const useMarkAttendanceMutation = mutationHook(MarkAttendance, (d) => d.markAttendance);
