// 活動記録の一覧: the logs the viewer may read, newest first, by 年度 and status; drafts can be
// submitted from here, each log opened, and those the viewer may edit (viewerCanEdit) edited.
// `?status=REJECTED` (the home page's link to returned logs) starts on that status, every 年度.
import { useQuery } from "@apollo/client/react";
import { Button, Group, Select, Stack, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

import { useDates } from "../../app/dates.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql, readFragment, type FragmentOf } from "../../graphql.ts";
import { currentFiscalYear } from "../../lib/dates.ts";
import { notifyFailure, notifySaved } from "../../lib/form.ts";
import { useSubmitActivityLogMutation } from "../../mutations/useSubmitActivityLogMutation.ts";
import { StatusBadge, UninsuredBadge } from "./StatusBadge.tsx";

const ActivityLogRow_log = graphql(`
  fragment ActivityLogRow_log on ActivityLog {
    id
    date
    status
    minutes
    participantCount
    uninsuredCount
    peopleServed
    place
    rejectionReason
    viewerCanEdit
    group {
      id
      name
    }
    activityType {
      id
      name
      nameEn
    }
  }
`);

const ActivityLogsQuery = graphql(
  `
    query ActivityLogs($fiscalYear: Int, $status: ActivityLogStatus, $after: String) {
      activityLogs(fiscalYear: $fiscalYear, status: $status, first: 50, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            ...ActivityLogRow_log
          }
        }
      }
    }
  `,
  [ActivityLogRow_log],
);

const STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "REJECTED"] as const;
type Status = (typeof STATUSES)[number];

export function Component() {
  const { t } = useTranslation("activity-log");
  const { fiscalYear: fy } = useDates();
  const current = currentFiscalYear();
  const [params] = useSearchParams();
  const fromLink = STATUSES.find((s) => s === params.get("status")) ?? null;
  // a link to a status (the home page's 差し戻し) shows it in every 年度
  const [fiscalYear, setFiscalYear] = useState<number | null>(fromLink ? null : current);
  const [status, setStatus] = useState<Status | null>(fromLink);
  const { data, loading, error, refetch, fetchMore } = useQuery(ActivityLogsQuery, { variables: { fiscalYear, status } });
  const connection = data?.activityLogs;
  const more = () =>
    void fetchMore({
      variables: { after: connection?.pageInfo.endCursor },
      updateQuery: (prev, { fetchMoreResult }) => ({
        activityLogs: { ...fetchMoreResult.activityLogs, edges: [...prev.activityLogs.edges, ...fetchMoreResult.activityLogs.edges] },
      }),
    });
  return (
    <>
      <PageTitle
        title={t("title")}
        actions={
          <Button component={Link} to="/activity-logs/new" leftSection={<IconPlus size={18} aria-hidden />}>
            {t("new.open")}
          </Button>
        }
      />
      <Stack>
        <Group align="flex-end">
          <Select
            label={t("fiscalYear")}
            data={[
              { value: "ALL", label: t("allYears") },
              ...[current, current - 1, current - 2].map((y) => ({ value: String(y), label: fy(y) })),
            ]}
            value={fiscalYear === null ? "ALL" : String(fiscalYear)}
            onChange={(v) => v && setFiscalYear(v === "ALL" ? null : Number(v))}
            allowDeselect={false}
            w={200}
          />
          <Select
            label={t("statusFilter")}
            data={[{ value: "ALL", label: t("allStatuses") }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
            value={status ?? "ALL"}
            onChange={(v) => setStatus(!v || v === "ALL" ? null : (v as Status))}
            allowDeselect={false}
            w={200}
          />
        </Group>
        <QueryState
          loading={loading && !data}
          error={error}
          empty={connection?.edges.length === 0}
          onRetry={() => void refetch()}
          emptyText={t("list.empty")}
        >
          <Text size="sm">{t("list.count", { count: connection?.totalCount ?? 0 })}</Text>
          <ScrollTable minWidth={760} label={t("title")}>
            <Table striped verticalSpacing="xs" aria-label={t("title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("field.date")}</Table.Th>
                  <Table.Th>{t("field.group")}</Table.Th>
                  <Table.Th>{t("field.activityType")}</Table.Th>
                  <Table.Th>{t("field.minutes")}</Table.Th>
                  <Table.Th>{t("field.participants")}</Table.Th>
                  <Table.Th>{t("field.status")}</Table.Th>
                  <Table.Th>{t("list.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {connection?.edges.map((e) => (
                  <ActivityLogRow key={e.node.id} log={e.node} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {connection?.pageInfo.hasNextPage ? (
            <Button variant="default" onClick={more} style={{ alignSelf: "flex-start" }}>
              {t("list.more")}
            </Button>
          ) : null}
        </QueryState>
      </Stack>
    </>
  );
}

function ActivityLogRow({ log: ref }: { log: FragmentOf<typeof ActivityLogRow_log> }) {
  const { t, i18n } = useTranslation("activity-log");
  const { date } = useDates();
  const [submit, { loading }] = useSubmitActivityLogMutation();
  const log = readFragment(ActivityLogRow_log, ref);
  const type = i18n.resolvedLanguage === "en" ? log.activityType.nameEn : log.activityType.name;
  const doSubmit = async () => {
    const outcome = await submit({ id: log.id });
    if (outcome.ok) notifySaved(t("list.submitted"));
    else notifyFailure(outcome.error);
  };
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{date(log.date)}</Table.Td>
      <Table.Td>
        <Text size="sm">{log.group.name}</Text>
        {log.place ? (
          <Text size="xs" c="dimmed">
            {log.place}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>{type}</Table.Td>
      <Table.Td>{t("minutesValue", { minutes: log.minutes })}</Table.Td>
      <Table.Td>
        <Group gap={6}>
          <Text size="sm">{t("people", { count: log.participantCount })}</Text>
          <UninsuredBadge count={log.uninsuredCount} />
        </Group>
      </Table.Td>
      <Table.Td>
        <StatusBadge status={log.status} />
        {log.status === "REJECTED" && log.rejectionReason ? (
          <Text size="xs" c="dimmed">
            {t("list.reason", { reason: log.rejectionReason })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Button
            size="compact-sm"
            variant="subtle"
            component={Link}
            to={`/activity-logs/${log.id}`}
            aria-label={t("list.openFor", { date: date(log.date), group: log.group.name })}
          >
            {t("list.open")}
          </Button>
          {log.viewerCanEdit ? (
            <Button
              size="compact-sm"
              variant="default"
              component={Link}
              to={`/activity-logs/${log.id}/edit`}
              aria-label={t("list.editFor", { date: date(log.date), group: log.group.name })}
            >
              {t("list.edit")}
            </Button>
          ) : null}
          {log.status === "DRAFT" ? (
            <Button
              size="compact-sm"
              variant="default"
              loading={loading}
              onClick={() => void doSubmit()}
              aria-label={t("list.submitFor", { date: date(log.date), group: log.group.name })}
            >
              {t("list.submit")}
            </Button>
          ) : null}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
