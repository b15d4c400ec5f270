import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const ImportChildVolunteers = graphql(
  `
    mutation ImportChildVolunteers($groupId: ID!, $csv: String!, $encoding: CsvEncoding) {
      importChildVolunteers(groupId: $groupId, csv: $csv, encoding: $encoding) {
        __typename
        ...ErrorFields
        ... on MutationImportChildVolunteersSuccess {
          data {
            id
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof ImportChildVolunteers>) => d.importChildVolunteers;

/** CSV一括登録: all rows or none (the server checks every row again) */
export function useImportChildVolunteersMutation() {
  return useOutcomeMutation(ImportChildVolunteers, pick, { refetchQueries: ["ChildVolunteers"] });
}
