import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const UpdatePerson = graphql(
  `
    mutation UpdatePerson($input: UpdatePersonInput!) {
      updatePerson(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationUpdatePersonSuccess {
          data {
            id
            name
            usesNickname
            legalName
            legalNameKana
            phone
            email
            address
            notes
            updatedAt
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 人の情報の編集 (staff): the answer updates the cached person; the page refetches for its history */
export const useUpdatePersonMutation = mutationHook(UpdatePerson, (d) => d.updatePerson, { refetchQueries: ["PersonPage"] });
