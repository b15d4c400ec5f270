import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const SendThankYou = graphql(
  `
    mutation SendThankYou($input: SendThankYouInput!) {
      sendThankYou(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationSendThankYouSuccess {
          data {
            id
            status
            fromName
            body
            receivedOn
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof SendThankYou>) => d.sendThankYou;

/** ありがとうを送る: it waits for staff moderation before the recipient sees it */
export function useSendThankYouMutation() {
  return useOutcomeMutation(SendThankYou, pick, { refetchQueries: ["ThankYous", "ModerationQueue"] });
}
