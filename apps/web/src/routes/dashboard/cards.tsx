// The dashboard's cards. Each asks only for what the viewer's role may see, and shows its own
// loading, empty and error states.
import { useQuery } from "@apollo/client/react";
import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useDates } from "../../app/dates.ts";
import type { Viewer } from "../../app/session.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { currentFiscalYear, formatMonth, formatTime } from "../../lib/dates.ts";
import { ThankYouCard, ThankYouCard_message } from "../recognition/ThankYouCard.tsx";
import { FiguresChart } from "../report/FiguresChart.tsx";

function DashboardCard({ id, title, action, children }: { id: string; title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="center" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

// ───────────────────────── hours by month ─────────────────────────

const HoursByMonthQuery = graphql(`
  query DashboardHoursByMonth($fiscalYear: Int!) {
    fiscalYearReport(fiscalYear: $fiscalYear) {
      fiscalYear
      includesJuvenileProgramme
      totals {
        hours
      }
      byMonth {
        year
        month
        figures {
          hours
          activities
          volunteers
          peopleServed
        }
      }
    }
  }
`);

/** 今年度の月別活動時間: the organisation's aggregates, which every signed-in account may see */
export function HoursByMonthCard({ viewer }: { viewer: Viewer }) {
  const { t, i18n } = useTranslation("dashboard");
  const { fiscalYear: fyLabel } = useDates();
  const fiscalYear = currentFiscalYear();
  const { data, loading, error, refetch } = useQuery(HoursByMonthQuery, { variables: { fiscalYear } });
  const report = data?.fiscalYearReport;
  const title = t("hours.title", { year: fyLabel(fiscalYear) });
  const rows = (report?.byMonth ?? []).map((m) => ({
    key: `${m.year}-${m.month}`,
    label: formatMonth(m.month, i18n.resolvedLanguage === "en" ? "en" : "ja"),
    ...m.figures,
  }));
  const number = new Intl.NumberFormat(i18n.resolvedLanguage === "en" ? "en-GB" : "ja-JP", { maximumFractionDigits: 1 });
  return (
    <DashboardCard
      id="dashboard-hours"
      title={title}
      action={
        viewer.isStaff || viewer.liaisonProgrammeIds.length > 0 ? (
          <Anchor component={Link} to="/reports" size="sm">
            {t("hours.toReports")}
          </Anchor>
        ) : null
      }
    >
      <QueryState
        loading={loading && !data}
        error={error}
        empty={rows.length === 0}
        onRetry={() => void refetch()}
        emptyText={t("hours.empty")}
      >
        <Text size="sm" mb="xs">
          {t("hours.total", { hours: number.format(report?.totals.hours ?? 0) })}
          {viewer.isStaff ? "" : t("hours.scopeNote")}
        </Text>
        <FiguresChart title={title} rows={rows} tableHidden height={220} />
      </QueryState>
    </DashboardCard>
  );
}

// ───────────────────────── logs awaiting approval ─────────────────────────

const ApprovalCountQuery = graphql(`
  query DashboardApprovalQueue {
    approvalQueue {
      id
    }
  }
`);

/** staff: the organisation's submitted logs waiting for approval */
export function ApprovalQueueCard() {
  const { t } = useTranslation("dashboard");
  const { data, loading, error, refetch } = useQuery(ApprovalCountQuery);
  const count = data?.approvalQueue.length ?? 0;
  return (
    <DashboardCard id="dashboard-approvals" title={t("approvals.title")}>
      <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()}>
        <Stack gap="xs">
          <Text fz={28} fw={700} data-testid="approval-count">
            {t("approvals.count", { count })}
          </Text>
          <Text size="sm">{count > 0 ? t("approvals.waiting") : t("approvals.none")}</Text>
          <Anchor component={Link} to="/approvals" size="sm">
            {t("approvals.link")}
          </Anchor>
        </Stack>
      </QueryState>
    </DashboardCard>
  );
}

const MyLogsQuery = graphql(`
  query DashboardMyLogs {
    submitted: activityLogs(status: SUBMITTED, first: 5) {
      totalCount
      edges {
        node {
          id
          date
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
      }
    }
    drafts: activityLogs(status: DRAFT, first: 1) {
      totalCount
    }
    returned: activityLogs(status: REJECTED, first: 1) {
      totalCount
    }
  }
`);

/** coordinators, leaders, the liaison: their groups' logs waiting for staff, drafts, and returned logs to fix */
export function MyLogsCard() {
  const { t, i18n } = useTranslation("dashboard");
  const { date } = useDates();
  const { data, loading, error, refetch } = useQuery(MyLogsQuery);
  const submitted = data?.submitted;
  const drafts = data?.drafts.totalCount ?? 0;
  const returned = data?.returned.totalCount ?? 0;
  return (
    <DashboardCard
      id="dashboard-my-logs"
      title={t("myLogs.title")}
      action={
        <Anchor component={Link} to="/activity-logs" size="sm">
          {t("myLogs.link")}
        </Anchor>
      }
    >
      <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()}>
        <Group gap="lg" mb="xs">
          <Text size="sm">
            {t("myLogs.submitted")}{" "}
            <Text span fw={700} fz="lg" data-testid="submitted-count">
              {t("myLogs.count", { count: submitted?.totalCount ?? 0 })}
            </Text>
          </Text>
          <Text size="sm">
            {t("myLogs.drafts")}{" "}
            <Text span fw={700} fz="lg">
              {t("myLogs.count", { count: drafts })}
            </Text>
          </Text>
          <Text size="sm">
            {t("myLogs.returned")}{" "}
            <Text span fw={700} fz="lg" data-testid="returned-count">
              {t("myLogs.count", { count: returned })}
            </Text>
          </Text>
        </Group>
        {returned > 0 ? (
          <Anchor component={Link} to="/activity-logs?status=REJECTED" size="sm" display="block" mb="xs">
            {t("myLogs.returnedLink", { count: returned })}
          </Anchor>
        ) : null}
        {submitted && submitted.edges.length > 0 ? (
          <List size="sm" spacing={4}>
            {submitted.edges.map(({ node }) => (
              <List.Item key={node.id}>
                {date(node.date)}・{node.group.name}・{i18n.resolvedLanguage === "en" ? node.activityType.nameEn : node.activityType.name}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t("myLogs.none")}
          </Text>
        )}
      </QueryState>
    </DashboardCard>
  );
}

// ───────────────────────── recent thank-yous ─────────────────────────

const RecentThankYousQuery = graphql(
  `
    query RecentThankYous {
      recentThankYous(first: 4) {
        id
        ...ThankYouCard_message
      }
    }
  `,
  [ThankYouCard_message],
);

export function RecentThankYousCard() {
  const { t } = useTranslation("dashboard");
  // errorPolicy all: a recipient's name the viewer may not see is null, not a failed card
  const { data, loading, error, refetch } = useQuery(RecentThankYousQuery, { errorPolicy: "all" });
  const rows = data?.recentThankYous ?? [];
  return (
    <DashboardCard
      id="dashboard-thank-yous"
      title={t("thankYous.title")}
      action={
        <Anchor component={Link} to="/recognition" size="sm">
          {t("thankYous.link")}
        </Anchor>
      }
    >
      <QueryState
        loading={loading && !data}
        error={data ? undefined : error}
        empty={rows.length === 0}
        onRetry={() => void refetch()}
        emptyText={t("thankYous.empty")}
      >
        <Stack gap="xs">
          {rows.map((m) => (
            <ThankYouCard key={m.id} message={m} />
          ))}
        </Stack>
      </QueryState>
    </DashboardCard>
  );
}

// ───────────────────────── upcoming events ─────────────────────────

const UpcomingEventsQuery = graphql(`
  query DashboardUpcomingEvents($from: DateTime!, $groupId: ID) {
    events(from: $from, groupId: $groupId) {
      id
      title
      startsAt
      endsAt
      place
      status
      group {
        id
        name
      }
    }
  }
`);

/** staff: the organisation's next events; a subcommittee member: their 部会's */
export function UpcomingEventsCard({ groupId }: { groupId: string | null }) {
  const { t } = useTranslation("dashboard");
  const { date } = useDates();
  // fixed when the card mounts, so the variables (and the cache entry) stay the same across renders
  const [from] = useState(() => new Date().toISOString());
  const { data, loading, error, refetch } = useQuery(UpcomingEventsQuery, { variables: { from, groupId } });
  const events = (data?.events ?? [])
    .filter((e) => e.status !== "CANCELLED")
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, 5);
  return (
    <DashboardCard
      id="dashboard-events"
      title={t("events.title")}
      action={
        <Anchor component={Link} to="/events" size="sm">
          {t("events.link")}
        </Anchor>
      }
    >
      <QueryState
        loading={loading && !data}
        error={error}
        empty={events.length === 0}
        onRetry={() => void refetch()}
        emptyText={t("events.empty")}
      >
        <Stack gap="xs">
          {events.map((e) => (
            <div key={e.id}>
              <Text size="sm" fw={600}>
                {e.title}
              </Text>
              <Text size="xs" c="dimmed">
                {date(japanDay(e.startsAt))} {formatTime(e.startsAt)}〜{formatTime(e.endsAt)}・{e.group.name}
                {e.place ? `・${e.place}` : ""}
              </Text>
            </div>
          ))}
        </Stack>
      </QueryState>
    </DashboardCard>
  );
}

/** the calendar day in Japan of an instant, "YYYY-MM-DD" */
function japanDay(instant: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(instant),
  );
}

