import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const UpdateMilestone = graphql(
  `
    mutation UpdateMilestone($id: ID!, $input: UpdateMilestoneInput!) {
      updateMilestone(id: $id, input: $input) {
        __typename
        ...ErrorFields
        ... on MutationUpdateMilestoneSuccess {
          data {
            id
            name
            nameEn
            threshold
            active
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** マイルストーンの名称・しきい値・有効/無効を変える (staff) */
export const useUpdateMilestoneMutation = mutationHook(UpdateMilestone, (d) => d.updateMilestone);
