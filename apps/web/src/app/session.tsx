// The signed-in account (`me`) and what its roles reach; the navigation and the route guards ask it.
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

/** groups the viewer's roles reach, other than staff's whole organisation */
export function scopedGroupIds(viewer: Viewer): string[] {
  return [...viewer.schoolGroupIds, ...viewer.subcommitteeIds, ...viewer.salonIds];
}
