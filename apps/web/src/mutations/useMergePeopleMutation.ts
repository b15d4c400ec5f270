import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const MergePeople = graphql(
  `
    mutation MergePeople($input: MergePeopleInput!) {
      mergePeople(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationMergePeopleSuccess {
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

/** 重複した記録の統合 (staff): the survivor's page refetches everything that moved to it */
export const useMergePeopleMutation = mutationHook(MergePeople, (d) => d.mergePeople, { refetchQueries: ["PersonPage"] });