// ───────────────────────── insurance lapses ─────────────────────────

const InsuranceLapsesQuery = graphql(`
  query DashboardInsuranceLapses($fiscalYear: Int!) {
    insuranceLapses(fiscalYear: $fiscalYear) {
      id
      name
      memberships {
        id
        group {
          id
          name
        }
      }
    }
  }
`);

const SHOWN_LAPSES = 8;

/** ボランティア活動保険 未加入: staff the organisation, coordinators and leaders their groups */
export function InsuranceLapsesCard({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation("dashboard");
  const { fiscalYear: fyLabel } = useDates();
  const fiscalYear = currentFiscalYear();
  const { data, loading, error, refetch } = useQuery(InsuranceLapsesQuery, { variables: { fiscalYear } });
  const people = data?.insuranceLapses ?? [];
  return (
    <DashboardCard id="dashboard-insurance" title={t("insurance.title", { year: fyLabel(fiscalYear) })}>
      <QueryState
        loading={loading && !data}
        error={error}
        empty={people.length === 0}
        onRetry={() => void refetch()}
        emptyText={t("insurance.empty")}
      >
        <Group gap="xs" mb="xs">
          <Badge
            color="orange"
            variant="light"
            size="lg"
            styles={{ label: { color: "var(--mantine-color-text)" } }}
            data-testid="lapse-count"
          >
            {t("insurance.count", { count: people.length })}
          </Badge>
          <Text size="sm">{viewer.isStaff ? t("insurance.introStaff") : t("insurance.intro")}</Text>
        </Group>
        <List size="sm" spacing={4} aria-label={t("insurance.listLabel")}>
          {people.slice(0, SHOWN_LAPSES).map((p) => (
            <List.Item key={p.id}>
              {p.name}
              <Text span size="xs" c="dimmed">
                {"　"}
                {p.memberships.map((m) => m.group.name).join("、")}
              </Text>
            </List.Item>
          ))}
        </List>
        {people.length > SHOWN_LAPSES ? (
          <Text size="xs" c="dimmed" mt={4}>
            {t("insurance.more", { count: people.length - SHOWN_LAPSES })}
          </Text>
        ) : null}
        {viewer.can.insurance ? (
          <Anchor component={Link} to="/insurance" size="sm" mt="xs" display="inline-block">
            {t("insurance.open")}
          </Anchor>
        ) : null}
      </QueryState>
    </DashboardCard>
  );
}
