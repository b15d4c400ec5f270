import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
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

const pick = (d: ResultOf<typeof CreatePerson>) => d.createPerson;

/** 新しいボランティアの登録 (staff); then put on a roster with useAddMembershipMutation */
export function useCreatePersonMutation() {
  return useOutcomeMutation(CreatePerson, pick);
}
