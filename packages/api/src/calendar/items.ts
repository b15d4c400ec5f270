// What a calendar shows a viewer (the month view and the iCal feeds alike): the events and shifts of
// the groups the viewer's roles reach, and those groups' meeting days (meeting-days.ts). Which groups
// is decided by groupAccess (../organization/access.ts), the rule of the `group` auth scope and of
// every event read: the same answer as opening the group or the event. Nothing of a person is read —
// no sign-up, no task assignee — so a calendar carries no name (and of a juvenile cohort, only what
// staff and the liaison see of its events anyway).
import { addDays, startOfDayInJapan, type EventStatus } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { auditRestrictedRead } from "../audit/audit.ts";
import { signedIn, type Context, type Viewer } from "../context.ts";
import { fieldIssue, InvalidInputError } from "../errors.ts";
import { groupAccess, groupAccessSelect } from "../organization/access.ts";
import { instantInJapan, meetingDays, meetingRule, ruleKey, type MeetingRule } from "./meeting-days.ts";

type CalendarItemKind = "EVENT" | "SHIFT" | "MEETING";

export interface CalendarItem {
  /** stable across fetches: the iCal UID's local part */
  uid: string;
  kind: CalendarItemKind;
  title: string;
  place: string | null;
  startsAt: Date;
  endsAt: Date;
  /** a meeting day without a time */
  allDay: boolean;
  /** CANCELLED for a cancelled event and its shifts */
  status: EventStatus;
  /** iCal SEQUENCE */
  sequence: number;
  eventId: string | null;
  groupId: string;
  groupName: string;
}

export interface CalendarGroup {
  id: string;
  name: string;
  venue: string | null;
  meetingSchedule: string | null;
  /** a closed group meets no more after this day */
  endedOn: Date | null;
}

/**
 * The groups whose calendar the viewer reads: those groupAccess lets it open (staff: the whole
 * organisation; others: the groups of their roles; juvenile cohorts only for staff and the
 * liaison), narrowed to `groupId` when one is given. Closed groups are kept: their history stays.
 */
export async function calendarGroups(viewer: Viewer, groupId?: string | null): Promise<CalendarGroup[]> {
  const groups = await prisma().group.findMany({
    where: { orgId: viewer.orgId, ...(groupId ? { id: groupId } : {}) },
    select: { ...groupAccessSelect, name: true, venue: true, meetingSchedule: true, endedOn: true },
    orderBy: { id: "asc" },
  });
  return groups.filter((g) => groupAccess(viewer, g));
}

/** The meeting series of the groups that state a schedule this app reads (meeting-days.ts). */
export function meetingSeries(groups: CalendarGroup[]): Array<{ group: CalendarGroup; rule: MeetingRule; uid: string }> {
  return groups.flatMap((group) => {
    const rule = meetingRule(group.meetingSchedule);
    return rule ? [{ group, rule, uid: `meeting-${group.id}-${ruleKey(rule)}` }] : [];
  });
}

/** what a calendar reads of an event: no person (no sign-up, no assignee) */
const EVENT_FIELDS = {
  id: true,
  groupId: true,
  sequence: true,
  status: true,
  title: true,
  place: true,
  startsAt: true,
  endsAt: true,
} as const;

/** The events and shifts of `groups` that overlap [from, to). */
export async function eventItems(viewer: Viewer, groups: CalendarGroup[], from: Date, to: Date): Promise<CalendarItem[]> {
  const names = new Map(groups.map((g) => [g.id, g.name]));
  const events = await prisma().event.findMany({
    where: { orgId: viewer.orgId, groupId: { in: [...names.keys()] }, endsAt: { gte: from }, startsAt: { lt: to } },
    select: {
      ...EVENT_FIELDS,
      shifts: {
        where: { endsAt: { gte: from }, startsAt: { lt: to } },
        select: { id: true, title: true, startsAt: true, endsAt: true, sequence: true },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  return events.flatMap((e) => {
    const common = {
      place: e.place,
      allDay: false,
      status: e.status,
      eventId: e.id,
      groupId: e.groupId,
      groupName: names.get(e.groupId) ?? "",
    };
    const event: CalendarItem = {
      ...common,
      uid: `event-${e.id}`,
      kind: "EVENT",
      title: e.title,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      sequence: e.sequence,
    };
    const shifts = e.shifts.map((s): CalendarItem => ({
      ...common,
      uid: `shift-${s.id}`,
      kind: "SHIFT",
      title: `${e.title}：${s.title}`,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      sequence: s.sequence,
    }));
    return [event, ...shifts];
  });
}

/** Each meeting day of `groups` from day `from` to day `to` (UTC-midnight dates of Japan's calendar, both included). */
function meetingItems(groups: CalendarGroup[], from: Date, to: Date): CalendarItem[] {
  return meetingSeries(groups).flatMap(({ group, rule, uid }) =>
    meetingDays(rule, from, group.endedOn && group.endedOn < to ? group.endedOn : to).map((day): CalendarItem => ({
      uid: `${uid}-${day.toISOString().slice(0, 10)}`,
      kind: "MEETING",
      title: group.name,
      place: group.venue,
      startsAt: rule.start ? instantInJapan(day, rule.start) : day,
      endsAt: rule.end ? instantInJapan(day, rule.end) : addDays(day, 1),
      allDay: !rule.start,
      status: "PLANNED",
      sequence: 0,
      eventId: null,
      groupId: group.id,
      groupName: group.name,
    })),
  );
}

/** the longest span one read of the month view may ask for (a month and the weeks around it) */
const MAX_CALENDAR_DAYS = 62;

/**
 * The month view's items: events, shifts and meeting days of the viewer's groups (or of one of
 * them) from day `from` to day `to` (both included, Japan's calendar), by start.
 */
export async function readCalendar(ctx: Context, input: { from: Date; to: Date; groupId?: string | null }): Promise<CalendarItem[]> {
  const viewer = signedIn(ctx);
  const days = (input.to.getTime() - input.from.getTime()) / 86_400_000;
  if (days < 0 || days > MAX_CALENDAR_DAYS) {
    throw new InvalidInputError([
      fieldIssue("to", {
        ja: `期間は開始日から${MAX_CALENDAR_DAYS}日以内で指定してください。`,
        en: `The span must end within ${MAX_CALENDAR_DAYS} days after its start.`,
      }),
    ]);
  }
  const groups = await calendarGroups(viewer, input.groupId);
  const events = await eventItems(viewer, groups, startOfDayInJapan(input.from), startOfDayInJapan(addDays(input.to, 1)));
  // events name no person, but those of a tier-restricted group are audited as the events list is
  await auditRestrictedRead(ctx, "Event", [...new Set(events.flatMap((e) => (e.kind === "EVENT" && e.eventId ? [e.eventId] : [])))]);
  const items = [...events, ...meetingItems(groups, input.from, input.to)];
  return items.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.uid.localeCompare(b.uid));
}
