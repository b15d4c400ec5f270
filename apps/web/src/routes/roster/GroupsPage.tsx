// 事業・グループ: the programmes and their groups the viewer may open, searchable by name or
// ふりがな (hiragana or katakana), with area, kind, active members and ほっこり相談 for salons.
import { Anchor, Badge, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { PageTitle } from "../../components/PageTitle.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { EmptyState, QueryState } from "../../components/States.tsx";
import { sortByKana } from "../../lib/kana.ts";
import { matchesGroup, useListedGroups, type ListedGroup, type ListedProgramme } from "./groups.ts";

export function Component() {
  const { t } = useTranslation("roster");
  const [search, setSearch] = useState("");
  const { groups, programmes, loading, error, refetch } = useListedGroups();
  const found = groups.filter((g) => matchesGroup(g, search));
  // 五十音 order by the group's ふりがな within each programme (the API orders by code point)
  const sections = programmes
    .map((p) => ({
      programme: p,
      groups: sortByKana(
        found.filter((g) => g.programme.id === p.id),
        (g) => g.nameKana ?? g.name,
      ),
    }))
    .filter((s) => s.groups.length > 0);
  return (
    <>
      <PageTitle title={t("groups.title")} />
      <Stack>
        <TextInput
          label={t("groups.search")}
          description={t("groups.searchHint")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maw={420}
          type="search"
        />
        <QueryState loading={loading} error={error} onRetry={() => void refetch()} empty={groups.length === 0} emptyText={t("groups.none")}>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t("groups.count", { count: found.length })}
          </Text>
          {sections.length === 0 ? <EmptyState>{t("groups.noMatch")}</EmptyState> : null}
          {sections.map((s) => (
            <ProgrammeSection key={s.programme.id} programme={s.programme} groups={s.groups} />
          ))}
        </QueryState>
      </Stack>
    </>
  );
}

function ProgrammeSection({ programme, groups }: { programme: ListedProgramme; groups: ListedGroup[] }) {
  const { t, i18n } = useTranslation("roster");
  const en = i18n.resolvedLanguage === "en";
  const title = en ? programme.nameEn : programme.name;
  return (
    <Stack gap="xs" component="section" aria-labelledby={`programme-${programme.id}`}>
      <Title order={2} size="h4" id={`programme-${programme.id}`}>
        {title}
        <Text span size="sm" c="dimmed" fw={400} ml="xs">
          {t("groups.groupCount", { count: groups.length })}
        </Text>
      </Title>
      <ScrollTable label={title} minWidth={560}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("groups.column.name")}</Table.Th>
              <Table.Th>{t("groups.column.kind")}</Table.Th>
              <Table.Th>{t("groups.column.area")}</Table.Th>
              <Table.Th ta="right">{t("groups.column.members")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.id}>
                <Table.Td>
                  <Stack gap={2}>
                    <Group gap="xs" wrap="wrap">
                      <Anchor component={Link} to={`/groups/${g.id}`} fw={600} size="sm">
                        {g.name}
                      </Anchor>
                      {g.hostsHokkoriConsultation ? (
                        <Badge size="sm" variant="filled" color="grape.9" miw="max-content">
                          {t("groups.hokkori")}
                        </Badge>
                      ) : null}
                      {g.endedOn ? (
                        <Badge size="sm" variant="filled" color="gray.7" miw="max-content">
                          {t("groups.ended")}
                        </Badge>
                      ) : null}
                    </Group>
                    {g.nameKana || g.nickname ? (
                      <Text size="xs" c="dimmed">
                        {[g.nameKana, g.nickname].filter(Boolean).join("　")}
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{en ? g.kind.nameEn : g.kind.name}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{g.area?.name ?? "—"}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{t("groups.members", { count: g.activeMemberCount })}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
