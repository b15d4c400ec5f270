import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const ApplySchoolYearRollover = graphql(
  `
    mutation ApplySchoolYearRollover($groupId: ID!, $fiscalYear: Int!) {
      applySchoolYearRollover(groupId: $groupId, fiscalYear: $fiscalYear) {
        __typename
        ...ErrorFields
        ... on MutationApplySchoolYearRolloverSuccess {
          data {
            fiscalYear
            appliedAt
            promotedCount
            graduatingCount
          }
        }
      }
    }
  `,
  [ErrorFields],
);

/** 進級処理: 学年 +1, leavers become alumni; once per school and year */
export const useApplySchoolYearRolloverMutation = mutationHook(ApplySchoolYearRollover, (d) => d.applySchoolYearRollover, {
  refetchQueries: ["SchoolYearRolloverPreview"],
});
