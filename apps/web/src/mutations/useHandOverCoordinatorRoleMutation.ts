import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const HandOverCoordinatorRole = graphql(
  `
    mutation HandOverCoordinatorRole($input: HandOverCoordinatorRoleInput!) {
      handOverCoordinatorRole(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationHandOverCoordinatorRoleSuccess {
          data {
            ended {
              id
            }
            started {
              id
            }
            invitation {
              id
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 担当を引き継ぐ: a school coordinator role from one teacher to the next in one step (staff) */
export const useHandOverCoordinatorRoleMutation = mutationHook(HandOverCoordinatorRole, (d) => d.handOverCoordinatorRole, {
  refetchQueries: ["Accounts"],
});
