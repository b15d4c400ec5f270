// Calendars over HTTP, on both databases: the month view's items, and the secret iCal feeds parsed
// with a real iCal parser (ical.js) — times in Japan, SEQUENCE after a change, cancellation, nothing
// beyond what the account reads (compared with another group's account), revocation of the token and
// of the account's role at the next fetch, and the typed errors of issuing and revoking.
import { randomUUID } from "node:crypto";

import { hashPassword } from "better-auth/crypto";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestClient, type TestServer } from "../testing.ts";
import { meetingDays, meetingRule } from "./meeting-days.ts";

let server: TestServer;
let staff: TestClient;
let bukai: TestClient;
let salonLeader: TestClient;
/** イベント部会 (the event-bukai account's 部会) */
let bukaiId: string;
/** the salon-leader account's salon */
let salonId: string;

const RESULT = `__typename ... on Error { code message messageEn } ... on InvalidInputError { issues { path message messageEn } }`;

interface Issued {
  __typename: string;
  code?: string;
  messageEn?: string;
  issues?: Array<{ path: string; messageEn: string }>;
  data?: { url: string; feed: { id: string; groupId: string | null } };
}

async function issue(client: TestClient, groupId?: string): Promise<Issued> {
  const res = await client.graphql<{ r: Issued }>(
    `mutation($g: ID) { r: issueCalendarFeed(groupId: $g) { ${RESULT} ... on MutationIssueCalendarFeedSuccess { data { url feed { id groupId } } } } }`,
    { g: groupId ?? null },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.r;
}

async function revoke(client: TestClient, id: string) {
  const res = await client.graphql<{ r: { __typename: string; code?: string; messageEn?: string } }>(
    `mutation($id: ID!) { r: revokeCalendarFeed(id: $id) { ${RESULT} ... on MutationRevokeCalendarFeedSuccess { data { id } } } }`,
    { id },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.r;
}

/** Issues a feed and returns its path (/calendar/<token>.ics) and id. */
async function feedOf(client: TestClient, groupId?: string) {
  const issued = await issue(client, groupId);
  expect(issued.__typename).toBe("MutationIssueCalendarFeedSuccess");
  return { path: new URL(issued.data!.url).pathname, id: issued.data!.feed.id };
}

/** GETs a feed without any cookie (as a calendar app does) and parses it with ical.js. */
async function fetchFeed(path: string) {
  const res = await server.anonymous.fetch(path);
  const text = await res.text();
  if (res.status !== 200) return { status: res.status, text, events: new Map<string, ICAL.Event>() };
  expect(res.headers.get("content-type")).toContain("text/calendar");
  const vcalendar = new ICAL.Component(ICAL.parse(text));
  // the feed's own VTIMEZONE is what the times are read in
  for (const tz of vcalendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const events = new Map(vcalendar.getAllSubcomponents("vevent").map((c) => [String(c.getFirstPropertyValue("uid")), new ICAL.Event(c)]));
  return { status: res.status, text, events, vcalendar };
}

async function mutateOk(client: TestClient, field: string, type: string, input: Record<string, unknown>): Promise<string> {
  const res = await client.graphql<{ r: { __typename: string; data?: { id: string } } }>(
    `mutation($i: ${type}!) { r: ${field}(input: $i) { ${RESULT} ... on Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success { data { id } } } }`,
    { i: input },
  );
  expect(res.data?.r.__typename, JSON.stringify(res)).toBe(`Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`);
  return res.data!.r.data!.id;
}

beforeAll(async () => {
  server = await startTestServer();
  [staff, bukai, salonLeader] = await Promise.all([server.signIn("staff"), server.signIn("event-bukai"), server.signIn("salon-leader")]);
  const me = await bukai.graphql<{ me: { subcommitteeIds: string[] } }>("{ me { subcommitteeIds } }");
  bukaiId = me.data!.me.subcommitteeIds[0]!;
  const leader = await salonLeader.graphql<{ me: { salonIds: string[] } }>("{ me { salonIds } }");
  salonId = leader.data!.me.salonIds[0]!;
});
afterAll(async () => {
  await server?.close();
});

describe("meeting days from Group.meetingSchedule", () => {
  it("reads the demo's patterns as recurrence rules and leaves the rest alone", () => {
    expect(meetingRule("毎月第2・第4水曜 13:30〜15:30")).toEqual({ rrule: "FREQ=MONTHLY;BYDAY=2WE,4WE", start: "13:30", end: "15:30" });
    expect(meetingRule("毎週火曜 10:00〜12:00（まちなかほっこり相談あり）")?.rrule).toBe("FREQ=WEEKLY;BYDAY=TU");
    expect(meetingRule("偶数月の第1日曜 13:30〜15:00")?.rrule).toBe("FREQ=MONTHLY;BYDAY=1SU;BYMONTH=2,4,6,8,10,12");
    expect(meetingRule("2か月に1回（奇数月の第3土曜 14:00〜16:00）")?.rrule).toBe("FREQ=MONTHLY;BYDAY=3SA;BYMONTH=1,3,5,7,9,11");
    expect(meetingRule("１２月〜３月の毎週木曜")).toEqual({ rrule: "FREQ=WEEKLY;BYDAY=TH;BYMONTH=1,2,3,12", start: null, end: null });
    expect(meetingRule("毎月最終金曜 19:00～20:30")?.rrule).toBe("FREQ=MONTHLY;BYDAY=-1FR");
    // not read for sure: no dates rather than wrong ones
    expect(meetingRule("牡蠣小屋の営業期間（1月〜3月）の土日 9:30〜16:00")).toBeNull();
    expect(meetingRule("12月〜3月の毎週木曜（わかめの日は 10:00〜15:00、その他は 13:00〜16:00）")).toBeNull();
    expect(meetingRule("毎週月曜と毎月第1水曜")).toBeNull();
    expect(meetingRule(null)).toBeNull();
  });

  it("expands a rule into the days of Japan's calendar", () => {
    const rule = meetingRule("毎月第2・第4水曜 13:30〜15:30")!;
    const days = meetingDays(rule, new Date("2026-12-01T00:00:00Z"), new Date("2026-12-31T00:00:00Z"));
    expect(days.map((d) => d.toISOString().slice(0, 10))).toEqual(["2026-12-09", "2026-12-23"]);
  });
});

describe("the month view", () => {
  it("shows a group's events, shifts and meeting days, and only the viewer's groups", async () => {
    const eventId = await mutateOk(bukai, "createEvent", "CreateEventInput", {
      groupId: bukaiId,
      title: "月間ビューの確認イベント",
      startsAt: "2026-12-12T10:00:00+09:00",
      endsAt: "2026-12-12T15:00:00+09:00",
    });
    await mutateOk(bukai, "addShift", "AddShiftInput", {
      eventId,
      title: "受付",
      startsAt: "2026-12-12T10:00:00+09:00",
      endsAt: "2026-12-12T12:00:00+09:00",
      capacity: 3,
    });
    const q = `query($g: ID) { calendar(from: "2026-12-01", to: "2026-12-31", groupId: $g) { uid kind title startsAt allDay cancelled eventId groupId groupName } }`;
    type Item = { uid: string; kind: string; title: string; startsAt: string; eventId: string | null; groupId: string };
    const mine = (await bukai.graphql<{ calendar: Item[] }>(q, {})).data!.calendar;
    expect(mine.filter((i) => i.eventId === eventId).map((i) => i.kind)).toEqual(["EVENT", "SHIFT"]);
    expect(mine.find((i) => i.kind === "EVENT" && i.eventId === eventId)?.startsAt).toBe("2026-12-12T01:00:00.000Z");
    expect(new Set(mine.map((i) => i.groupId))).toEqual(new Set([bukaiId]));
    // the salon leader's month: its salon's meeting days, none of the 部会's events
    const salon = (await salonLeader.graphql<{ calendar: Item[] }>(q, {})).data!.calendar;
    expect(salon.some((i) => i.eventId === eventId)).toBe(false);
    expect(salon.filter((i) => i.kind === "MEETING").length).toBeGreaterThan(0);
    expect(new Set(salon.map((i) => i.groupId))).toEqual(new Set([salonId]));
    // staff see both; a group the viewer does not reach is refused
    const all = (await staff.graphql<{ calendar: Item[] }>(q, {})).data!.calendar;
    expect(all.some((i) => i.eventId === eventId) && all.some((i) => i.groupId === salonId)).toBe(true);
    const refused = await salonLeader.graphql(q, { g: bukaiId });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // a span too long is bad input, in both languages
    const long = await bukai.graphql(`{ calendar(from: "2026-01-01", to: "2026-12-31") { uid } }`);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", messageEn: expect.any(String) });
  });
});

describe("iCal feeds", () => {
  it("serve a group's events and shifts in Japan's time, with a SEQUENCE that grows and cancellations", async () => {
    const { path } = await feedOf(bukai, bukaiId);
    expect(path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const eventId = await mutateOk(bukai, "createEvent", "CreateEventInput", {
      groupId: bukaiId,
      title: "購読テストのバザー",
      place: "サラダホール",
      startsAt: "2026-12-20T09:00:00+09:00",
      endsAt: "2026-12-20T15:00:00+09:00",
    });
    const shiftId = await mutateOk(bukai, "addShift", "AddShiftInput", {
      eventId,
      title: "午前",
      startsAt: "2026-12-20T09:00:00+09:00",
      endsAt: "2026-12-20T12:00:00+09:00",
      capacity: 5,
    });

    let feed = await fetchFeed(path);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain("BEGIN:VTIMEZONE");
    expect(feed.text).toContain("DTSTART;TZID=Asia/Tokyo:20261220T090000");
    const event = feed.events.get(`event-${eventId}@tsunagu`)!;
    expect(event.summary).toBe("購読テストのバザー");
    expect(event.location).toBe("サラダホール");
    expect(event.startDate.zone?.tzid).toBe("Asia/Tokyo");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-20T00:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-12-20T06:00:00.000Z");
    expect(event.sequence).toBe(0);
    const shift = feed.events.get(`shift-${shiftId}@tsunagu`)!;
    expect(shift.endDate.toJSDate().toISOString()).toBe("2026-12-20T03:00:00.000Z");
    // the 部会 meets 偶数月の第… : a recurring series in the same feed
    expect([...feed.events.values()].some((e) => e.isRecurring())).toBe(true);

    await mutateOk(bukai, "updateEvent", "UpdateEventInput", { id: eventId, startsAt: "2026-12-20T10:00:00+09:00" });
    await mutateOk(bukai, "updateShift", "UpdateShiftInput", { id: shiftId, capacity: 6 });
    feed = await fetchFeed(path);
    expect(feed.events.get(`event-${eventId}@tsunagu`)!.sequence).toBe(1);
    expect(feed.events.get(`event-${eventId}@tsunagu`)!.startDate.toJSDate().toISOString()).toBe("2026-12-20T01:00:00.000Z");
    expect(feed.events.get(`shift-${shiftId}@tsunagu`)!.sequence).toBe(1);

    const cancelled = await bukai.graphql<{ cancelEvent: { __typename: string } }>(
      `mutation($id: ID!) { cancelEvent(id: $id) { __typename } }`,
      { id: eventId },
    );
    expect(cancelled.data?.cancelEvent.__typename).toBe("MutationCancelEventSuccess");
    feed = await fetchFeed(path);
    const after = feed.events.get(`event-${eventId}@tsunagu`)!;
    expect(after.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(after.sequence).toBe(2);
    expect(feed.events.get(`shift-${shiftId}@tsunagu`)!.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(feed.events.get(`shift-${shiftId}@tsunagu`)!.sequence).toBe(2);
  });

  it("hold nothing the account may not read: another group's account sees none of it", async () => {
    const bukaiFeed = await fetchFeed((await feedOf(bukai)).path);
    const salonFeed = await fetchFeed((await feedOf(salonLeader)).path);
    const staffFeed = await fetchFeed((await feedOf(staff)).path);
    const db = server.db.prisma;
    const groupOf = async (uids: Iterable<string>) => {
      const ids = [...uids].flatMap((u) => (u.startsWith("event-") ? [u.slice(6, 42)] : []));
      return new Set((await db.event.findMany({ where: { id: { in: ids } }, select: { groupId: true } })).map((e) => e.groupId));
    };
    expect(await groupOf(bukaiFeed.events.keys())).toEqual(new Set([bukaiId]));
    const salonGroups = await groupOf(salonFeed.events.keys());
    expect(salonGroups.has(bukaiId)).toBe(false);
    for (const uid of bukaiFeed.events.keys()) if (uid.startsWith("event-")) expect(salonFeed.events.has(uid)).toBe(false);
    // the salon's meeting days are the salon leader's, not the 部会's
    const meetings = [...salonFeed.events.keys()].filter((u) => u.startsWith("meeting-"));
    expect(meetings.length).toBe(1);
    expect(meetings[0]).toContain(salonId);
    expect([...bukaiFeed.events.keys()].some((u) => u.includes(salonId))).toBe(false);
    // staff's own feed holds both
    for (const uid of [...bukaiFeed.events.keys(), ...meetings]) expect(staffFeed.events.has(uid)).toBe(true);
  });

  it("answer 404 once the token is revoked or re-issued, and for a wrong or malformed token", async () => {
    const first = await feedOf(bukai);
    expect((await fetchFeed(first.path)).status).toBe(200);
    const second = await feedOf(bukai);
    expect((await fetchFeed(first.path)).status).toBe(404);
    expect((await fetchFeed(second.path)).status).toBe(200);
    expect(await revoke(bukai, second.id)).toMatchObject({ __typename: "MutationRevokeCalendarFeedSuccess" });
    expect((await fetchFeed(second.path)).status).toBe(404);
    expect(await revoke(bukai, second.id)).toMatchObject({ __typename: "ConflictError", code: "CONFLICT", messageEn: expect.any(String) });
    expect((await fetchFeed(`/calendar/${"A".repeat(43)}.ics`)).status).toBe(404);
    expect((await fetchFeed("/calendar/short.ics")).status).toBe(404);
    // the live list shows no revoked feed
    const live = await bukai.graphql<{ calendarFeeds: Array<{ id: string }> }>("{ calendarFeeds { id } }");
    expect(live.data!.calendarFeeds.map((f) => f.id)).not.toContain(second.id);
  });

  it("follow the account's roles at each fetch: a revoked role drops its group, no role left answers 404", async () => {
    // an account with two roles: the イベント部会 and the salon
    const db = server.db.prisma;
    const orgId = (await db.group.findUniqueOrThrow({ where: { id: bukaiId } })).orgId;
    const userId = randomUUID();
    const email = `two-roles-${userId.slice(0, 8)}@hannan.example`;
    await db.user.create({ data: { id: userId, name: "二役 花子", email, emailVerified: true, orgId } });
    const roles = await Promise.all([
      db.accessRoleAssignment.create({ data: { orgId, userId, role: "SUBCOMMITTEE_MEMBER", groupId: bukaiId } }),
      db.accessRoleAssignment.create({ data: { orgId, userId, role: "SALON_LEADER", groupId: salonId } }),
    ]);
    await db.account.create({
      data: { id: randomUUID(), accountId: userId, providerId: "credential", userId, password: await hashPassword("two-roles-password") },
    });
    const twoRoles = await server.signIn(email, "two-roles-password");
    const own = await feedOf(twoRoles);
    const salonFeed = await feedOf(twoRoles, salonId);
    const before = await fetchFeed(own.path);
    expect([...before.events.keys()].some((u) => u.includes(salonId))).toBe(true);

    const revokeRole = `mutation($id: ID!) { revokeAccessRole(id: $id) { __typename } }`;
    const salonRole = roles.find((r) => r.role === "SALON_LEADER")!;
    expect(
      (await staff.graphql<{ revokeAccessRole: { __typename: string } }>(revokeRole, { id: salonRole.id })).data?.revokeAccessRole,
    ).toEqual({
      __typename: "MutationRevokeAccessRoleSuccess",
    });
    const after = await fetchFeed(own.path);
    expect(after.status).toBe(200);
    expect([...after.events.keys()].some((u) => u.includes(salonId))).toBe(false);
    expect(after.events.size).toBeGreaterThan(0);
    expect((await fetchFeed(salonFeed.path)).status).toBe(404);

    const bukaiRole = roles.find((r) => r.role === "SUBCOMMITTEE_MEMBER")!;
    await staff.graphql(revokeRole, { id: bukaiRole.id });
    expect((await fetchFeed(own.path)).status).toBe(404);
  });

  it("refuse bad input, another account's feed and a group out of reach with typed bilingual errors", async () => {
    // an id that is no UUID is refused before anything runs (request-checks.ts), in both languages
    for (const query of [
      `mutation { issueCalendarFeed(groupId: "not-an-id") { __typename } }`,
      `mutation { revokeCalendarFeed(id: "x") { __typename } }`,
    ]) {
      const bad = await bukai.graphql(query);
      expect(bad.status).toBe(400);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", messageEn: expect.stringMatching(/^[\x20-\x7e]+$/) });
    }
    expect(await issue(bukai, salonId)).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    const salons = await feedOf(salonLeader);
    expect(await revoke(bukai, salons.id)).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    expect((await fetchFeed(salons.path)).status).toBe(200);
    const anonymous = await server.anonymous.graphql(`mutation { issueCalendarFeed { __typename } }`);
    expect(JSON.stringify(anonymous)).not.toContain("/calendar/");
  });
});
