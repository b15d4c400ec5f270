// The demo data of the Hannan 社協 (阪南市社会福祉協議会), drawn from the report by 阪南市 and
// 阪南市社会福祉協議会 on 重層的支援体制整備事業 (MHLW, 2024), as described in docs/domain.md.
//
//   await prisma.$transaction((tx) => seedDemo(tx, { today: new Date("2026-11-26") }))
//
// Idempotent: every row's id is seedId(…natural key) and every table is written with one
// createMany({ skipDuplicates: true }), so a second run inserts nothing and changes nothing. The
// same `today` always gives the same data (seeded PRNG; no Math.random, no clock reads).
//
// District, school, salon and person names are ILLUSTRATIVE; juvenile participants have codes only.

import { rebuildActivityHours } from "@tsunagu/db";
import type { TestData } from "@tsunagu/db/testing";

import { writePlan } from "../plan.ts";
import { credentialAccounts, demoAccounts, seedAccounts } from "./accounts.ts";
import { seedActivityLogs } from "./activity-logs.ts";
import { seedAreas } from "./areas.ts";
import { seedChildVolunteers } from "./children.ts";
import { createContext, DEMO_TABLES, demoId, type DemoContext, type SeedClient } from "./context.ts";
import { seedInsurance } from "./insurance.ts";
import { seedJuvenileCohort } from "./juvenile.ts";
import { seedNetwork } from "./network.ts";
import { seedOpenGroups } from "./open-groups.ts";
import { seedProgrammes } from "./programmes.ts";
import { seedRecognition } from "./recognition.ts";
import { addRejectedDuplicate, seedSalons } from "./salons.ts";

export { demoAccounts, DEMO_PASSWORD, type DemoAccount } from "./accounts.ts";
export type { SeedClient } from "./context.ts";

export const DEMO_ORGANIZATION = {
  slug: "hannan",
  name: "阪南市社会福祉協議会",
  nameEn: "Hannan City Council of Social Welfare",
  municipality: "大阪府阪南市",
} as const;

export interface SeedDemoOptions {
  /** the last day of the year of activity logs; the same day always gives the same data */
  today: Date;
  log?: (line: string) => void;
}

/** Builds every demo row in memory (no database access except what `orgId` needs). */
function buildDemo(orgId: string, today: Date): DemoContext {
  const ctx = createContext(orgId, DEMO_ORGANIZATION.slug, today);
  for (const a of demoAccounts) if (!a.linkedToPerson) ctx.takenNames.add(a.name);
  seedAreas(ctx);
  seedProgrammes(ctx);
  seedChildVolunteers(ctx);
  seedNetwork(ctx);
  seedSalons(ctx);
  seedOpenGroups(ctx);
  seedJuvenileCohort(ctx);
  addRejectedDuplicate(ctx);
  seedAccounts(ctx);
  seedInsurance(ctx);
  seedActivityLogs(ctx);
  seedRecognition(ctx);
  return ctx;
}

/**
 * Ensures the Hannan demo organisation and all its demo data exist. Pass the client of a
 * transaction (the caller wraps the seed in one). Returns, per table, the number of rows the seed
 * ensured exist (rows already present are counted, not re-inserted).
 */
export async function seedDemo(prisma: SeedClient, options: SeedDemoOptions): Promise<Record<string, number>> {
  const log = options.log ?? (() => {});
  const started = performance.now();

  await prisma.organization.createMany({
    data: [{ id: demoId({ orgKey: DEMO_ORGANIZATION.slug }, "organization"), ...DEMO_ORGANIZATION }],
    skipDuplicates: true,
  });
  // look the organisation up by slug, so an existing 'hannan' row (made by other means) is reused
  const org = await prisma.organization.findUniqueOrThrow({ where: { slug: DEMO_ORGANIZATION.slug }, select: { id: true } });

  const ctx = buildDemo(org.id, options.today);
  const credentials = await credentialAccounts(prisma, ctx);
  ctx.rows.account.push(...credentials.rows);
  log(
    `demo seed (${DEMO_ORGANIZATION.slug}, today ${options.today.toISOString().slice(0, 10)}): built in ${Math.round(performance.now() - started)} ms`,
  );

  // one createMany per table, parents first (DEMO_TABLES); the model name is the table's, capitalised
  const plan = DEMO_TABLES.map((t): [string, Array<Record<string, unknown>>] => [t.charAt(0).toUpperCase() + t.slice(1), ctx.rows[t]]);
  const result = await writePlan(prisma, plan);
  // the logs were written as rows, approved ones too: the report's aggregates are counted from them
  await rebuildActivityHours(prisma, org.id);
  const counts: Record<string, number> = { Organization: 1 };
  for (const [table, r] of Object.entries(result)) counts[table] = r.ensured;
  counts.Account = credentials.rows.length + credentials.existing;
  const inserted = Object.values(result).reduce((n, r) => n + r.inserted, 0);
  log(`demo seed: ${inserted} rows inserted in ${Math.round(performance.now() - started)} ms`);
  return counts;
}

/** The demo 社協 as of `today`, as test data: test files get copies of one seeded template. */
export function demoTestData(today: Date): TestData {
  return {
    name: `demo@${today.toISOString().slice(0, 10)}`,
    fill: async (db) => {
      await db.prisma.$transaction((tx) => seedDemo(tx, { today }), { timeout: 300_000, maxWait: 60_000 });
    },
  };
}
