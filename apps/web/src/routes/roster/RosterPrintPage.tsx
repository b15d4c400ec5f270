// 名簿の印刷: the whole roster as a plain table for A4 paper (the layout's header and navigation,
// and this page's buttons, are hidden when printing). Every page of the connection is loaded first.
import { Anchor, Button, Group, Stack, Table, Text } from "@mantine/core";
import { IconPrinter } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

import { useDates } from "../../app/dates.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../components/States.tsx";
import { currentFiscalYear, todayInJapan } from "../../lib/dates.ts";
import { asksKana, RosterGroupGate, RosterQuery } from "./RosterPage.tsx";
import { readMembership } from "./RosterRow.tsx";
import { useWholeRoster } from "./whole-roster.ts";

const PAGE = 100;

export function Component() {
  return (
    <RosterGroupGate>
      {(group, _roles, viewer) => <PrintView group={group} withKana={asksKana(viewer?.isStaff ?? false, group.programme.privacyTier)} />}
    </RosterGroupGate>
  );
}

function PrintView({ group, withKana }: { group: { id: string; name: string; area: { name: string } | null }; withKana: boolean }) {
  const { t, i18n } = useTranslation("roster");
  const { date, fiscalYear: fyLabel } = useDates();
  const [params] = useSearchParams();
  const fiscalYear = Number(params.get("fy")) || currentFiscalYear();
  const includeEnded = params.get("history") === "1";
  const { data, error, refetch, roster, complete } = useWholeRoster(RosterQuery, {
    groupId: group.id,
    first: PAGE,
    fiscalYear,
    includeEnded,
    withKana,
  });

  const title = t("print.title", { name: group.name });
  const rows = (roster?.edges ?? []).map((e) => readMembership(e.node));
  return (
    <>
      <PageTitle
        title={title}
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
          {t("print.back")}
        </Anchor>
        <Text size="sm">
          {t("print.meta", { year: fyLabel(fiscalYear), date: date(todayInJapan()), count: roster?.totalCount ?? 0 })}
          {group.area ? `\u3000${group.area.name}` : ""}
          {includeEnded ? `\u3000${t("print.withHistory")}` : ""}
        </Text>
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
                <Table.Th>{t("column.startedOn")}</Table.Th>
                <Table.Th>{t("column.insuranceShort")}</Table.Th>
                <Table.Th ta="right">{t("column.hoursShort")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m, i) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{m.person.name ?? t("hiddenName")}</Table.Td>
                  <Table.Td>{m.person.usesNickname ? t("nickname") : (m.person.legalNameKana ?? "")}</Table.Td>
                  <Table.Td>{i18n.resolvedLanguage === "en" ? m.groupRole.nameEn : m.groupRole.name}</Table.Td>
                  <Table.Td>
                    {date(m.startedOn)}
                    {m.endedOn ? `〜${date(m.endedOn)}` : ""}
                  </Table.Td>
                  <Table.Td>{m.insuredThisYear ? t("insurance.insured") : t("insurance.uninsured")}</Table.Td>
                  <Table.Td ta="right">{m.hoursThisYear.toLocaleString(i18n.resolvedLanguage)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </>
  );
}
