import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const RecordEventActivityLog = graphql(
  `
    mutation RecordEventActivityLog($eventId: ID!, $activityTypeCode: String!, $minutes: Int, $peopleServed: Int) {
      recordEventActivityLog(eventId: $eventId, activityTypeCode: $activityTypeCode, minutes: $minutes, peopleServed: $peopleServed) {
        __typename
        ...ErrorFields
        ... on MutationRecordEventActivityLogSuccess {
          data {
            id
            activityLog {
              id
              status
              participantCount
              uninsuredCount
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof RecordEventActivityLog>) => d.recordEventActivityLog;

/** 出席を活動記録にする: one submitted activity log from the event's attendance */
export function useRecordEventActivityLogMutation() {
  return useOutcomeMutation(RecordEventActivityLog, pick, { refetchQueries: ["EventDetail", "ActivityLogs"] });
}
