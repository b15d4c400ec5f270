import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
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

/** 中止: the event stays with its sign-ups as a record */
export const useCancelEventMutation = mutationHook(CancelEvent, (d) => d.cancelEvent);
