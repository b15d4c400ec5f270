// 監査ログ (audit trail, staff): every change, and every read of a tier-restricted record by an
// account that is not staff — newest first, filtered by action and entity, 50 at a time.
import { useQuery } from "@apollo/client/react";
import { Badge, Button, Center, Code, Select, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { useDates } from "../../app/preferences.tsx";
import { useViewer } from "../../app/session.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";

const AuditEventsQuery = graphql(`
  query AuditEvents($first: Int!, $after: String, $action: String, $entity: String) {
    auditEvents(first: $first, after: $after, action: $action, entity: $entity) {
      edges {
        cursor
        node {
          id
          at
          actorId
          actor {
            name
            email
          }
          action
          entity
          entityId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PAGE = 50;

/** the actions the API writes (packages/api/src/audit.ts) */
const ACTIONS = ["create", "update", "delete", "approve", "reject", "read", "import", "export", "sign-in"] as const;
/** the entities the API audits, in the order an office would look for them */
const ENTITIES = [
  "ActivityLog",
  "ThankYouMessage",
  "Certificate",
  "Milestone",
  "Person",
  "Membership",
  "ChildVolunteer",
  "Consent",
  "Group",
  "GroupAchievement",
  "Event",
  "EventTask",
  "Shift",
  "SignUp",
  "MeetingMinutes",
  "JuvenileCohort",
  "JuvenileParticipant",
  "FiscalYearReport",
  "Invitation",
  "AccessRoleAssignment",
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
  const [action, setAction] = useState<string | null>(null);
  const [entity, setEntity] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, loading, error, refetch, fetchMore } = useQuery(AuditEventsQuery, {
    variables: { first: PAGE, action, entity },
    notifyOnNetworkStatusChange: false,
  });
  const edges = data?.auditEvents.edges ?? [];
  const label = (kind: "action" | "entity", value: string) =>
    i18n.exists(`audit:${kind}.${value}`) ? t(`${kind}.${value}` as never) : value;

  const more = async () => {
    if (!data?.auditEvents.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: data.auditEvents.pageInfo.endCursor },
        // pages are appended here: the shared cache has no connection merge policy for auditEvents
        updateQuery: (previous, { fetchMoreResult }) => ({
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
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={640}>
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
                      <Text size="sm">{label("entity", node.entity)}</Text>
                      {node.entityId ? (
                        <Code fz="xs" c="dimmed">
                          {node.entityId}
                        </Code>
                      ) : null}
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
