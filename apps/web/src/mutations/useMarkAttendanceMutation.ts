import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
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
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof MarkAttendance>) => d.markAttendance;

/** 出席: who of those signed up attended the shift */
export function useMarkAttendanceMutation() {
  return useOutcomeMutation(MarkAttendance, pick, { refetchQueries: ["EventDetail"] });
}
