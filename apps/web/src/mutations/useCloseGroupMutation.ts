import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const CloseGroup = graphql(
  `
    mutation CloseGroup($input: CloseGroupInput!) {
      closeGroup(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationCloseGroupSuccess {
          data {
            id
            endedOn
            isClosed
            activeMemberCount
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 団体の活動終了 (staff): its open memberships end, so the roster refetches too */
export const useCloseGroupMutation = mutationHook(CloseGroup, (d) => d.closeGroup, { refetchQueries: ["GroupsPage", "RosterPage"] });
