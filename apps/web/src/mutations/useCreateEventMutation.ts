import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
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

const pick = (d: ResultOf<typeof CreateEvent>) => d.createEvent;

/** イベントを作成する (予定) */
export function useCreateEventMutation() {
  return useOutcomeMutation(CreateEvent, pick, { refetchQueries: ["Events"] });
}
