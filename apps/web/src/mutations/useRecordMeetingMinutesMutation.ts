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
            heldOn
            title
            body
            event {
              id
              meetingMinutes {
                id
              }
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 議事録を記録する: the group's list is fetched again (newest first); the event's comes in the answer */
export const useRecordMeetingMinutesMutation = mutationHook(RecordMeetingMinutes, (d) => d.recordMeetingMinutes, {
  refetchQueries: ["MeetingMinutes"],
});
