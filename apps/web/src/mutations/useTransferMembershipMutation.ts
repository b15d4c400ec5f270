import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const TransferMembership = graphql(
  `
    mutation TransferMembership($input: TransferMembershipInput!) {
      transferMembership(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationTransferMembershipSuccess {
          data {
            ended {
              id
            }
            started {
              id
              group {
                id
                name
              }
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 異動: ends the membership the day before and starts one in the target group */
export const useTransferMembershipMutation = mutationHook(TransferMembership, (d) => d.transferMembership, {
  refetchQueries: ["RosterPage", "GroupsPage"],
});
