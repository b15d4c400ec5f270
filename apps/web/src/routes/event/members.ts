// The 部会's current members, in 五十音 order (the API orders the roster by ふりがな): the people
// who can be signed up to a shift or given a task.
import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";

import { graphql } from "../../graphql.ts";

const EventMembersQuery = graphql(`
  query EventMembers($groupId: ID!) {
    group(id: $groupId) {
      id
      roster(first: 100) {
        edges {
          node {
            id
            person {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export interface Member {
  id: string;
  name: string;
}

export function useEventMembers(groupId: string | null) {
  const { t } = useTranslation("event");
  const { data, loading, error } = useQuery(EventMembersQuery, { variables: { groupId: groupId ?? "" }, skip: !groupId });
  const seen = new Set<string>();
  const members: Member[] = [];
  for (const { node } of data?.group?.roster?.edges ?? []) {
    // one person may hold two memberships (a role change): list them once
    if (seen.has(node.person.id)) continue;
    seen.add(node.person.id);
    members.push({ id: node.person.id, name: node.person.name ?? t("hiddenName") });
  }
  return { members, loading: loading && !data, error };
}
