// 事業・グループ: the programmes and their groups the viewer may open, searchable by name or
// ふりがな (hiragana or katakana), with area, kind, active members and ほっこり相談 for salons; the
// groups that have closed are listed apart, after the others. Staff (me.can.manageGroups) create a
// group here.
import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useDates } from "../../app/dates.ts";
import { useViewer } from "../../app/session.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { EmptyState, QueryState } from "../../components/States.tsx";
import { sortByKana } from "../../lib/kana.ts";
import { matchesGroup, useListedGroups, type ListedGroup, type ListedProgramme } from "./groups.ts";

// the form loads when first opened
const GroupFormModal = lazy(() => import("./GroupForm.tsx").then((m) => ({ default: m.GroupFormModal })));

export function Component() {
  const { t } = useTranslation("roster");
  const { viewer } = useViewer();
  const [search, setSearch] = useState("");
  const [creating, setCreating] = useState(false);
  const [formUsed, setFormUsed] = useState(false);
  const { groups, programmes, loading, error, refetch } = useListedGroups();
  const matching = groups.filter((g) => matchesGroup(g, search));
  const found = matching.filter((g) => !g.isClosed);
  const closed = sortByKana(
    matching.filter((g) => g.isClosed),
    (g) => g.nameKana ?? g.name,
  );
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
      <PageTitle
        title={t("groups.title")}
        actions={
          viewer?.can.manageGroups ? (
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => {
                setFormUsed(true);
                setCreating(true);
              }}
            >
              {t("groups.create")}
            </Button>
          ) : null
        }
      />
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
          {sections.length === 0 && closed.length === 0 ? <EmptyState>{t("groups.noMatch")}</EmptyState> : null}
          {sections.map((s) => (
            <ProgrammeSection key={s.programme.id} programme={s.programme} groups={s.groups} />
          ))}
          {closed.length > 0 ? <ClosedSection groups={closed} /> : null}
        </QueryState>
      </Stack>
      <Suspense fallback={null}>
        {formUsed ? <GroupFormModal opened={creating} group={null} onClose={() => setCreating(false)} /> : null}
      </Suspense>
    </>
  );
}

/** 活動を終了したグループ: kept with their history (rosters, logs), apart from the active ones */
function ClosedSection({ groups }: { groups: ListedGroup[] }) {
  const { t } = useTranslation("roster");
  const { date } = useDates();
  return (
    <GroupSection
      id="groups-closed"
      title={t("groups.closedTitle")}
      hint={t("groups.closedHint")}
      groups={groups}
      last={{ header: t("groups.column.endedOn"), cell: (g) => <Text size="sm">{g.endedOn ? date(g.endedOn) : "—"}</Text> }}
    />
  );
}

function ProgrammeSection({ programme, groups }: { programme: ListedProgramme; groups: ListedGroup[] }) {
  const { t, i18n } = useTranslation("roster");
  return (
    <GroupSection
      id={`programme-${programme.id}`}
      title={i18n.resolvedLanguage === "en" ? programme.nameEn : programme.name}
      groups={groups}
      last={{
        header: t("groups.column.members"),
        align: "right",
        cell: (g) => <Text size="sm">{t("groups.members", { count: g.activeMemberCount })}</Text>,
      }}
    />
  );
}

/** A titled table of groups: name (with ほっこり相談, ふりがな and 愛称), kind, area and one more column. */
function GroupSection({
  id,
  title,
  hint,
  groups,
  last,
}: {
  id: string;
  title: string;
  hint?: string;
  groups: ListedGroup[];
  last: { header: string; align?: "right"; cell(group: ListedGroup): ReactNode };
}) {
  const { t, i18n } = useTranslation("roster");
  const en = i18n.resolvedLanguage === "en";
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {title}
        <Text span size="sm" c="dimmed" fw={400} ml="xs">
          {t("groups.groupCount", { count: groups.length })}
        </Text>
      </Title>
      {hint ? (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      ) : null}
      <ScrollTable label={title} minWidth={560}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("groups.column.name")}</Table.Th>
              <Table.Th>{t("groups.column.kind")}</Table.Th>
              <Table.Th>{t("groups.column.area")}</Table.Th>
              <Table.Th ta={last.align}>{last.header}</Table.Th>
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
                <Table.Td ta={last.align}>{last.cell(g)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
