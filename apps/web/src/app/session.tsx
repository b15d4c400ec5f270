// The signed-in account (`me`) and what it uses the app for (`me.can`, the API's own rules): the
// navigation, the route guards and the dashboard ask it.
import { useQuery } from "@apollo/client/react";

import { graphql, type ResultOf } from "../graphql.ts";

const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      name
      email
      isStaff
      roles
      personId
      schoolGroupIds
      subcommitteeIds
      salonIds
      liaisonProgrammeIds
      can {
        rosters
        activityLogs
        reviewActivityLogs
        childVolunteers
        events
        reports
        audit
        recognition
        insurance
        recordInsurance
        manageGroups
        accounts
      }
    }
  }
`);

export type Viewer = NonNullable<ResultOf<typeof ViewerQuery>["me"]>;

export function useViewer({ fresh = false }: { fresh?: boolean } = {}) {
  const { data, loading, error, refetch } = useQuery(ViewerQuery, {
    fetchPolicy: fresh ? "network-only" : "cache-first",
    nextFetchPolicy: "cache-first",
  });
  return { viewer: data?.me ?? null, loading: loading && !data, error, refetch };
}
