import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const CreateEvent = graphql(
  `
    mutation CreateEvent($input: CreateEventInput!) {
      createEvent(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationCreateEventSuccess {
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

/** イベントを作成する (予定) */
export const useCreateEventMutation = mutationHook(CreateEvent, (d) => d.createEvent);
