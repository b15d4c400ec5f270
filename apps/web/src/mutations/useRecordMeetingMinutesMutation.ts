import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const RecordMeetingMinutes = graphql(
  `
    mutation RecordMeetingMinutes($input: RecordMeetingMinutesInput!) {
      recordMeetingMinutes(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationRecordMeetingMinutesSuccess {
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

const pick = (d: ResultOf<typeof RecordMeetingMinutes>) => d.recordMeetingMinutes;

/** 議事録を記録する */
export function useRecordMeetingMinutesMutation() {
  return useOutcomeMutation(RecordMeetingMinutes, pick, { refetchQueries: ["MeetingMinutes", "EventDetail"] });
}
