// 連絡網の印刷: a group's current members in 五十音 order with phone and e-mail, for A4 paper, for
// those Group.viewerCanSeeContacts allows (staff: the API's personContacts rule). Every page of the
// roster is loaded first; the layout's header and this page's buttons are hidden when printing.
import { Anchor, Button, Group, Stack, Table, Text } from "@mantine/core";
import { IconPrinter } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useDates } from "../../app/dates.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { todayInJapan } from "../../lib/dates.ts";
import { RosterGroupGate } from "./RosterPage.tsx";
import { useWholeRoster } from "./whole-roster.ts";

const PAGE = 100;

const ContactsQuery = graphql(`
  query GroupContacts($groupId: ID!, $first: Int!, $after: String) {
    group(id: $groupId) {
      id
      roster(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            groupRole {
              id
              name
              nameEn
            }
            person {
              id
              name
              usesNickname
              legalNameKana
              phone
              email
            }
          }
        }
      }
    }
  }
`);

export function Component() {
  const { t } = useTranslation("roster");
  return (
    <RosterGroupGate>
      {(group) =>
        group.viewerCanSeeContacts ? (
          <ContactsView group={group} />
        ) : (
          <>
            <PageTitle title={t("contacts.title", { name: group.name })} />
            <EmptyState>{t("contacts.forbidden")}</EmptyState>
          </>
        )
      }
    </RosterGroupGate>
  );
}

function ContactsView({ group }: { group: { id: string; name: string } }) {
  const { t, i18n } = useTranslation("roster");
  const { date } = useDates();
  const { data, error, refetch, roster, complete } = useWholeRoster(ContactsQuery, { groupId: group.id, first: PAGE });
  const rows = (roster?.edges ?? []).map((e) => e.node);
  return (
    <>
      <PageTitle
        title={t("contacts.title", { name: group.name })}
        actions={
          <Group gap="xs" className="no-print">
            <Button leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()} disabled={!complete}>
              {t("print.button")}
            </Button>
          </Group>
        }
      />
      <Stack gap="xs">
        <Anchor component={Link} to={`/groups/${group.id}`} size="sm" className="no-print">
          {t("contacts.back")}
        </Anchor>
        <Text size="sm">{t("contacts.meta", { date: date(todayInJapan()), count: roster?.totalCount ?? 0 })}</Text>
        {!data && error ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
        {!complete && !error ? <LoadingState /> : null}
        {complete && rows.length === 0 ? <EmptyState>{t("roster.empty")}</EmptyState> : null}
        {complete && rows.length > 0 ? (
          <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={6} fz="sm" className="roster-print">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>{t("print.number")}</Table.Th>
                <Table.Th>{t("column.nameOnly")}</Table.Th>
                <Table.Th>{t("column.kana")}</Table.Th>
                <Table.Th>{t("column.role")}</Table.Th>
                <Table.Th>{t("contacts.phone")}</Table.Th>
                <Table.Th>{t("contacts.email")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m, i) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{m.person.name ?? t("hiddenName")}</Table.Td>
                  <Table.Td>{m.person.usesNickname ? t("nickname") : (m.person.legalNameKana ?? "")}</Table.Td>
                  <Table.Td>{i18n.resolvedLanguage === "en" ? m.groupRole.nameEn : m.groupRole.name}</Table.Td>
                  <Table.Td>{m.person.phone ?? t("contacts.none")}</Table.Td>
                  <Table.Td>{m.person.email ?? t("contacts.none")}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </>
  );
}
