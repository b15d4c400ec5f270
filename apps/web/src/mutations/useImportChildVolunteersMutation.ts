import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
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

/** CSV一括登録: all rows or none (the server checks every row again) */
export const useImportChildVolunteersMutation = mutationHook(ImportChildVolunteers, (d) => d.importChildVolunteers);
