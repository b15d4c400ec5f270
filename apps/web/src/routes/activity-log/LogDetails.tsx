// One activity log in full: what, where, how long, who took part (names as the API's privacy rules
// allow, codes for a cohort), the reason it was returned, and its 訂正履歴. Shown on the log's page
// and, for staff, from a row of 承認待ち.
import { useQuery } from "@apollo/client/react";
import { Alert, Button, Group, List, Stack, Table, Text, Title } from "@mantine/core";
import { IconArrowBackUp, IconPencil } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useDates } from "../../app/dates.ts";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { StatusBadge, UninsuredBadge } from "./StatusBadge.tsx";

export const ActivityLogDetailQuery = graphql(`
  query ActivityLogDetail($id: ID!) {
    activityLog(id: $id) {
      id
      version
      date
      status
      minutes
      place
      peopleServed
      description
      rejectionReason
      viewerCanEdit
      uninsuredCount
      group {
        id
        name
        programme {
          id
          code
          privacyTier
        }
      }
      activityType {
        id
        code
        name
        nameEn
      }
      submittedBy {
        id
        name
      }
      participants {
        id
        juvenileCode
        uninsured
        person {
          id
          name
        }
      }
      versions {
        id
        version
        status
        date
        minutes
        place
        peopleServed
        reason
        changedAt
        participantCount
        changedBy {
          id
          name
        }
        activityType {
          id
          name
          nameEn
        }
      }
    }
  }
`);

export function LogDetails({ id, showEdit = true }: { id: string; showEdit?: boolean }) {
  const { t, i18n } = useTranslation("activity-log");
  const { date, dateTime } = useDates();
  const en = i18n.resolvedLanguage === "en";
  const { data, loading, error, refetch } = useQuery(ActivityLogDetailQuery, { variables: { id } });
  const log = data?.activityLog;
  return (
    <QueryState loading={loading && !data} error={error} empty={!log} onRetry={() => void refetch()} emptyText={t("detail.notFound")}>
      {log ? (
        <Stack gap="sm">
          {log.status === "REJECTED" && log.rejectionReason ? (
            <Alert color="orange" icon={<IconArrowBackUp aria-hidden />} title={t("detail.returned")} role="status">
              {log.rejectionReason}
            </Alert>
          ) : null}
          <Group gap="xs">
            <StatusBadge status={log.status} />
            <UninsuredBadge count={log.uninsuredCount} />
          </Group>
          <Table variant="vertical" withTableBorder layout="fixed" aria-label={t("detail.title")}>
            <Table.Tbody>
              <Row label={t("field.group")} value={log.group.name} />
              <Row label={t("field.date")} value={date(log.date)} />
              <Row label={t("field.activityType")} value={en ? log.activityType.nameEn : log.activityType.name} />
              <Row label={t("field.minutes")} value={t("minutesValue", { minutes: log.minutes })} />
              <Row label={t("field.place")} value={log.place ?? "—"} />
              <Row label={t("field.peopleServed")} value={log.peopleServed === null ? "—" : String(log.peopleServed)} />
              <Row label={t("field.description")} value={log.description ?? "—"} />
              <Row label={t("approvals.submittedBy")} value={log.submittedBy?.name ?? "—"} />
            </Table.Tbody>
          </Table>
          <Title order={3} size="h5">
            {t("detail.participants", { count: log.participants.length })}
          </Title>
          <List size="sm" spacing={2} aria-label={t("field.participants")}>
            {log.participants.map((p) => (
              <List.Item key={p.id}>
                {p.juvenileCode ?? p.person?.name ?? t("new.hiddenName")}
                {p.uninsured ? ` (${t("new.notInsured")})` : ""}
              </List.Item>
            ))}
          </List>
          {showEdit && log.viewerCanEdit ? (
            <Group>
              <Button component={Link} to={`/activity-logs/${log.id}/edit`} leftSection={<IconPencil size={18} aria-hidden />}>
                {log.status === "APPROVED" ? t("detail.correct") : t("detail.edit")}
              </Button>
            </Group>
          ) : null}
          {log.versions.length > 0 ? (
            <>
              <Title order={3} size="h5">
                {t("detail.history")}
              </Title>
              <ScrollTable minWidth={640} label={t("detail.history")}>
                <Table striped aria-label={t("detail.history")}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("detail.changedAt")}</Table.Th>
                      <Table.Th>{t("detail.before")}</Table.Th>
                      <Table.Th>{t("detail.reason")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {log.versions.map((v) => (
                      <Table.Tr key={v.id}>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>
                          <Text size="sm">{dateTime(v.changedAt)}</Text>
                          <Text size="xs" c="dimmed">
                            {v.changedBy?.name ?? "—"}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {t("detail.versionSummary", {
                              version: v.version,
                              status: t(`status.${v.status}`),
                              date: date(v.date),
                              type: en ? v.activityType.nameEn : v.activityType.name,
                              minutes: v.minutes,
                              count: v.participantCount,
                            })}
                          </Text>
                        </Table.Td>
                        <Table.Td>{v.reason ?? "—"}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </>
          ) : null}
        </Stack>
      ) : null}
    </QueryState>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w={160}>{label}</Table.Th>
      <Table.Td style={{ whiteSpace: "pre-wrap" }}>{value}</Table.Td>
    </Table.Tr>
  );
}
