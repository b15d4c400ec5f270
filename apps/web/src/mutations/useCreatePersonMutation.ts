import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const CreatePerson = graphql(
  `
    mutation CreatePerson($input: CreatePersonInput!) {
      createPerson(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationCreatePersonSuccess {
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

/** 新しいボランティアの登録 (staff); then put on a roster with useAddMembershipMutation */
export const useCreatePersonMutation = mutationHook(CreatePerson, (d) => d.createPerson);
