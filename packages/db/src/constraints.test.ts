// What the database itself refuses, on both databases (see docs/data-model.md).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedActivityLog, seedEvent, seedGroup, seedOrganization, seedPerson, seedShift } from "@tsunagu/seed/factories";

import type { Prisma } from "./index.ts";
import { createTestDatabaseFrom, migratedTestData, type TestDatabase } from "./testing.ts";

let db: TestDatabase;

/** A small organisation: catalog, one group, a cohort, two people, a log, an event with a shift. */
async function organisation(tx: Prisma.TransactionClient, key: string) {
  const org = await seedOrganization(tx, { slug: `org-${key}`, name: `社協 ${key}`, nameEn: `Org ${key}` });
  const group = await seedGroup(tx, org, { kind: "salon", name: "サロン" });
  const cohort = await seedGroup(tx, org, { kind: "cohort", name: "コホート" });
  const alice = await seedPerson(tx, org);
  const bob = await seedPerson(tx, org);
  const log = await seedActivityLog(tx, org, { group, type: "salon", date: new Date("2025-05-10"), minutes: 120 });
  const event = await seedEvent(tx, org, {
    group,
    title: "バザー",
    startsAt: new Date("2025-06-01T01:00:00Z"),
    endsAt: new Date("2025-06-01T05:00:00Z"),
  });
  const shift = await seedShift(tx, org, { event, title: "午前", endsAt: new Date("2025-06-01T03:00:00Z"), capacity: 2 });
  return {
    ids: {
      orgId: org.id,
      catalog: org.catalog,
      group: group.id,
      cohort: cohort.id,
      alice: alice.id,
      bob: bob.id,
      log: log.id,
      event: event.id,
      shift: shift.id,
    },
  };
}

let a: Awaited<ReturnType<typeof organisation>>;
let b: Awaited<ReturnType<typeof organisation>>;

beforeAll(async () => {
  db = await createTestDatabaseFrom(migratedTestData);
  await db.prisma.$transaction(async (tx) => {
    a = await organisation(tx, "a");
    b = await organisation(tx, "b");
  });
});
afterAll(() => db?.drop());

/** The Postgres error code behind a Prisma error, whichever way the adapter reports it. */
async function dbError(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => {
      throw new Error("expected the database to refuse this write");
    },
    (e: unknown) => e,
  );
  return JSON.stringify(err, Object.getOwnPropertyNames(err)) + String(err);
}

