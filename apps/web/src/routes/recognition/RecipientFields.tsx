// Who a thank-you or a certificate is for: first a group the viewer may address, then the group
// itself or one of its current members (from its roster, in 五十音 order). The groups are those the
// API lets the viewer thank (Group.viewerCanThank: staff every group; other accounts the groups
// their role reaches; the institution liaison the cohorts, as groups only — youths are codes and
// are never listed here).
import { useQuery } from "@apollo/client/react";
import { Select, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";

import { graphql } from "../../graphql.ts";
import { compareKana } from "../../lib/kana.ts";

const AddressableGroupsQuery = graphql(`
  query AddressableGroups {
    groups {
      id
      name
      nameKana
      viewerCanThank
      programme {
        id
        privacyTier
      }
    }
  }
`);

const GroupMembersQuery = graphql(`
  query GroupMembers($id: ID!) {
    group(id: $id) {
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

/** the recipient value that means "the group itself" */
export const TO_GROUP = "group";

interface InputProps {
  value: string | null;
  onChange: (value: string | null) => void;
  error?: unknown;
}

export function RecipientFields({
  group,
  recipient,
  groupLabel,
  recipientLabel,
  groupOnlyLabel,
}: {
  group: InputProps;
  recipient: InputProps;
  groupLabel: string;
  recipientLabel: string;
  /** the option meaning "the group itself" */
  groupOnlyLabel: string;
}) {
  const { t } = useTranslation("recognition");
  const groups = useQuery(AddressableGroupsQuery, { fetchPolicy: "cache-first" });
  const options = (groups.data?.groups ?? [])
    .filter((g) => g.viewerCanThank)
    .sort((a, b) => compareKana(a.nameKana ?? a.name, b.nameKana ?? b.name))
    .map((g) => ({ value: g.id, label: g.name }));
  const juvenile = (groups.data?.groups ?? []).find((g) => g.id === group.value)?.programme.privacyTier === "JUVENILE";
  const members = useQuery(GroupMembersQuery, {
    variables: { id: group.value ?? "" },
    skip: !group.value || juvenile,
    errorPolicy: "all",
  });
  const memberOptions = (members.data?.group?.roster?.edges ?? []).flatMap(({ node }) =>
    node.person.name ? [{ value: node.person.id, label: node.person.name }] : [],
  );
  // one person may hold several memberships of the group (role history is not asked for): once each
  const unique = [...new Map(memberOptions.map((o) => [o.value, o])).values()];

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={groupLabel}
        placeholder={groups.loading ? t("recipient.loading") : t("recipient.chooseGroup")}
        data={options}
        value={group.value}
        onChange={(v) => {
          group.onChange(v);
          recipient.onChange(TO_GROUP);
        }}
        error={group.error as string | undefined}
        searchable
        required
        nothingFoundMessage={t("recipient.noGroup")}
      />
      <Select
        label={recipientLabel}
        data={[{ value: TO_GROUP, label: groupOnlyLabel }, ...unique]}
        value={recipient.value}
        onChange={(v) => recipient.onChange(v ?? TO_GROUP)}
        error={recipient.error as string | undefined}
        disabled={!group.value}
        searchable
        allowDeselect={false}
        description={members.loading ? t("recipient.loadingMembers") : undefined}
      />
    </SimpleGrid>
  );
}
