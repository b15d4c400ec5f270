import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const UpdateGroup = graphql(
  `
    mutation UpdateGroup($input: UpdateGroupInput!) {
      updateGroup(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationUpdateGroupSuccess {
          data {
            id
            name
            nameKana
            nickname
            description
            venue
            meetingSchedule
            hostsHokkoriConsultation
            institution
            startedOn
            area {
              id
              name
            }
            parent {
              id
            }
            school {
              id
            }
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 団体の編集 (staff): the answer updates the cached group; the list refetches for its order */
export const useUpdateGroupMutation = mutationHook(UpdateGroup, (d) => d.updateGroup, { refetchQueries: ["GroupsPage"] });
