// The scheduled reminders on the demo data plus rows each test makes, with the clock set by the
// test: each kind reaches exactly the accounts it should (and nobody outside the privacy tiers),
// a second scan sends nothing new, a reminder due while the server was stopped is sent once by the
// first scan after it starts, one that no longer makes sense is skipped with a log line, and two
// instances scanning at once (two clients and connections on PostgreSQL) tell each recipient once.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { openDatabase, type PrismaClient } from "@tsunagu/db";
import { useDatabase } from "@tsunagu/db/client";
import { createTestDatabaseFrom, type TestDatabase } from "@tsunagu/db/testing";
import { demoTestData } from "@tsunagu/seed";
import { seedEvent, seedPerson, seedShift } from "@tsunagu/seed/factories";

import { createLogger } from "../log.ts";
import { TEST_TODAY } from "../testing.ts";
import { startReminders } from "./runner.ts";
import { scanReminders, type ReminderKind as ScanKind, type ScanResult } from "./scan.ts";

let db: TestDatabase;
let org: { id: string };
const users: Record<string, string> = {};
const groups: Record<"bukai" | "ozaki" | "tottori" | "salon", string> = { bukai: "", ozaki: "", tottori: "", salon: "" };
const lines: string[] = [];
const log = createLogger("trace", { write: (line: string) => void lines.push(line) });
const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown> & { level: number; msg: string });

const FORM = { granted: true, givenBy: "保護者", givenOn: new Date("2026-04-10"), scope: "活動全般", policyVersion: "v1" };
/** a moment in Japan: jst("2027-02-10T09:00") */
const jst = (at: string) => new Date(`${at}:00+09:00`);
const scan = (now: Date, since?: Date) => scanReminders(now, log, { db: db.prisma, since });
const sentBy = (r: ScanResult) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "object" ? v.sent : v]));
/** the notifications of one kind (other kinds may fall due on the days a test sets) */
const notifications = (kind: ScanKind) =>
  db.prisma.notification.findMany({
    where: { kind },
    select: { recipientId: true, kind: true, subjectId: true, dedupeKey: true, params: true },
    orderBy: [{ kind: "asc" }, { recipientId: "asc" }],
  });

/** a new account of the demo organisation, with one access role (or none) */
async function account(
  key: string,
  role?: { role: "SUBCOMMITTEE_MEMBER" | "SALON_LEADER" | "STAFF"; groupId?: string },
  personId?: string,
) {
  const user = await db.prisma.user.create({
    data: { id: `reminder-${key}`, name: `テスト ${key}`, email: `${key}@reminder.example`, orgId: org.id, personId: personId ?? null },
  });
  if (role)
    await db.prisma.accessRoleAssignment.create({
      data: { orgId: org.id, userId: user.id, role: role.role, groupId: role.groupId ?? null },
    });
  users[key] = user.id;
  return user.id;
}

/** an event of the イベント部会 from `from` to `to` (JST), planned by its chair (the demo account event-bukai) */
const bukaiEvent = (from: string, to: string, more: { title?: string; status?: "CANCELLED" } = {}) =>
  seedEvent(db.prisma, org, {
    group: { id: groups.bukai },
    startsAt: jst(from),
    endsAt: jst(to),
    createdById: users["event-bukai"],
    ...more,
  });

