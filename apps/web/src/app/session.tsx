// The signed-in account (`me`) and what it uses the app for (`me.can`, the API's own rules): the
// navigation, the route guards and the dashboard ask it. The signed-in layout's route loader asks
// the API once each time the layout is entered (after signing in, a cached answer may be "signed
// out"); the screens read that answer from the cache.
import { useQuery } from "@apollo/client/react";

import { graphql, type ResultOf } from "../graphql.ts";
import { apolloClient } from "./apollo.ts";

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

export function useViewer() {
  const { data, loading, error, refetch } = useQuery(ViewerQuery, { fetchPolicy: "cache-first" });
  return { viewer: data?.me ?? null, loading: loading && !data, error, refetch };
}

/**
 * The viewer for a route loader: `fresh` asks the API (the layout, once per entry), otherwise the
 * cached answer or the request already on its way. Null when it fails: the layout then asks again
 * and shows the failure with a retry.
 */
export async function loadViewer({ fresh = false }: { fresh?: boolean } = {}): Promise<Viewer | null> {
  try {
    const { data } = await apolloClient.query({ query: ViewerQuery, fetchPolicy: fresh ? "network-only" : "cache-first" });
    return data?.me ?? null;
  } catch {
    return null;
  }
}
