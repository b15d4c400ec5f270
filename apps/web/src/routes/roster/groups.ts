// The groups this area lists: those whose roster the API lets the viewer manage
// (Group.viewerCanManageRoster: staff every group of the organisation, others the groups their role
// reaches; the API lists every group's name to every account, rosters are what it guards). Never
// a juvenile cohort: its youths are codes, kept to the juvenile screens.
import { useQuery } from "@apollo/client/react";

import { graphql, type ResultOf } from "../../graphql.ts";
import { toHiragana } from "../../lib/kana.ts";

const GroupsQuery = graphql(`
  query GroupsPage {
    programmes {
      id
      code
      name
      nameEn
      privacyTier
    }
    groups {
      id
      name
      nameKana
      nickname
      hostsHokkoriConsultation
      endedOn
      isClosed
      activeMemberCount
      viewerCanManageRoster
      programme {
        id
        privacyTier
      }
      kind {
        id
        name
        nameEn
      }
      area {
        id
        name
      }
    }
  }
`);

export type ListedGroup = ResultOf<typeof GroupsQuery>["groups"][number];
export type ListedProgramme = ResultOf<typeof GroupsQuery>["programmes"][number];

export function listable(group: { viewerCanManageRoster: boolean; programme: { privacyTier: string } }): boolean {
  return group.viewerCanManageRoster && group.programme.privacyTier !== "JUVENILE";
}

/** the groups the viewer may open here, in the API's order (programme, then name) */
export function useListedGroups() {
  const { data, loading, error, refetch } = useQuery(GroupsQuery);
  const groups = (data?.groups ?? []).filter(listable);
  const programmes = (data?.programmes ?? []).filter((p) => p.privacyTier !== "JUVENILE");
  return { groups, programmes, loading: loading && !data, error, refetch };
}

/** text folded for matching: NFKC, katakana → hiragana, lower case */
function fold(text: string): string {
  return toHiragana(text).toLowerCase();
}

/** every search word appears in the group's name, ふりがな, 愛称 or area */
export function matchesGroup(group: ListedGroup, search: string): boolean {
  const words = fold(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold([group.name, group.nameKana, group.nickname, group.area?.name].filter(Boolean).join(" "));
  const compact = haystack.replace(/\s+/g, "");
  return words.every((w) => haystack.includes(w) || compact.includes(w));
}