beforeAll(async () => {
  db = await createTestDatabaseFrom(demoTestData(TEST_TODAY));
  useDatabase(db);
  for (const u of await db.prisma.user.findMany({ select: { id: true, email: true, orgId: true } })) {
    users[u.email.split("@")[0]!] = u.id;
    org = { id: u.orgId };
  }
  const scopeOf = async (email: string) =>
    (await db.prisma.accessRoleAssignment.findFirstOrThrow({ where: { userId: users[email] }, select: { groupId: true } })).groupId!;
  groups.bukai = await scopeOf("event-bukai");
  groups.ozaki = await scopeOf("coordinator.ozaki");
  groups.tottori = await scopeOf("coordinator.tottori-higashi");
  groups.salon = await scopeOf("salon-leader");
  // every demo child's consent forms are back: a digest counts only the children a test makes
  const children = await db.prisma.childVolunteer.findMany({ select: { id: true, consents: { select: { kind: true } } } });
  await db.prisma.consent.createMany({
    data: children.flatMap((c) =>
      (["GUARDIAN_ACTIVITY", "PHOTO_PUBLICATION"] as const)
        .filter((kind) => !c.consents.some((k) => k.kind === kind))
        .map((kind) => ({ orgId: org.id, childVolunteerId: c.id, kind, ...FORM })),
    ),
  });
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(async () => {
  await db.prisma.notification.deleteMany();
  await db.prisma.mailOutbox.deleteMany();
  lines.length = 0;
});

describe("SHIFT_TOMORROW", () => {
  let shiftId: string;
  let eventId: string;

  beforeAll(async () => {
    // the 部会's event, planned by its chair (the demo account event-bukai)
    const event = await bukaiEvent("2027-02-11T10:00", "2027-02-11T15:00", { title: "春のバザー 出店" });
    eventId = event.id;
    const shift = await seedShift(db.prisma, org, { event, title: "午前（受付）", capacity: 10 });
    shiftId = shift.id;
    // a later shift the same day without sign-ups: the organiser is told once that day, with the first
    await seedShift(db.prisma, org, { event, title: "午後（片付け）", startsAt: jst("2027-02-11T13:00"), endsAt: jst("2027-02-11T15:00") });
    const signUp = async (status: "CONFIRMED" | "WAITLISTED" | "CANCELLED", accountOf?: Parameters<typeof account>) => {
      const person = await seedPerson(db.prisma, org);
      if (accountOf) await account(accountOf[0], accountOf[1], person.id);
      const cancelledAt = status === "CANCELLED" ? jst("2027-02-01T10:00") : null;
      await db.prisma.signUp.create({ data: { orgId: org.id, shiftId, personId: person.id, status, cancelledAt } });
    };
    // told: a 部会 member signed up with an account
    await signUp("CONFIRMED", ["bukai-volunteer", { role: "SUBCOMMITTEE_MEMBER", groupId: groups.bukai }]);
    // not told: signed up with an account whose role is another group's (a salon's leader), or none
    await signUp("CONFIRMED", ["salon-volunteer", { role: "SALON_LEADER", groupId: groups.salon }]);
    await signUp("CONFIRMED", ["no-role-volunteer"]);
    // not told: no account; waiting or cancelled
    await signUp("CONFIRMED");
    await signUp("WAITLISTED", ["bukai-waiting", { role: "SUBCOMMITTEE_MEMBER", groupId: groups.bukai }]);
    await signUp("CANCELLED", ["bukai-cancelled", { role: "SUBCOMMITTEE_MEMBER", groupId: groups.bukai }]);
    // not told: a 部会 member not signed up
    await account("bukai-other", { role: "SUBCOMMITTEE_MEMBER", groupId: groups.bukai });
    // a cancelled event's shift the same day: nobody
    const cancelled = await bukaiEvent("2027-02-11T10:00", "2027-02-11T12:00", { status: "CANCELLED" });
    await seedShift(db.prisma, org, { event: cancelled });
  });

  it("from 09:00 JST the day before, tells the organiser and the signed-up volunteers who may read the event, once", async () => {
    expect(sentBy(await scan(jst("2027-02-10T08:59")))).toMatchObject({ SHIFT_TOMORROW: 0 });
    expect(await notifications("SHIFT_TOMORROW")).toEqual([]);

    expect(sentBy(await scan(jst("2027-02-10T09:00")))).toMatchObject({ SHIFT_TOMORROW: 2 });
    const rows = await notifications("SHIFT_TOMORROW");
    expect(rows.map((r) => r.recipientId).sort()).toEqual([users["event-bukai"], users["bukai-volunteer"]].sort());
    expect(rows[0]).toMatchObject({
      kind: "SHIFT_TOMORROW",
      subjectId: shiftId,
      dedupeKey: `${shiftId}:2027-02-11`,
      params: { event: "春のバザー 出店", eventId, shift: "午前（受付）", startsAt: jst("2027-02-11T10:00").toISOString() },
    });
    expect((await db.prisma.mailOutbox.findMany({ orderBy: { to: "asc" } })).map((m) => m.to)).toEqual([
      "bukai-volunteer@reminder.example",
      "event-bukai@hannan.example",
    ]);
    const mail = await db.prisma.mailOutbox.findFirstOrThrow({ where: { to: "bukai-volunteer@reminder.example" } });
    expect(mail.text).toContain("「春のバザー 出店」の「午前（受付）」は2月11日 10:00からです。");
    expect(mail.text).toContain(`/events/${eventId}`);

    // later scans that day and the next morning: nothing new
    expect(sentBy(await scan(jst("2027-02-10T09:01")))).toMatchObject({ SHIFT_TOMORROW: 0 });
    expect(sentBy(await scan(jst("2027-02-11T07:00")))).toMatchObject({ SHIFT_TOMORROW: 0 });
    expect(await db.prisma.notification.count()).toBe(2);
    expect(await db.prisma.mailOutbox.count()).toBe(2);
  });

  it("a juvenile cohort's shift: the reminder names neither the event nor the shift (their titles may hold participants' codes; a mail leaves the app)", async () => {
    const cohort = await db.prisma.group.findFirstOrThrow({
      where: { orgId: org.id, programme: { privacyTier: "JUVENILE" } },
      orderBy: { startedOn: "desc" },
      select: { id: true },
    });
    const event = await seedEvent(db.prisma, org, {
      group: cohort,
      title: "清掃ボランティア（GS-R7-01・GS-R7-02）",
      startsAt: jst("2027-08-20T10:00"),
      endsAt: jst("2027-08-20T12:00"),
      createdById: users.liaison,
    });
    const shift = await seedShift(db.prisma, org, { event, title: "GS-R7-01 の担当", capacity: 5 });

    expect(sentBy(await scan(jst("2027-08-19T09:00")))).toMatchObject({ SHIFT_TOMORROW: 1 });
    const rows = await notifications("SHIFT_TOMORROW");
    expect(rows).toEqual([
      {
        recipientId: users.liaison,
        kind: "SHIFT_TOMORROW",
        subjectId: shift.id,
        dedupeKey: `${shift.id}:2027-08-20`,
        params: { event: null, eventId: event.id, shift: null, startsAt: jst("2027-08-20T10:00").toISOString() },
      },
    ]);
    const mail = await db.prisma.mailOutbox.findFirstOrThrow({
      where: { to: "liaison@hannan.example" },
      select: { subject: true, text: true },
    });
    expect(mail.text).toContain("担当のイベントのシフトは8月20日 10:00からです。");
    expect(mail.text).toContain(`/events/${event.id}`);
    expect(`${mail.subject}\n${mail.text}`).not.toMatch(/GS-R7|清掃ボランティア/);
  });

  it("a kind whose scan fails is logged, leaves nothing behind, the other kinds still run, and so does the loop", async () => {
    // a real failure on either database: the notifications table is away while the loop scans
    await db.prisma.$executeRawUnsafe(`ALTER TABLE "Notification" RENAME TO "NotificationAway"`);
    const scans: ScanResult[] = [];
    try {
      const loop = startReminders(log, {
        db: db.prisma,
        intervalMs: 10,
        clock: () => jst("2027-02-10T09:00"),
        onScan: (r) => scans.push(r),
      });
      try {
        await expect.poll(() => scans.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
      } finally {
        await loop.stop();
      }
    } finally {
      await db.prisma.$executeRawUnsafe(`ALTER TABLE "NotificationAway" RENAME TO "Notification"`);
    }
    expect(scans[1]).toEqual({
      SHIFT_TOMORROW: "failed",
      CONSENT_OVERDUE_DIGEST: { sent: 0, skipped: 0 },
      INSURANCE_NEXT_YEAR_MISSING: { sent: 0, skipped: 0 },
      INVITATION_EXPIRING: { sent: 0, skipped: 0 },
    });
    const errors = logged().filter((l) => l.level === 50);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.every((l) => l.msg === "reminder scan failed" && l.kind === "SHIFT_TOMORROW")).toBe(true);
    expect(await db.prisma.notification.count()).toBe(0);
    expect(await db.prisma.mailOutbox.count()).toBe(0);
  });

  it("reminds again when the shift moves to another day, and tells someone who signed up after the reminder", async () => {
    await scan(jst("2027-02-10T12:00"));
    expect(await db.prisma.notification.count()).toBe(2);
    const late = await seedPerson(db.prisma, org);
    await account("bukai-late", { role: "SUBCOMMITTEE_MEMBER", groupId: groups.bukai }, late.id);
    await db.prisma.signUp.create({ data: { orgId: org.id, shiftId, personId: late.id, status: "CONFIRMED" } });
    expect(sentBy(await scan(jst("2027-02-10T12:01")))).toMatchObject({ SHIFT_TOMORROW: 1 });
    expect((await notifications("SHIFT_TOMORROW")).map((r) => r.recipientId)).toContain(users["bukai-late"]);

    await db.prisma.shift.update({ where: { id: shiftId }, data: { startsAt: jst("2027-02-14T10:00"), endsAt: jst("2027-02-14T12:00") } });
    try {
      expect(sentBy(await scan(jst("2027-02-13T08:00")))).toMatchObject({ SHIFT_TOMORROW: 0 });
      expect(sentBy(await scan(jst("2027-02-13T09:30")))).toMatchObject({ SHIFT_TOMORROW: 3 });
      expect((await notifications("SHIFT_TOMORROW")).filter((r) => r.dedupeKey === `${shiftId}:2027-02-14`)).toHaveLength(3);
    } finally {
      await db.prisma.signUp.deleteMany({ where: { personId: late.id } });
      await db.prisma.shift.update({
        where: { id: shiftId },
        data: { startsAt: jst("2027-02-11T10:00"), endsAt: jst("2027-02-11T15:00") },
      });
    }
  });

  it("after a downtime: the first scan sends a reminder that fell due while stopped, once, and logs a shift that began meanwhile", async () => {
    const event = await bukaiEvent("2027-03-04T07:00", "2027-03-04T17:00", { title: "ひな祭りの集い" });
    // due from 03-03 09:00 (the server is stopped from 03-03 08:00 to 03-04 09:30): still ahead at the restart
    const ahead = await seedShift(db.prisma, org, { event, startsAt: jst("2027-03-04T14:00"), endsAt: jst("2027-03-04T17:00") });
    // began at 08:00 on 03-04, before the restart: skipped
    const begun = await seedShift(db.prisma, org, { event, startsAt: jst("2027-03-04T08:00"), endsAt: jst("2027-03-04T12:00") });
    const scans: ScanResult[] = [];
    const clock = { now: jst("2027-03-04T09:30") };
    const loop = startReminders(log, { db: db.prisma, intervalMs: 3_600_000, clock: () => clock.now, onScan: (r) => scans.push(r) });
    try {
      await expect.poll(() => scans.length, { timeout: 30_000 }).toBe(1);
    } finally {
      await loop.stop();
    }
    expect(sentBy(scans[0]!)).toMatchObject({ SHIFT_TOMORROW: 1 });
    expect(scans[0]!.SHIFT_TOMORROW).toMatchObject({ skipped: 1 });
    expect(await notifications("SHIFT_TOMORROW")).toEqual([
      expect.objectContaining({ recipientId: users["event-bukai"], subjectId: ahead.id }),
    ]);
    const skipped = logged().filter((l) => l.msg.startsWith("reminder skipped"));
    expect(skipped).toEqual([
      expect.objectContaining({
        level: 30,
        kind: "SHIFT_TOMORROW",
        shiftId: begun.id,
        msg: "reminder skipped: the shift started before it could be sent",
      }),
    ]);

    // the next scan looks back to the one before: no second log line, nothing sent again
    lines.length = 0;
    expect(sentBy(await scan(jst("2027-03-04T09:31"), jst("2027-03-04T09:30")))).toMatchObject({ SHIFT_TOMORROW: 0 });
    expect(logged().filter((l) => l.msg.startsWith("reminder skipped"))).toEqual([]);
    expect(await notifications("SHIFT_TOMORROW")).toHaveLength(1);
    await db.prisma.event.delete({ where: { id: event.id } });
  });
});

describe("CONSENT_OVERDUE_DIGEST", () => {
  const names: string[] = [];

  beforeAll(async () => {
    const schoolOf = async (groupId: string) => (await db.prisma.group.findUniqueOrThrow({ where: { id: groupId } })).schoolId!;
    const child = async (
      schoolGroup: string,
      registered: string,
      forms: Array<{ kind: "GUARDIAN_ACTIVITY" | "PHOTO_PUBLICATION"; granted: boolean }> = [],
      status: "ACTIVE" | "ALUMNI" = "ACTIVE",
    ) => {
      const person = await seedPerson(db.prisma, org, { name: { generation: "child" } });
      names.push(person.legalName);
      const c = await db.prisma.childVolunteer.create({
        data: {
          orgId: org.id,
          personId: person.id,
          schoolId: await schoolOf(schoolGroup),
          grade: 5,
          status,
          alumniSince: status === "ALUMNI" ? new Date("2026-04-01") : null,
          guardianName: `${person.legalName}の保護者`,
          createdAt: jst(registered),
        },
      });
      for (const f of forms) await db.prisma.consent.create({ data: { orgId: org.id, childVolunteerId: c.id, ...FORM, ...f } });
    };
    // 尾崎: overdue on Monday 2027-01-25 — registered 14 days before (late on 01-11), and one with its photo form missing
    await child(groups.ozaki, "2027-01-11T23:00");
    await child(groups.ozaki, "2027-01-05T10:00", [{ kind: "GUARDIAN_ACTIVITY", granted: true }]);
    // 尾崎, not overdue: registered 13 days before; both forms back (one refused); an alumnus without forms
    await child(groups.ozaki, "2027-01-12T00:30");
    await child(groups.ozaki, "2027-01-05T10:00", [
      { kind: "GUARDIAN_ACTIVITY", granted: true },
      { kind: "PHOTO_PUBLICATION", granted: false },
    ]);
    await child(groups.ozaki, "2020-06-01T10:00", [], "ALUMNI");
    // 鳥取東: one overdue
    await child(groups.tottori, "2027-01-01T10:00");
  });

  it("tells each school's coordinators, once a week, how many of their children's forms are overdue — no child named", async () => {
    expect(sentBy(await scan(jst("2027-01-25T08:00")))).toMatchObject({ CONSENT_OVERDUE_DIGEST: 0 });
    expect(sentBy(await scan(jst("2027-01-25T09:00")))).toMatchObject({ CONSENT_OVERDUE_DIGEST: 2 });
    const rows = await notifications("CONSENT_OVERDUE_DIGEST");
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.recipientId === users["coordinator.ozaki"])).toMatchObject({
      subjectId: groups.ozaki,
      dedupeKey: `${groups.ozaki}:2027-01-25`,
      params: { group: "尾崎小学校 子ども福祉委員", count: 2 },
    });
    expect(rows.find((r) => r.recipientId === users["coordinator.tottori-higashi"])).toMatchObject({
      subjectId: groups.tottori,
      dedupeKey: `${groups.tottori}:2027-01-25`,
      params: { group: "鳥取東中学校 子ども福祉委員", count: 1 },
    });
    const mails = await db.prisma.mailOutbox.findMany({ orderBy: { to: "asc" } });
    expect(mails.map((m) => m.to)).toEqual(["coordinator.ozaki@hannan.example", "coordinator.tottori-higashi@hannan.example"]);
    expect(mails[0]!.text).toContain("保護者の同意書が未提出の子どもが2人います");
    expect(mails[0]!.text).toContain(`/child-volunteers/${groups.ozaki}`);
    for (const name of names) expect(mails.map((m) => m.text).join("\n")).not.toContain(name);

    // the rest of the week: nothing; the next Monday: the next digest
    expect(sentBy(await scan(jst("2027-01-27T10:00")))).toMatchObject({ CONSENT_OVERDUE_DIGEST: 0 });
    expect(sentBy(await scan(jst("2027-01-31T23:00")))).toMatchObject({ CONSENT_OVERDUE_DIGEST: 0 });
    expect(sentBy(await scan(jst("2027-02-01T09:00")))).toMatchObject({ CONSENT_OVERDUE_DIGEST: 2 });
    // by then the child registered on 01-12 is overdue too
    const next = (await notifications("CONSENT_OVERDUE_DIGEST")).filter((r) => r.dedupeKey === `${groups.ozaki}:2027-02-01`);
    expect(next.map((r) => r.params)).toEqual([{ group: expect.any(String) as string, count: 3 }]);
  });

  it("tells a school's new coordinator, not one whose role was revoked, and nobody at a school without a coordinator", async () => {
    const role = await db.prisma.accessRoleAssignment.findFirstOrThrow({ where: { userId: users["coordinator.tottori-higashi"] } });
    await db.prisma.accessRoleAssignment.update({ where: { id: role.id }, data: { revokedAt: jst("2027-01-20T10:00") } });
    try {
      await scan(jst("2027-01-25T09:00"));
      expect((await notifications("CONSENT_OVERDUE_DIGEST")).map((r) => r.recipientId)).toEqual([users["coordinator.ozaki"]]);
    } finally {
      await db.prisma.accessRoleAssignment.update({ where: { id: role.id }, data: { revokedAt: null } });
    }
  });
});

