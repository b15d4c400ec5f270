// GET /calendar/<token>.ics — a subscription feed (RFC 5545), read by a phone's or a desktop's
// calendar app without a session: the secret token is the only key. At every fetch the token's
// account is read afresh with its roles as they are now (auth/viewer.ts loadViewer), so a revoked
// role or a revoked token takes effect at the next fetch: an unknown or revoked token, an account
// without any role left, or a group feed whose group the account no longer reaches answers 404 (the
// same answer, so a guess learns nothing); an account feed drops what its account no longer reaches.
// Times are Asia/Tokyo with a VTIMEZONE; UIDs are stable; SEQUENCE grows with each change of an
// event or shift; a cancelled event and its shifts are STATUS:CANCELLED.
import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import type { RequestHandler } from "express";
import ical, { ICalEventStatus } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";

import { addDays, startOfDayInJapan, todayInJapan } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { loadViewer } from "../auth/viewer.ts";
import { readApiEnv } from "../env.ts";
import { retryableError } from "../errors.ts";
import { causeOf } from "../log.ts";
import { hashFeedToken } from "./feeds.ts";
import { calendarGroups, eventItems, meetingSeries, type CalendarGroup } from "./items.ts";
import { instantInJapan, meetingDays } from "./meeting-days.ts";

dayjs.extend(utc);
dayjs.extend(timezone);

const JAPAN = "Asia/Tokyo";
/** what a feed covers: from this many days ago … */
const FEED_DAYS_BEFORE = 90;
/** … to this many days ahead */
const FEED_DAYS_AFTER = 400;
/** the path segment: a 43-character base64url token (32 random bytes) and .ics */
const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

const inJapan = (d: Date) => dayjs(d).tz(JAPAN);

/** The feed's iCalendar text, or null when the token opens nothing (unknown, revoked, no longer reached). */
async function feedCalendar(token: string, now = new Date()): Promise<string | null> {
  const feed = await prisma().calendarFeed.findUnique({
    where: { tokenHash: hashFeedToken(token) },
    select: { userId: true, groupId: true, revokedAt: true, organization: { select: { name: true } } },
  });
  if (!feed || feed.revokedAt) return null;
  const viewer = await loadViewer(feed.userId);
  if (!viewer || viewer.roles.length === 0) return null;
  const groups = await calendarGroups(viewer, feed.groupId);
  if (feed.groupId && groups.length === 0) return null;

  const today = todayInJapan(now);
  const from = addDays(today, -FEED_DAYS_BEFORE);
  const to = addDays(today, FEED_DAYS_AFTER);
  const name = feed.groupId ? `${groups.map((g) => g.name).join("")}（ツナグ）` : `${feed.organization.name} ツナグ`;
  const calendar = ical({
    name,
    prodId: { company: "Tsunagu", product: "Tsunagu calendar", language: "JA" },
    timezone: { name: JAPAN, generator: (tz) => (tz === JAPAN ? String(tzlib_get_ical_block(JAPAN)[0]) : null) },
    ttl: 60 * 60,
  });
  const base = readApiEnv().publicUrl;
  for (const item of await eventItems(viewer, groups, from, to)) {
    calendar.createEvent({
      id: `${item.uid}@tsunagu`,
      timezone: JAPAN,
      sequence: item.sequence,
      start: inJapan(item.startsAt),
      end: inJapan(item.endsAt),
      stamp: now,
      summary: item.title,
      location: item.place,
      description: item.groupName,
      status: item.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      url: `${base}/events/${item.eventId}`,
    });
  }
  addMeetingSeries(calendar, groups, { from, to }, base, now);
  return calendar.toString();
}

/**
 * Each group's meeting days as one recurring event (RRULE) from its first day in the feed's span
 * (DTSTART is an occurrence, as RFC 5545 asks), until the day a closed group ended.
 */
function addMeetingSeries(
  calendar: ReturnType<typeof ical>,
  groups: CalendarGroup[],
  span: { from: Date; to: Date },
  base: string,
  now: Date,
) {
  for (const { group, rule, uid } of meetingSeries(groups)) {
    const first = meetingDays(rule, span.from, group.endedOn && group.endedOn < span.to ? group.endedOn : span.to)[0];
    if (!first) continue;
    // UNTIL is a DATE for an all-day series, else the end of the closing day in UTC
    const until = !group.endedOn
      ? ""
      : rule.start
        ? `;UNTIL=${dayjs(startOfDayInJapan(addDays(group.endedOn, 1)))
            .subtract(1, "second")
            .utc()
            .format("YYYYMMDD[T]HHmmss[Z]")}`
        : `;UNTIL=${dayjs(group.endedOn).utc().format("YYYYMMDD")}`;
    calendar.createEvent({
      id: `${uid}@tsunagu`,
      timezone: JAPAN,
      allDay: !rule.start,
      start: inJapan(rule.start ? instantInJapan(first, rule.start) : first),
      end: inJapan(rule.end ? instantInJapan(first, rule.end) : addDays(first, 1)),
      repeating: `RRULE:${rule.rrule}${until}`,
      stamp: now,
      summary: group.name,
      location: group.venue,
      description: group.meetingSchedule,
      status: ICalEventStatus.CONFIRMED,
      url: `${base}/groups/${group.id}`,
    });
  }
}

/** The Express handler of GET /calendar/:file (http.ts). The token never reaches the log (log.ts). */
export function calendarFeedRoute(): RequestHandler {
  return async (req, res) => {
    const match = FEED_FILE.exec(String(req.params.file ?? ""));
    try {
      const token = match?.[1];
      const body = token ? await feedCalendar(token) : null;
      res.setHeader("cache-control", "private, no-store");
      res.setHeader("x-robots-tag", "noindex");
      if (body === null) {
        res.status(404).type("text/plain").send("Not Found");
        return;
      }
      res.type("text/calendar; charset=utf-8").send(body);
    } catch (err) {
      const retryable = retryableError(err);
      if (!retryable) throw err;
      req.log.warn({ code: retryable.code, cause: causeOf(err) }, "database failure");
      res.status(503).setHeader("retry-after", "5").type("text/plain").send("Service Unavailable");
    }
  };
}
