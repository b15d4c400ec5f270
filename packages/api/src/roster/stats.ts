// Per-person figures of a roster row, loaded for a whole page at once: one statement each,
// whatever the number of rows (never a query per row).
import { prisma } from "@tsunagu/db/client";

import { required } from "../required.ts";

/** The people (of `personIds`) enrolled in ボランティア活動保険 for the fiscal year. */
export async function insuredPeople(orgId: string, fiscalYear: number, personIds: readonly string[]): Promise<Set<string>> {
  const rows = await prisma().insuranceEnrolment.findMany({
    where: { orgId, fiscalYear, personId: { in: [...personIds] } },
    select: { personId: true },
  });
  return new Set(rows.map((r) => r.personId));
}

/** Minutes of approved activity per person in the fiscal year, across all groups. */
export async function approvedMinutes(orgId: string, fiscalYear: number, personIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await prisma().activityLogParticipant.groupBy({
    by: ["personId"],
    where: { orgId, personId: { in: [...personIds] }, activityLog: { status: "APPROVED", fiscalYear } },
    _sum: { minutes: true },
  });
  return new Map(rows.map((r) => [r.personId as string, r._sum.minutes ?? 0]));
}

/** Hours with two decimals (1 h 20 min → 1.33). */
export function minutesToHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/**
 * Loader keys carry the fiscal year, so one loader serves rows of several years:
 * "2026:<personId>" → grouped by year, one statement per year asked.
 */
export function loaderKey(fiscalYear: number, personId: string): string {
  return `${fiscalYear}:${personId}`;
}

export async function loadByYear<T>(
  keys: readonly string[],
  load: (fiscalYear: number, personIds: string[]) => Promise<(personId: string) => T>,
): Promise<T[]> {
  const byYear = new Map<number, string[]>();
  for (const key of keys) {
    const [year, personId] = key.split(":") as [string, string];
    const list = byYear.get(Number(year)) ?? [];
    list.push(personId);
    byYear.set(Number(year), list);
  }
  const lookups = new Map<number, (personId: string) => T>();
  await Promise.all([...byYear].map(async ([year, ids]) => lookups.set(year, await load(year, ids))));
  return keys.map((key) => {
    const [year, personId] = key.split(":") as [string, string];
    return required(lookups.get(Number(year)), `lookup for ${year}`)(personId);
  });
}
