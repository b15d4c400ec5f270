// イベント一覧: the 部会's events (staff: every group's, or one group's), upcoming and past, grouped
// by month, each with the places left across its shifts. A list rather than a month calendar: a
// 部会 holds a few events a year, so a calendar would be mostly empty squares, while a list reads
// the same on a phone and with a screen reader.
import { useQuery } from "@apollo/client/react";
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconNotes, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useDates } from "../../app/dates.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { EmptyState, QueryState } from "../../components/States.tsx";
import { graphql, readFragment, type FragmentOf, type ResultOf } from "../../graphql.ts";
import { EventStatusBadge } from "./EventStatusBadge.tsx";
import { formatPeriod, formatYearMonth, japanMonth } from "./format.ts";
import { groupLabel, useEventGroups } from "./groups.ts";

const EventCard_event = graphql(`
  fragment EventCard_event on Event {
    id
    title
    startsAt
    endsAt
    place
    status
    group {
      id
      name
      nickname
    }
    shifts {
      id
      capacity
      placesLeft
    }
  }
`);

const EventsQuery = graphql(
  `
    query Events($groupId: ID) {
      events(groupId: $groupId) {
        id
        startsAt
        endsAt
        ...EventCard_event
      }
    }
  `,
  [EventCard_event],
);

export function Component() {
  const { t } = useTranslation("event");
  const { groups, isStaff, loading: groupsLoading, error: groupsError, refetch: refetchGroups } = useEventGroups();
  const [chosen, setChosen] = useState<string | null>(null);
  // staff may list the whole organisation (no group); others always one of their groups
  const groupId = chosen ?? (isStaff ? null : (groups[0]?.id ?? null));
  const skip = groupsLoading || (!isStaff && !groupId);
  const { data, loading, error, refetch } = useQuery(EventsQuery, { variables: { groupId }, skip });
  const [tab, setTab] = useState<string | null>("upcoming");

  // the moment the page opened: upcoming vs past stays put while the reader works
  const [now] = useState(() => Date.now());
  const events = data?.events ?? [];
  const upcoming = events.filter((e) => new Date(e.endsAt).getTime() >= now);
  const past = events.filter((e) => new Date(e.endsAt).getTime() < now).reverse();
  const createHref = groupId ? `/events/new?groupId=${groupId}` : "/events/new";
  const minutesHref = groupId ? `/events/minutes?groupId=${groupId}` : "/events/minutes";

  return (
    <>
      <PageTitle
        title={t("list.title")}
        actions={
          <>
            <Button component={Link} to={minutesHref} variant="default" leftSection={<IconNotes size={18} aria-hidden />}>
              {t("common:nav.minutes")}
            </Button>
            <Button component={Link} to={createHref} leftSection={<IconPlus size={18} aria-hidden />}>
              {t("list.create")}
            </Button>
          </>
        }
      />
      <QueryState
        loading={groupsLoading}
        error={groupsError}
        onRetry={() => void refetchGroups()}
        empty={groups.length === 0}
        emptyText={t("list.noGroups")}
      >
        <Stack>
          {isStaff || groups.length > 1 ? (
            <Select
              label={t("field.group")}
              maw={420}
              searchable
              clearable={isStaff}
              placeholder={isStaff ? t("list.allGroups") : undefined}
              data={groups.map((g) => ({ value: g.id, label: groupLabel(g) }))}
              value={groupId}
              onChange={setChosen}
            />
          ) : null}
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="upcoming">{t("list.upcoming", { count: upcoming.length })}</Tabs.Tab>
              <Tabs.Tab value="past">{t("list.past", { count: past.length })}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="upcoming" pt="md">
              <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()}>
                <MonthGroups events={upcoming} empty={t("list.noUpcoming")} showGroup={isStaff && !groupId} />
              </QueryState>
            </Tabs.Panel>
            <Tabs.Panel value="past" pt="md">
              <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()}>
                <MonthGroups events={past} empty={t("list.noPast")} showGroup={isStaff && !groupId} />
              </QueryState>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      </QueryState>
    </>
  );
}

type ListedEvent = ResultOf<typeof EventsQuery>["events"][number];

function MonthGroups({ events, empty, showGroup }: { events: ListedEvent[]; empty: string; showGroup: boolean }) {
  const { style } = useDates();
  if (events.length === 0) return <EmptyState>{empty}</EmptyState>;
  const months: Array<{ month: string; events: ListedEvent[] }> = [];
  for (const e of events) {
    const month = japanMonth(e.startsAt);
    const last = months[months.length - 1];
    if (last?.month === month) last.events.push(e);
    else months.push({ month, events: [e] });
  }
  return (
    <Stack gap="lg">
      {months.map((m) => (
        <section key={m.month} aria-labelledby={`month-${m.month}`}>
          <Title order={2} size="h4" id={`month-${m.month}`} mb="xs">
            {formatYearMonth(m.month, style)}
          </Title>
          <Stack gap="sm">
            {m.events.map((e) => (
              <EventCard key={e.id} event={e} showGroup={showGroup} />
            ))}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}

function EventCard({ event: ref, showGroup }: { event: FragmentOf<typeof EventCard_event>; showGroup: boolean }) {
  const { t } = useTranslation("event");
  const { date } = useDates();
  const event = readFragment(EventCard_event, ref);
  const capacity = event.shifts.reduce((sum, s) => sum + s.capacity, 0);
  const left = event.shifts.reduce((sum, s) => sum + s.placesLeft, 0);
  return (
    <Paper withBorder p="md" data-testid="event-card">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4} style={{ minWidth: 0, flex: "1 1 240px" }}>
          <Anchor component={Link} to={`/events/${event.id}`} fw={700} style={{ overflowWrap: "anywhere" }}>
            {event.title}
          </Anchor>
          <Text size="sm">{formatPeriod(event.startsAt, event.endsAt, date)}</Text>
          {event.place ? (
            <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              {t("list.place", { place: event.place })}
            </Text>
          ) : null}
          {showGroup ? (
            <Text size="sm" c="dimmed">
              {groupLabel(event.group)}
            </Text>
          ) : null}
        </Stack>
        <Group gap="xs">
          <EventStatusBadge status={event.status} />
          {event.status === "CANCELLED" ? null : event.shifts.length === 0 ? (
            <Badge variant="outline" color="gray.7" miw="max-content">
              {t("list.noShifts")}
            </Badge>
          ) : (
            <Badge variant="outline" color={left === 0 ? "red.9" : "teal.9"} miw="max-content" data-testid="places-left">
              {t("list.placesLeft", { left, capacity })}
            </Badge>
          )}
        </Group>
      </Group>
    </Paper>
  );
}
