import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
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
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof UpdateEvent>) => d.updateEvent;

/** イベントを編集する: only the fields given change */
export function useUpdateEventMutation() {
  return useOutcomeMutation(UpdateEvent, pick, { refetchQueries: ["EventDetail", "Events"] });
}