describe("INSURANCE_NEXT_YEAR_MISSING", () => {
  let missing: string[];

  beforeAll(async () => {
    // everyone is insured for 年度 2027 but two people active now; a person whose membership ended is not counted
    const active = await db.prisma.person.findMany({
      where: { orgId: org.id, memberships: { some: { endedOn: null } } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    missing = active.slice(0, 2).map((p) => p.id);
    const others = await db.prisma.person.findMany({ where: { orgId: org.id, id: { notIn: missing } }, select: { id: true } });
    await db.prisma.insuranceEnrolment.createMany({
      data: others.map((p) => ({ orgId: org.id, personId: p.id, fiscalYear: 2027, plan: "A", enrolledOn: new Date("2027-02-20") })),
      skipDuplicates: true,
    });
    const left = await seedPerson(db.prisma, org);
    const membership = await db.prisma.membership.findFirstOrThrow({ where: { groupId: groups.salon }, select: { groupRoleId: true } });
    await db.prisma.membership.create({
      data: {
        orgId: org.id,
        groupId: groups.salon,
        personId: left.id,
        groupRoleId: membership.groupRoleId,
        startedOn: new Date("2026-04-01"),
        endedOn: new Date("2027-02-28"),
      },
    });
  });

  it("from 1 March, tells staff alone, once, how many people active now have no insurance for the next 年度", async () => {
    await account("staff-two", { role: "STAFF" });
    expect(sentBy(await scan(jst("2027-02-28T12:00")))).toMatchObject({ INSURANCE_NEXT_YEAR_MISSING: 0 });
    expect(sentBy(await scan(jst("2027-03-01T08:59")))).toMatchObject({ INSURANCE_NEXT_YEAR_MISSING: 0 });
    expect(sentBy(await scan(jst("2027-03-01T09:00")))).toMatchObject({ INSURANCE_NEXT_YEAR_MISSING: 2 });
    const rows = await notifications("INSURANCE_NEXT_YEAR_MISSING");
    expect(rows.map((r) => r.recipientId).sort()).toEqual([users.staff, users["staff-two"]].sort());
    expect(rows.every((r) => r.subjectId === org.id && r.dedupeKey === "2027")).toBe(true);
    expect(rows[0]!.params).toEqual({ fiscalYear: 2027, count: missing.length });
    const mail = await db.prisma.mailOutbox.findFirstOrThrow({ where: { to: "staff@hannan.example" } });
    expect(mail.text).toContain("令和9年度のボランティア活動保険に未加入の活動者が2人います");
    expect(mail.text).toContain("/insurance");
    // the rest of March: nothing more
    expect(sentBy(await scan(jst("2027-03-15T10:00")))).toMatchObject({ INSURANCE_NEXT_YEAR_MISSING: 0 });
    expect(sentBy(await scan(jst("2027-03-31T23:59")))).toMatchObject({ INSURANCE_NEXT_YEAR_MISSING: 0 });
  });

  it("is not sent in April (the year has begun) when March went by without a scan", async () => {
    expect(sentBy(await scan(jst("2027-04-01T10:00")))).toMatchObject({ INSURANCE_NEXT_YEAR_MISSING: 0 });
    expect(await db.prisma.notification.count({ where: { kind: "INSURANCE_NEXT_YEAR_MISSING" } })).toBe(0);
  });
});

describe("INVITATION_EXPIRING", () => {
  async function invitation(key: string, expiresAt: Date, state: { acceptedAt?: Date; revokedAt?: Date } = {}) {
    const userId = await account(`invitee-${key}`, { role: "SALON_LEADER", groupId: groups.salon });
    return db.prisma.invitation.create({
      data: { orgId: org.id, userId, email: `invitee-${key}@reminder.example`, tokenHash: randomUUID(), expiresAt, ...state },
    });
  }

  it("tells staff alone once in the last 24 hours of a pending invitation, and again after a re-send", async () => {
    const pending = await invitation("pending", jst("2027-05-10T15:00"));
    await invitation("accepted", jst("2027-05-10T15:00"), { acceptedAt: jst("2027-05-09T10:00") });
    await invitation("revoked", jst("2027-05-10T15:00"), { revokedAt: jst("2027-05-08T10:00") });
    expect(sentBy(await scan(jst("2027-05-09T14:59")))).toMatchObject({ INVITATION_EXPIRING: 0 });
    expect(sentBy(await scan(jst("2027-05-09T15:00")))).toMatchObject({ INVITATION_EXPIRING: 2 });
    const rows = await notifications("INVITATION_EXPIRING");
    // staff and the second staff account made above; not the salon's leader whose scope the invitation is
    expect(rows.map((r) => r.recipientId).sort()).toEqual([users.staff, users["staff-two"]].sort());
    expect(rows[0]).toMatchObject({
      subjectId: pending.id,
      dedupeKey: `${pending.id}:${pending.expiresAt.toISOString()}`,
      params: { count: 1, expiresAt: pending.expiresAt.toISOString() },
    });
    const mail = await db.prisma.mailOutbox.findFirstOrThrow({ where: { to: "staff@hannan.example" } });
    expect(mail.text).toContain("/accounts");
    expect(mail.text).not.toContain("invitee-pending");
    expect(sentBy(await scan(jst("2027-05-10T14:00")))).toMatchObject({ INVITATION_EXPIRING: 0 });

    // re-sent: a new expiry, reminded again in its last day
    await db.prisma.invitation.update({ where: { id: pending.id }, data: { expiresAt: jst("2027-05-17T15:00") } });
    expect(sentBy(await scan(jst("2027-05-16T16:00")))).toMatchObject({ INVITATION_EXPIRING: 2 });
    await db.prisma.invitation.deleteMany({ where: { expiresAt: { lt: jst("2027-06-01T00:00") } } });
  });

  it("after a downtime: sends the one due, logs the one that expired meanwhile, and nothing twice", async () => {
    const expired = await invitation("expired", jst("2027-06-02T12:00"));
    const due = await invitation("due", jst("2027-06-03T12:00"));
    // stopped from 06-01 10:00 to 06-02 13:00
    const first = await scan(jst("2027-06-02T13:00"));
    expect(first.INVITATION_EXPIRING).toEqual({ sent: 2, skipped: 1 });
    expect(new Set((await notifications("INVITATION_EXPIRING")).map((r) => r.subjectId))).toEqual(new Set([due.id]));
    expect(logged().filter((l) => l.msg.startsWith("reminder skipped"))).toEqual([
      expect.objectContaining({ level: 30, kind: "INVITATION_EXPIRING", invitationId: expired.id }),
    ]);
    expect(await scan(jst("2027-06-02T13:01"), jst("2027-06-02T13:00"))).toMatchObject({ INVITATION_EXPIRING: { sent: 0, skipped: 0 } });
    await db.prisma.invitation.deleteMany({ where: { id: { in: [expired.id, due.id] } } });
  });
});

describe("two instances", () => {
  it("scanning at once (two clients and connections on PostgreSQL) tell each recipient once, with one mail", async () => {
    // one of each kind due at 2027-03-08 (a Monday) 10:00
    const event = await bukaiEvent("2027-03-09T10:00", "2027-03-09T12:00");
    await seedShift(db.prisma, org, { event });
    const invitee = await account("invitee-both", { role: "SALON_LEADER", groupId: groups.salon });
    await db.prisma.invitation.create({
      data: {
        orgId: org.id,
        userId: invitee,
        email: "invitee-both@reminder.example",
        tokenHash: randomUUID(),
        expiresAt: jst("2027-03-09T09:00"),
      },
    });
    // the second instance: its own client (its own connections) on the same database; the embedded
    // database has one connection in one process, which both then share
    const other = db.url ? await openDatabase({ url: db.url }) : undefined;
    const clients = [db.prisma, (other?.prisma ?? db.prisma) as PrismaClient];
    const now = jst("2027-03-08T10:00");
    let results: ScanResult[];
    try {
      results = (await Promise.all([0, 1, 2, 3].map((i) => scanReminders(now, log, { db: clients[i % 2]! })))) as ScanResult[];
    } finally {
      await other?.close();
    }
    const rows = await db.prisma.notification.findMany({ select: { kind: true } });
    // SHIFT_TOMORROW: the organiser; CONSENT_OVERDUE_DIGEST: two coordinators; INSURANCE: two staff; INVITATION: two staff
    const expected = { SHIFT_TOMORROW: 1, CONSENT_OVERDUE_DIGEST: 2, INSURANCE_NEXT_YEAR_MISSING: 2, INVITATION_EXPIRING: 2 };
    expect(Object.fromEntries(Object.keys(expected).map((k) => [k, rows.filter((r) => r.kind === k).length]))).toEqual(expected);
    // every scan reported what it did, and together they inserted each notification once
    for (const kind of Object.keys(expected) as Array<keyof typeof expected>) {
      expect(results.every((r) => r[kind] !== "failed")).toBe(true);
      expect(results.reduce((n, r) => n + (typeof r[kind] === "object" ? r[kind].sent : 0), 0)).toBe(expected[kind]);
    }
    const mails = await db.prisma.mailOutbox.findMany({ select: { to: true, subject: true } });
    expect(mails).toHaveLength(7);
    expect(new Set(mails.map((m) => `${m.to}\n${m.subject}`)).size).toBe(7);
  });
});
