import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const UpdateEvent = graphql(
  `
    mutation UpdateEvent($input: UpdateEventInput!) {
      updateEvent(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationUpdateEventSuccess {
          data {
            id
            title
            description
            place
            startsAt
            endsAt
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** イベントを編集する: only the fields given change */
export const useUpdateEventMutation = mutationHook(UpdateEvent, (d) => d.updateEvent);
