// The synthetic generator behind `npm run db:seed -- --scale N`, at a small size.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedSynthetic } from "@tsunagu/seed/synthetic";

import { countRows, tableFingerprints } from "./inspect.ts";
import { createTestDatabaseFrom, type TestData, type TestDatabase } from "./testing.ts";

let db: TestDatabase;
const options = { scale: 2, peoplePerOrg: 150, participationsPerOrg: 1_500, today: new Date("2026-11-26"), progress: false };

// seeded once into a template (kept between runs); each run's file gets a copy
const synthetic: TestData = {
  name: `synthetic ${JSON.stringify(options)}`,
  fill: async (template) => {
    await seedSynthetic(template.prisma, options);
  },
};

beforeAll(async () => {
  db = await createTestDatabaseFrom(synthetic);
});
afterAll(() => db?.drop());

describe("seedSynthetic", () => {
  it("makes the requested organisations, people and participations", async () => {
    const counts = await countRows(db.prisma);
    expect(counts.Organization).toBe(2);
    expect(counts.Person).toBe(300);
    expect(counts.ActivityLogParticipant).toBeGreaterThanOrEqual(3_000);
    expect(counts.ActivityLogParticipant).toBeLessThan(3_000 + 2 * 10);
    const salons = await db.prisma.group.count({ where: { kind: { code: "salon" } } });
    expect(salons).toBe(84);
  });

  it("spreads logs over two fiscal years, all with the fiscal year of their date", async () => {
    const years = await db.prisma.activityLog.groupBy({ by: ["fiscalYear"], _count: true, orderBy: { fiscalYear: "asc" } });
    expect(years.map((y) => y.fiscalYear)).toEqual([2025, 2026]);
  });

  it("keeps every participation inside its own organisation", async () => {
    const crossing = await db.prisma.$queryRawUnsafe<Array<{ n: bigint }>>(
      `SELECT count(*) AS n FROM "ActivityLogParticipant" p
         JOIN "ActivityLog" l ON l.id = p."activityLogId"
         LEFT JOIN "Person" x ON x.id = p."personId"
        WHERE l."orgId" <> p."orgId" OR (x.id IS NOT NULL AND x."orgId" <> p."orgId")`,
    );
    expect(Number(crossing[0]!.n)).toBe(0);
  });

  it("flags exactly the participations of people uninsured in that fiscal year", async () => {
    const wrong = await db.prisma.$queryRawUnsafe<Array<{ n: bigint }>>(
      `SELECT count(*) AS n FROM "ActivityLogParticipant" p
         JOIN "ActivityLog" l ON l.id = p."activityLogId"
         LEFT JOIN "InsuranceEnrolment" i ON i."personId" = p."personId" AND i."fiscalYear" = l."fiscalYear"
        WHERE p."personId" IS NOT NULL AND l."fiscalYear" = 2026 AND p.uninsured <> (i.id IS NULL)`,
    );
    expect(Number(wrong[0]!.n)).toBe(0);
    expect(await db.prisma.activityLogParticipant.count({ where: { uninsured: true } })).toBeGreaterThan(0);
  });

  it("is idempotent: a second run inserts nothing", async () => {
    const before = await tableFingerprints(db.prisma);
    await seedSynthetic(db.prisma, options);
    expect(await tableFingerprints(db.prisma)).toEqual(before);
  });
});
