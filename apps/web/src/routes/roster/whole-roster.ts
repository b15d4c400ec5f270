// A printout is the whole list: every page of a group's roster connection, loaded one after the
// other (名簿の印刷 and 連絡網 use it). `complete` turns true once the last page is in.
import type { OperationVariables, TypedDocumentNode } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { useEffect } from "react";

interface GroupRoster {
  group?: {
    roster: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null }; edges: readonly unknown[] } | null;
  } | null;
}

export function useWholeRoster<TData extends GroupRoster, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
) {
  // Apollo's option types do not narrow for a generic TVariables (as in lib/mutation.ts)
  const { data, error, fetchMore, refetch } = useQuery(document, { variables, errorPolicy: "all" } as never);
  const roster = (data as TData | undefined)?.group?.roster;
  const endCursor = roster?.pageInfo.hasNextPage ? roster.pageInfo.endCursor : null;
  useEffect(() => {
    if (!endCursor) return;
    void fetchMore({
      variables: { after: endCursor } as never,
      updateQuery: (previous: TData, { fetchMoreResult }: { fetchMoreResult: TData }) => {
        const prev = previous.group?.roster;
        const next = fetchMoreResult.group?.roster;
        if (!prev || !next || !previous.group) return fetchMoreResult;
        return { ...fetchMoreResult, group: { ...previous.group, roster: { ...next, edges: [...prev.edges, ...next.edges] } } };
      },
    } as never);
  }, [endCursor, fetchMore]);
  return {
    data: data as TData | undefined,
    error,
    refetch,
    /** the connection once loaded (its edges grow as pages arrive) */
    roster: (roster ?? undefined) as NonNullable<NonNullable<TData["group"]>["roster"]> | undefined,
    complete: roster != null && !roster.pageInfo.hasNextPage,
  };
}
