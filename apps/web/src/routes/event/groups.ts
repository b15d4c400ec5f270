// The groups whose events the viewer may list and plan, as the API says (Group.viewerCanPlanEvents:
// staff any group of the organisation, others the groups their roles reach — a 部会 for a
// subcommittee member).
import { useQuery } from "@apollo/client/react";

import { useViewer } from "../../app/session.tsx";
import { graphql } from "../../graphql.ts";

const EventGroupsQuery = graphql(`
  query EventGroups {
    groups {
      id
      name
      nickname
      viewerCanPlanEvents
      kind {
        id
        code
      }
    }
  }
`);

export interface EventGroup {
  id: string;
  name: string;
  nickname: string | null;
  kindCode: string;
}

/** "イベント部会「ぼちぼちいこらyo！」" */
export function groupLabel(group: { name: string; nickname?: string | null }): string {
  return group.nickname ? `${group.name}「${group.nickname}」` : group.name;
}

export function useEventGroups() {
  const { viewer } = useViewer();
  const { data, loading, error, refetch } = useQuery(EventGroupsQuery);
  const groups: EventGroup[] = (data?.groups ?? [])
    .filter((g) => g.viewerCanPlanEvents)
    .map((g) => ({ id: g.id, name: g.name, nickname: g.nickname, kindCode: g.kind.code }));
  // 部会 first: events and minutes are mostly theirs
  const rank = (g: EventGroup) => (g.kindCode === "subcommittee" ? 0 : g.kindCode === "network" ? 1 : 2);
  groups.sort((a, b) => rank(a) - rank(b));
  return { groups, isStaff: viewer?.isStaff ?? false, loading: loading && !data, error, refetch };
}
