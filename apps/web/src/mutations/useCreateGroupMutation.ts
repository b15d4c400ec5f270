import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const CreateGroup = graphql(
  `
    mutation CreateGroup($input: CreateGroupInput!) {
      createGroup(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationCreateGroupSuccess {
          data {
            id
            name
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 団体の作成 (staff): the groups list shows it */
export const useCreateGroupMutation = mutationHook(CreateGroup, (d) => d.createGroup, { refetchQueries: ["GroupsPage"] });
