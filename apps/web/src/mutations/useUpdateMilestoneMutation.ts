import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
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

const pick = (d: ResultOf<typeof UpdateMilestone>) => d.updateMilestone;

/** マイルストーンの名称・しきい値・有効/無効を変える (staff) */
export function useUpdateMilestoneMutation() {
  return useOutcomeMutation(UpdateMilestone, pick, { refetchQueries: ["Milestones"] });
}
