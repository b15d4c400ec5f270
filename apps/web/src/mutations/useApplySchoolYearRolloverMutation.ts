import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
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

const pick = (d: ResultOf<typeof ApplySchoolYearRollover>) => d.applySchoolYearRollover;

/** 進級処理: 学年 +1, leavers become alumni; once per school and year */
export function useApplySchoolYearRolloverMutation() {
  return useOutcomeMutation(ApplySchoolYearRollover, pick, { refetchQueries: ["ChildVolunteers", "SchoolYearRolloverPreview"] });
}