describe("the database refuses", () => {
  it("a second sign-up by the same person to a shift", async () => {
    const { orgId, shift, alice } = a.ids;
    await db.prisma.signUp.create({ data: { orgId, shiftId: shift, personId: alice, status: "CONFIRMED" } });
    const err = await dbError(db.prisma.signUp.create({ data: { orgId, shiftId: shift, personId: alice, status: "WAITLISTED" } }));
    expect(err).toMatch(/Unique constraint|P2002|SignUp_shiftId_personId_key|23505/);
    expect(await db.prisma.signUp.count({ where: { shiftId: shift } })).toBe(1);
  });

  it("negative minutes on a log and on a participant", async () => {
    const { orgId, group, log, bob } = a.ids;
    const err = await dbError(
      db.prisma.activityLog.create({
        data: {
          orgId,
          groupId: group,
          activityTypeId: a.ids.catalog.activityType.mimamori,
          date: new Date("2025-07-01"),
          fiscalYear: 2025,
          minutes: -30,
        },
      }),
    );
    expect(err).toMatch(/ActivityLog_minutes_check|23514/);
    const err2 = await dbError(
      db.prisma.activityLogParticipant.create({ data: { orgId, activityLogId: log, personId: bob, minutes: -1 } }),
    );
    expect(err2).toMatch(/ActivityLogParticipant_minutes_check|23514/);
  });

  it("an activity-log participant from another organisation", async () => {
    // b's person on a's log, whichever orgId the row claims
    const asA = dbError(
      db.prisma.activityLogParticipant.create({
        data: { orgId: a.ids.orgId, activityLogId: a.ids.log, personId: b.ids.alice, minutes: 60 },
      }),
    );
    expect(await asA).toMatch(/Foreign key|P2003|ActivityLogParticipant_orgId_personId_fkey|23503/);
    const asB = dbError(
      db.prisma.activityLogParticipant.create({
        data: { orgId: b.ids.orgId, activityLogId: a.ids.log, personId: b.ids.alice, minutes: 60 },
      }),
    );
    expect(await asB).toMatch(/Foreign key|P2003|ActivityLogParticipant_orgId_activityLogId_fkey|23503/);
    expect(await db.prisma.activityLogParticipant.count({ where: { personId: b.ids.alice } })).toBe(0);
  });

  it("a fiscal year that does not match the date (年度 runs April–March)", async () => {
    const { orgId, group } = a.ids;
    const data = { orgId, groupId: group, activityTypeId: a.ids.catalog.activityType.mimamori, minutes: 30 };
    expect(await dbError(db.prisma.activityLog.create({ data: { ...data, date: new Date("2026-03-31"), fiscalYear: 2026 } }))).toMatch(
      /ActivityLog_fiscalYear_check|23514/,
    );
    const ok = await db.prisma.activityLog.create({ data: { ...data, date: new Date("2026-03-31"), fiscalYear: 2025 } });
    expect(ok.fiscalYear).toBe(2025);
  });

  it("a shift with negative capacity", async () => {
    const { orgId, event } = a.ids;
    const when = new Date("2025-06-01T01:00:00Z");
    expect(
      await dbError(db.prisma.shift.create({ data: { orgId, eventId: event, title: "x", startsAt: when, endsAt: when, capacity: -1 } })),
    ).toMatch(/Shift_capacity_check|23514/);
  });

  it("a juvenile participant code that could be a name", async () => {
    const { orgId, cohort } = a.ids;
    const data = { orgId, cohortId: cohort, joinedOn: new Date("2025-12-01") };
    expect(await dbError(db.prisma.juvenileParticipant.create({ data: { ...data, code: "山田太郎" } }))).toMatch(
      /JuvenileParticipant_code_check|23514/,
    );
    expect(await dbError(db.prisma.juvenileParticipant.create({ data: { ...data, code: "Taro Yamada" } }))).toMatch(
      /JuvenileParticipant_code_check|23514/,
    );
    const ok = await db.prisma.juvenileParticipant.create({ data: { ...data, code: "GS-R7-01" } });
    expect(ok.code).toBe("GS-R7-01");
  });

  it("a second open membership of a person in the same group and role, but not a new one after it ended", async () => {
    const { orgId, group, bob, catalog } = a.ids;
    const data = { orgId, groupId: group, personId: bob, groupRoleId: catalog.groupRole.member };
    const first = await db.prisma.membership.create({ data: { ...data, startedOn: new Date("2024-04-01") } });
    expect(await dbError(db.prisma.membership.create({ data: { ...data, startedOn: new Date("2025-04-01") } }))).toMatch(
      /Membership_one_open_per_role|P2002|23505|Unique constraint/,
    );
    await db.prisma.membership.update({ where: { id: first.id }, data: { endedOn: new Date("2025-03-31") } });
    const again = await db.prisma.membership.create({ data: { ...data, startedOn: new Date("2025-04-01") } });
    expect(again.endedOn).toBeNull();
  });

  it("kana that is not hiragana", async () => {
    expect(
      await dbError(db.prisma.person.create({ data: { orgId: a.ids.orgId, legalName: "田中 太郎", legalNameKana: "Tanaka" } })),
    ).toMatch(/Person_legalNameKana_check|23514/);
  });

  it("a change to the audit trail", async () => {
    const row = await db.prisma.auditEvent.create({ data: { orgId: a.ids.orgId, action: "create", entity: "Person" } });
    expect(await dbError(db.prisma.auditEvent.update({ where: { id: row.id }, data: { action: "x" } }))).toMatch(/append-only/);
    expect(await dbError(db.prisma.auditEvent.delete({ where: { id: row.id } }))).toMatch(/append-only/);
    expect(await db.prisma.auditEvent.count({ where: { id: row.id } })).toBe(1);
  });
});

describe("the juvenile-participant table", () => {
  it("has no column that could hold a name", async () => {
    const columns = await db.prisma.$queryRawUnsafe<Array<{ column_name: string; data_type: string }>>(
      `SELECT column_name, data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'JuvenileParticipant' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => c.column_name).sort()).toEqual(["code", "cohortId", "id", "joinedOn", "leftOn", "orgId"]);
    // the only text column is the code, and the database checks its shape
    const text = columns.filter((c) => c.data_type === "text" || c.data_type.startsWith("character"));
    expect(text.map((c) => c.column_name)).toEqual(["code"]);
  });
});
