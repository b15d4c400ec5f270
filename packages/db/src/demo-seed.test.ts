// The Hannan demo data holds what docs/domain.md describes, and only consistent records.
import fs from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { demoAccounts, demoTestData, seedDemo } from "@tsunagu/seed";

import { migrationsDir } from "./env.ts";
import { tableFingerprints } from "./inspect.ts";
import { createTestDatabaseFrom, type TestDatabase } from "./testing.ts";

let db: TestDatabase;
const today = new Date("2026-11-26");

beforeAll(async () => {
  // a copy of the template seedDemo filled once (demoTestData), as the API's tests start from
  db = await createTestDatabaseFrom(demoTestData(today));
});
afterAll(() => db?.drop());

const count = async (sql: string) => Number((await db.prisma.$queryRawUnsafe<Array<{ n: bigint }>>(sql))[0]!.n);

describe("the Hannan demo data", () => {
  it("has the organisation's places: four areas, twelve school districts, four schools", async () => {
    const org = await db.prisma.organization.findUniqueOrThrow({ where: { slug: "hannan" } });
    expect(org.name).toBe("阪南市社会福祉協議会");
    const areas = await db.prisma.area.findMany({ orderBy: { sortOrder: "asc" } });
    expect(areas.map((a) => a.name).sort()).toEqual(["下荘", "尾崎", "東鳥取", "西鳥取"].sort());
    expect(await db.prisma.schoolDistrict.count()).toBe(12);
    expect(await db.prisma.school.count()).toBe(4);
  });

  it("has four schools' 子ども福祉委員 (about 76 children), each active one logged only with guardian consent", async () => {
    const schoolGroups = await db.prisma.group.count({ where: { kind: { code: "school-committee" } } });
    expect(schoolGroups).toBe(4);
    const children = await db.prisma.childVolunteer.count();
    expect(children).toBeGreaterThanOrEqual(70);
    expect(children).toBeLessThanOrEqual(82);
    expect(await db.prisma.childVolunteer.count({ where: { status: "ALUMNI" } })).toBeGreaterThan(0);
    // children without a granted, unwithdrawn activity consent exist, and none of them was ever logged
    const noConsent = `SELECT c."personId" FROM "ChildVolunteer" c WHERE NOT EXISTS (
        SELECT 1 FROM "Consent" k WHERE k."childVolunteerId" = c.id AND k.kind = 'GUARDIAN_ACTIVITY'
          AND k.granted AND k."withdrawnAt" IS NULL)`;
    expect(await count(`SELECT count(*) AS n FROM (${noConsent}) x`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM "ActivityLogParticipant" WHERE "personId" IN (${noConsent})`)).toBe(0);
  });

  it("has the 草の根ネットワーク and its three 部会 with their real names", async () => {
    const network = await db.prisma.group.findFirstOrThrow({
      where: { kind: { code: "network" } },
      include: { subgroups: { orderBy: { name: "asc" } } },
    });
    expect(network.name).toContain("草の根ネットワーク");
    expect(network.subgroups.map((g) => g.name).sort()).toEqual(["イベント部会", "居場所部会", "当事者・家族・相談部会"].sort());
    expect(network.subgroups.find((g) => g.name === "イベント部会")?.nickname).toContain("ぼちぼちいこらyo！");
    expect(network.subgroups.find((g) => g.name === "居場所部会")?.nickname).toContain("虹みっけ");
    expect(await db.prisma.person.count({ where: { networkStatus: "FORMER_TOJISHA" } })).toBeGreaterThan(0);
    expect(await db.prisma.person.count({ where: { networkStatus: { not: null }, displayName: { not: null } } })).toBeGreaterThan(0);
  });

  it("has 42 salons, 13 of them with ほっこり相談, each with a roster", async () => {
    const salons = await db.prisma.group.findMany({
      where: { programme: { code: "salon" } },
      include: { _count: { select: { memberships: true } } },
    });
    expect(salons).toHaveLength(42);
    expect(salons.filter((s) => s.hostsHokkoriConsultation)).toHaveLength(13);
    expect(salons.every((s) => s._count.memberships >= 4)).toBe(true);
  });

  it("has the 泉南学寮 グリーンサポーター cohort by code only, with the wakame achievement and the fisherman's thanks", async () => {
    const cohort = await db.prisma.group.findFirstOrThrow({
      where: { kind: { code: "cohort" } },
      include: { juvenileParticipants: true, achievements: true, thankYouMessages: true },
    });
    expect(cohort.institution).toBe("泉南学寮");
    expect(cohort.juvenileParticipants.length).toBeGreaterThan(0);
    expect(cohort.juvenileParticipants.every((j) => /^[A-Z0-9-]{2,20}$/.test(j.code))).toBe(true);
    expect(cohort.achievements.map((a) => a.title).join()).toContain("バリ旨わかめ");
    expect(cohort.thankYouMessages.map((t) => t.body).join()).toContain("我々漁師も嬉しくて涙がでる");
    const words = await db.prisma.thankYouMessage.findMany({ select: { body: true } });
    expect(words.map((w) => w.body).join()).toContain("ありがとう");
    // a cohort that has ended has no youth still in it: each left on or before its end
    const ended = await db.prisma.group.findMany({
      where: { kind: { code: "cohort" }, endedOn: { not: null } },
      select: { endedOn: true, juvenileParticipants: { select: { code: true, leftOn: true } } },
    });
    expect(ended.length).toBeGreaterThan(0);
    for (const c of ended)
      for (const j of c.juvenileParticipants) expect(j.leftOn && j.leftOn <= c.endedOn!, `${j.code} left ${String(j.leftOn)}`).toBe(true);
  });

  it("has a year of activity logs with an approval queue, each in the fiscal year of its date", async () => {
    const first = await db.prisma.activityLog.aggregate({ _min: { date: true }, _max: { date: true } });
    expect(first._max.date!.getTime()).toBeLessThanOrEqual(today.getTime());
    expect(today.getTime() - first._min.date!.getTime()).toBeGreaterThan(330 * 86_400_000);
    expect(await db.prisma.activityLog.count({ where: { status: "SUBMITTED" } })).toBeGreaterThanOrEqual(5);
    expect(await db.prisma.activityLog.count({ where: { status: "REJECTED" } })).toBeGreaterThanOrEqual(1);
    expect(await db.prisma.activityLogParticipant.count()).toBeGreaterThan(1_000);
    expect(await db.prisma.activityLogParticipant.count({ where: { uninsured: true } })).toBeGreaterThan(0);
  });

  it("has insurance enrolments for this fiscal year, with some lapsed", async () => {
    expect(await db.prisma.insuranceEnrolment.count({ where: { fiscalYear: 2026 } })).toBeGreaterThan(100);
    const lapsed = await count(`SELECT count(*) AS n FROM "Person" p WHERE EXISTS (
        SELECT 1 FROM "InsuranceEnrolment" i WHERE i."personId" = p.id AND i."fiscalYear" = 2025)
      AND NOT EXISTS (SELECT 1 FROM "InsuranceEnrolment" i WHERE i."personId" = p.id AND i."fiscalYear" = 2026)`);
    expect(lapsed).toBeGreaterThan(0);
  });

  it("has a demo account for every access role, as the README lists them", async () => {
    const roles = await db.prisma.accessRoleAssignment.findMany({ include: { user: true } });
    expect(new Set(roles.map((r) => r.role))).toEqual(
      new Set(["STAFF", "SCHOOL_COORDINATOR", "SUBCOMMITTEE_MEMBER", "SALON_LEADER", "INSTITUTION_LIAISON"]),
    );
    for (const account of demoAccounts) {
      expect(
        roles.some((r) => r.user.email === account.email && r.role === account.role),
        account.email,
      ).toBe(true);
    }
    expect(await db.prisma.account.count({ where: { providerId: "credential", password: { not: null } } })).toBe(demoAccounts.length);
  });

  it("changes nothing when seeded again", async () => {
    const before = await tableFingerprints(db.prisma);
    await db.prisma.$transaction((tx) => seedDemo(tx, { today }), { timeout: 300_000 });
    expect(await tableFingerprints(db.prisma)).toEqual(before);
  });

  it("the aggregate migration's backfill counts the approved hours as rebuildActivityHours does (its SQL is a frozen copy)", async () => {
    const aggregates = () =>
      db.prisma.$queryRawUnsafe<unknown[]>(
        `SELECT * FROM "ActivityHoursAggregate" ORDER BY "orgId", "fiscalYear", "programmeScope", "areaScope", "withoutJuvenile", dimension, key`,
      );
    // the seed rebuilt them (seedDemo → rebuildActivityHours)
    const rebuilt = await aggregates();
    expect(rebuilt.length).toBeGreaterThan(100);
    const migration = fs.readFileSync(path.join(migrationsDir, "20261129212521_activity_hours_aggregate", "migration.sql"), "utf8");
    const backfill = migration.slice(migration.indexOf("-- Backfill"));
    const statements = backfill
      .split(/;\s*\n/)
      .map((sql) => sql.replace(/^--.*$/gm, "").trim())
      .filter(Boolean);
    expect(statements).toHaveLength(3); // ANALYZE, the logs' sums, the volunteers
    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`DELETE FROM "ActivityHoursAggregate"`);
      for (const sql of statements) await tx.$executeRawUnsafe(sql);
    });
    expect(await aggregates()).toEqual(rebuilt);
  });
});
