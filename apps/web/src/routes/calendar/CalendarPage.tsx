// カレンダー: one month of the events, shifts and meeting days of the viewer's groups (what the API's
// `calendar` query lets the viewer read: the same rule as opening the group or the event). The grid
// is Mantine's static Month; on a phone its cells only mark the days, and the list below it (which
// also serves screen readers) names every item. Dates follow the 和暦/西暦 setting.
import { useQuery } from "@apollo/client/react";
import { ActionIcon, Anchor, Badge, Box, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { Month } from "@mantine/dates";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useDates } from "../../app/dates.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { EmptyState, QueryState } from "../../components/States.tsx";
import { graphql, type ResultOf } from "../../graphql.ts";
import { todayInJapan } from "../../lib/dates.ts";
import { formatTimes, formatYearMonth, japanDay } from "../event/format.ts";
import { SubscribePanel } from "./SubscribePanel.tsx";

const CalendarQuery = graphql(`
  query Calendar($from: Date!, $to: Date!) {
    calendar(from: $from, to: $to) {
      uid
      kind
      title
      place
      startsAt
      endsAt
      allDay
      cancelled
      eventId
      groupId
      groupName
    }
  }
`);

type Item = ResultOf<typeof CalendarQuery>["calendar"][number];

/** a colour per kind, dark enough for small text on white (WCAG AA) */
const COLOR: Record<Item["kind"], string> = { EVENT: "blue.9", SHIFT: "cyan.9", MEETING: "teal.9" };

/** where an item leads: its event, or its group for a meeting day */
const hrefOf = (item: Item) => (item.eventId ? `/events/${item.eventId}` : `/groups/${item.groupId}`);

export function Component() {
  const { t } = useTranslation("calendar");
  const { style, date } = useDates();
  const [month, setMonth] = useState(() => `${todayInJapan().slice(0, 7)}-01`);
  const [groupId, setGroupId] = useState<string | null>(null);
  const from = month;
  const to = dayjs(month).endOf("month").format("YYYY-MM-DD");
  const { data, loading, error, refetch } = useQuery(CalendarQuery, { variables: { from, to } });
  const all = useMemo(() => data?.calendar ?? [], [data]);
  const groups = useMemo(() => [...new Map(all.map((i) => [i.groupId, i.groupName])).entries()], [all]);
  const items = groupId ? all.filter((i) => i.groupId === groupId) : all;
  const byDay = useMemo(() => {
    const days = new Map<string, Item[]>();
    for (const item of items) {
      const day = japanDay(item.startsAt);
      days.set(day, [...(days.get(day) ?? []), item]);
    }
    return days;
  }, [items]);
  const monthLabel = formatYearMonth(month.slice(0, 7), style);
  const move = (delta: number) => setMonth(dayjs(month).add(delta, "month").format("YYYY-MM-DD"));
  const when = (item: Item) => (item.allDay ? t("allDay") : formatTimes(item.startsAt, item.endsAt));
  const label = (item: Item) => (item.kind === "MEETING" ? t("meetingPrefix", { name: item.title }) : item.title);

  return (
    <>
      <PageTitle title={t("title")} />
      <Stack>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="xs" wrap="nowrap">
            <ActionIcon variant="default" size="lg" onClick={() => move(-1)} aria-label={t("previous")}>
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <Title order={2} size="h3" aria-live="polite" miw={160} ta="center">
              {monthLabel}
            </Title>
            <ActionIcon variant="default" size="lg" onClick={() => move(1)} aria-label={t("next")}>
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Group>
          <Select
            aria-label={t("group")}
            placeholder={t("allGroups")}
            data={groups.map(([value, name]) => ({ value, label: name }))}
            value={groupId}
            onChange={setGroupId}
            clearable
            searchable
            w={{ base: "100%", xs: 260 }}
          />
        </Group>

        <QueryState loading={loading && !data} error={!data ? error : undefined} onRetry={() => void refetch()}>
          <Paper withBorder p={{ base: 4, sm: "xs" }}>
            <Month
              month={month}
              static
              fullWidth
              hideOutsideDates
              weekendDays={[]}
              getDayAriaLabel={(day) => date(day)}
              aria-label={monthLabel}
              styles={{
                day: { height: "auto", minHeight: 64, alignItems: "flex-start", justifyContent: "flex-start", padding: 4 },
                monthCell: { verticalAlign: "top", borderTop: "1px solid var(--mantine-color-default-border)" },
              }}
              renderDay={(day) => {
                const list = byDay.get(day) ?? [];
                return (
                  <Stack gap={2} w="100%" align="stretch">
                    <Text size="sm" fw={700}>
                      {dayjs(day).date()}
                    </Text>
                    {list.length > 0 ? (
                      <Badge size="xs" variant="filled" color="blue.9" hiddenFrom="sm" aria-hidden>
                        {list.length}
                      </Badge>
                    ) : null}
                    <Stack gap={2} visibleFrom="sm">
                      {list.slice(0, 4).map((item) => (
                        <Anchor
                          key={item.uid}
                          component={Link}
                          to={hrefOf(item)}
                          size="xs"
                          c={COLOR[item.kind]}
                          td={item.cancelled ? "line-through" : undefined}
                          lineClamp={2}
                          ta="left"
                        >
                          {item.allDay ? "" : `${when(item).split("〜")[0]} `}
                          {label(item)}
                        </Anchor>
                      ))}
                      {list.length > 4 ? (
                        <Text size="xs" c="dimmed">
                          {t("more", { count: list.length - 4 })}
                        </Text>
                      ) : null}
                    </Stack>
                  </Stack>
                );
              }}
            />
          </Paper>

          <SubscribePanel />

          <Box component="section" aria-labelledby="calendar-list">
            <Title order={2} size="h4" id="calendar-list" mb="xs">
              {t("listTitle", { month: monthLabel })}
            </Title>
            {byDay.size === 0 ? (
              <EmptyState>{t("empty")}</EmptyState>
            ) : (
              <Stack gap="sm">
                {[...byDay.entries()].map(([day, list]) => (
                  <Stack key={day} gap={4}>
                    <Text fw={700} size="sm">
                      {date(day)}
                    </Text>
                    {list.map((item) => (
                      <Group key={item.uid} gap="xs" wrap="nowrap" align="baseline">
                        <Text size="sm" miw={96} c="dimmed">
                          {when(item)}
                        </Text>
                        <Stack gap={0}>
                          <Group gap={6}>
                            <Anchor component={Link} to={hrefOf(item)} size="sm" td={item.cancelled ? "line-through" : undefined}>
                              {item.title}
                            </Anchor>
                            <Badge size="xs" variant="outline" color={COLOR[item.kind]} miw="max-content">
                              {t(`kind.${item.kind}`)}
                            </Badge>
                            {item.cancelled ? (
                              <Badge size="xs" variant="filled" color="red.9" miw="max-content">
                                {t("cancelled")}
                              </Badge>
                            ) : null}
                          </Group>
                          <Text size="xs" c="dimmed">
                            {[item.groupName, item.place].filter(Boolean).join("・")}
                          </Text>
                        </Stack>
                      </Group>
                    ))}
                  </Stack>
                ))}
              </Stack>
            )}
          </Box>
        </QueryState>
      </Stack>
    </>
  );
}
