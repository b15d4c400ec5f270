import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const CancelEvent = graphql(
  `
    mutation CancelEvent($id: ID!) {
      cancelEvent(id: $id) {
        __typename
        ...ErrorFields
        ... on MutationCancelEventSuccess {
          data {
            id
            status
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof CancelEvent>) => d.cancelEvent;

/** 中止: the event stays with its sign-ups as a record */
export function useCancelEventMutation() {
  return useOutcomeMutation(CancelEvent, pick, { refetchQueries: ["EventDetail", "Events"] });
}
