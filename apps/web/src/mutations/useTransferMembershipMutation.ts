import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
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

const pick = (d: ResultOf<typeof TransferMembership>) => d.transferMembership;

/** 異動: ends the membership the day before and starts one in the target group */
export function useTransferMembershipMutation() {
  return useOutcomeMutation(TransferMembership, pick, { refetchQueries: ["RosterPage", "GroupsPage", "PersonPage"] });
}
