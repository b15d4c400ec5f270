// 監査ログ (audit trail, staff): every change, and every read of a tier-restricted record by an
// account that is not staff — newest first, 50 at a time, each row naming its target in words (a
// person's name, a group's, an event's title; a juvenile participant only by code). Filtered by
// dates (Japan days), account, action, kind and one target (?entity=Person&entityId=… from a person
// page's この人の記録), and downloaded as CSV with the same filters.
import { useQuery } from "@apollo/client/react";
import { Badge, Button, Center, CloseButton, Group, Select, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { useDates } from "../../app/dates.ts";
import { useViewer } from "../../app/session.tsx";
import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { todayInJapan } from "../../lib/dates.ts";
import { useFileDownload } from "../../lib/download.ts";

const AuditEventsQuery = graphql(`
  query AuditEvents(
    $first: Int!
    $after: String
    $from: Date
    $to: Date
    $actorId: String
    $action: String
    $entity: String
    $entityId: String
  ) {
    auditEvents(
      first: $first
      after: $after
      from: $from
      to: $to
      actorId: $actorId
      action: $action
      entity: $entity
      entityId: $entityId
    ) {
      edges {
        cursor
        node {
          id
          at
          actorId
          actor {
            id
            name
            email
          }
          action
          entity
          entityId
          target {
            kind
            name
            deleted
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    auditActors {
      id
      name
      email
    }
  }
`);

const AuditEventsCsvQuery = graphql(`
  query AuditEventsCsv($from: Date, $to: Date, $actorId: String, $action: String, $entity: String, $entityId: String) {
    auditEventsCsv(from: $from, to: $to, actorId: $actorId, action: $action, entity: $entity, entityId: $entityId) {
      filename
      mimeType
      text
    }
  }
`);

const PAGE = 50;

/** the actions the API writes (packages/api/src/audit/trail.ts) */
const ACTIONS = ["read", "create", "update", "delete", "approve", "reject", "import", "export", "sign-in"] as const;
/** the entities the API audits, in the order an office would look for them */
const ENTITIES = [
  "Person",
  "ChildVolunteer",
  "Membership",
  "Group",
  "Event",
  "ActivityLog",
  "ThankYouMessage",
  "Certificate",
  "Milestone",
  "Consent",
  "GroupAchievement",
  "EventTask",
  "Shift",
  "SignUp",
  "MeetingMinutes",
  "JuvenileCohort",
  "JuvenileParticipant",
  "InsuranceEnrolment",
  "InsuranceRollover",
  "FiscalYearReport",
  "Invitation",
  "AccessRoleAssignment",
  "SchoolYearRollover",
  "AuditEvent",
] as const;

const ACTION_COLOR: Record<string, string> = {
  create: "teal",
  update: "blue",
  delete: "red",
  approve: "green",
  reject: "orange",
  read: "gray",
  export: "grape",
  import: "indigo",
};

export function Component() {
  const { t, i18n } = useTranslation("audit");
  const { dateTime } = useDates();
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [actorId, setActorId] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [entity, setEntity] = useState<string | null>(params.get("entity"));
  const entityId = params.get("entityId");
  const [loadingMore, setLoadingMore] = useState(false);
  const csv = useFileDownload();
  const filters = { from, to, actorId, action, entity, entityId };
  const { data, loading, error, refetch, fetchMore } = useQuery(AuditEventsQuery, {
    variables: { first: PAGE, ...filters },
    notifyOnNetworkStatusChange: false,
  });
  const edges = data?.auditEvents.edges ?? [];
  const label = (kind: "action" | "entity", value: string) =>
    i18n.exists(`audit:${kind}.${value}`) ? t(`${kind}.${value}` as never) : value;
  const targetName = edges.find((e) => e.node.target.name)?.node.target.name;

  const clearTarget = () => {
    const next = new URLSearchParams(params);
    next.delete("entityId");
    setParams(next, { replace: true });
  };

  const more = async () => {
    if (!data?.auditEvents.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: data.auditEvents.pageInfo.endCursor },
        // pages are appended here: the shared cache has no connection merge policy for auditEvents
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          auditEvents: {
            ...fetchMoreResult.auditEvents,
            edges: [...previous.auditEvents.edges, ...fetchMoreResult.auditEvents.edges],
          },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <PageTitle title={t("title")} />
      <Stack>
        <Text size="sm">{t("intro")}</Text>
        <SimpleGrid
          cols={{ base: 1, xs: 2, md: 3 }}
          spacing="sm"
          maw={960}
          component="form"
          aria-label={t("filter.label")}
          onSubmit={(e) => e.preventDefault()}
        >
          <CalendarDateInput
            label={t("filter.from")}
            value={from}
            onChange={setFrom}
            clearButtonProps={{ "aria-label": t("filter.clearFrom") }}
            maxDate={to ?? todayInJapan()}
            clearable
          />
          <CalendarDateInput
            label={t("filter.to")}
            value={to}
            onChange={setTo}
            clearButtonProps={{ "aria-label": t("filter.clearTo") }}
            minDate={from ?? undefined}
            maxDate={todayInJapan()}
            clearable
          />
          <Select
            label={t("filter.actor")}
            placeholder={t("filter.all")}
            data={(data?.auditActors ?? []).map((a) => ({ value: a.id, label: `${a.name}（${a.email}）` }))}
            value={actorId}
            onChange={setActorId}
            searchable
            clearable
          />
          <Select
            label={t("filter.action")}
            placeholder={t("filter.all")}
            data={ACTIONS.map((a) => ({ value: a, label: label("action", a) }))}
            value={action}
            onChange={setAction}
            clearable
          />
          <Select
            label={t("filter.entity")}
            placeholder={t("filter.all")}
            data={ENTITIES.map((e) => ({ value: e, label: label("entity", e) }))}
            value={entity}
            onChange={setEntity}
            searchable
            clearable
          />
        </SimpleGrid>
        {entityId ? (
          <Group gap="xs">
            <Text size="sm">{t("filter.target", { name: targetName ?? label("entity", entity ?? "") })}</Text>
            <CloseButton size="sm" aria-label={t("filter.clearTarget")} onClick={clearTarget} />
          </Group>
        ) : null}
        <Group>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={csv.busy}
            onClick={() => void csv.download(AuditEventsCsvQuery, filters, (d) => d.auditEventsCsv)}
          >
            {t("csv")}
          </Button>
        </Group>
        <FailureAlert message={csv.failure ? t("csvFailed", { message: csv.failure }) : null} />
        <QueryState
          loading={loading && !data}
          error={error}
          empty={edges.length === 0}
          onRetry={() => void refetch()}
          emptyText={t("empty")}
        >
          <ScrollTable label={t("title")} minWidth={640}>
            <Table striped verticalSpacing="xs" aria-label={t("title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("column.at")}</Table.Th>
                  <Table.Th scope="col">{t("column.actor")}</Table.Th>
                  <Table.Th scope="col">{t("column.action")}</Table.Th>
                  <Table.Th scope="col">{t("column.entity")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {edges.map(({ node }) => (
                  <Table.Tr key={node.id}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTime(node.at)}</Table.Td>
                    <Table.Td>
                      {node.actorId === null ? (
                        <Text size="sm">{t("actor.system")}</Text>
                      ) : node.actorId === viewer?.id ? (
                        <Text size="sm">{t("actor.you", { name: viewer.name })}</Text>
                      ) : node.actor ? (
                        <>
                          <Text size="sm">{node.actor.name}</Text>
                          <Text size="xs" c="dimmed">
                            {node.actor.email}
                          </Text>
                        </>
                      ) : (
                        <Text size="sm" title={node.actorId}>
                          {t("actor.account", { id: node.actorId.slice(0, 8) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={ACTION_COLOR[node.action] ?? "gray"}
                        styles={{ label: { color: "var(--mantine-color-text)" } }}
                      >
                        {label("action", node.action)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {node.target.name ? <Text size="sm">{node.target.name}</Text> : null}
                      {node.target.deleted ? <Text size="sm">{t("target.deleted")}</Text> : null}
                      <Text
                        size={node.target.name || node.target.deleted ? "xs" : "sm"}
                        c={node.target.name || node.target.deleted ? "dimmed" : undefined}
                      >
                        {label("entity", node.entity)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {data?.auditEvents.pageInfo.hasNextPage ? (
            <Center>
              <Button variant="default" onClick={() => void more()} loading={loadingMore}>
                {t("more")}
              </Button>
            </Center>
          ) : null}
        </QueryState>
      </Stack>
    </>
  );
}
