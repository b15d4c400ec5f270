// The school groups (子ども福祉委員 of one school) the viewer manages, as the API says
// (Group.viewerCanManageChildVolunteers: a coordinator's one or two, staff every school's). The
// programme code is the catalog's "child".
import { CombinedGraphQLErrors } from "@apollo/client";
import { useQuery } from "@apollo/client/react";

import { graphql } from "../../graphql.ts";

const CHILD_PROGRAMME = "child";

const SchoolGroupsQuery = graphql(`
  query ChildVolunteerSchoolGroups($programmeCode: String!) {
    groups(programmeCode: $programmeCode) {
      id
      name
      viewerCanManageChildVolunteers
    }
  }
`);

export function useSchoolGroups() {
  const { data, loading, error, refetch } = useQuery(SchoolGroupsQuery, { variables: { programmeCode: CHILD_PROGRAMME } });
  const groups = (data?.groups ?? []).filter((g) => g.viewerCanManageChildVolunteers);
  return { groups, loading: loading && !data, error, refetch };
}

/** the API refused the field: the viewer is not staff nor this school's coordinator */
export function isForbidden(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === "FORBIDDEN");
}
