import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
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
            status
            activityLog {
              id
              status
              participantCount
              minutes
              uninsuredCount
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 出席を活動記録にする: one submitted activity log from the event's attendance; the event is then 実施済み */
export const useRecordEventActivityLogMutation = mutationHook(RecordEventActivityLog, (d) => d.recordEventActivityLog);
