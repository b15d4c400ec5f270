import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
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

/** ありがとうを送る: it waits for staff moderation before the recipient sees it */
export const useSendThankYouMutation = mutationHook(SendThankYou, (d) => d.sendThankYou, { refetchQueries: ["ThankYous"] });
