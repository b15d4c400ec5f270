import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
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

/** 議事録を記録する */
export const useRecordMeetingMinutesMutation = mutationHook(RecordMeetingMinutes, (d) => d.recordMeetingMinutes, {
  refetchQueries: ["MeetingMinutes", "EventDetail"],
});
