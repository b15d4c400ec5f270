// The April school-year rollover (年度替わり): every active child of the school goes up a grade; the
// last grade (小学校 6年, 中学校 3年, 義務教育学校 9年) leaves and becomes alumni (卒業生) on April 1 —
// kept, never deleted — and their membership of the school's group ends on March 31.
//
// Run once per school and fiscal year. The record that it ran is its audit entry (entity
// "SchoolYearRollover", entityId = the school, details.fiscalYear): the audit trail is append-only,
// so the marker cannot be lost or edited, and it already says who ran it and when. Applying takes a
// row lock on the school first, so two coordinators pressing the button at once cannot both run it.
//
// Children registered on or after April 1 of that fiscal year (00:00 in Japan) were registered with
// the new year's grade, so they are left as they are.
import { startOfDayInJapan, type Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import type { Context } from "../context.ts";
import { ConflictError } from "../errors.ts";
import type { SchoolGroup } from "./access.ts";
import { gradeRange } from "./validation.ts";

export type RolloverOutcome = "PROMOTED" | "GRADUATES" | "UNCHANGED";

export interface RolloverEntry {
  childVolunteerId: string;
  personId: string;
  gradeBefore: number;
  /** null for a leaver */
  gradeAfter: number | null;
  outcome: RolloverOutcome;
}

export interface RolloverPlan {
  fiscalYear: number;
  /** April 1 of the fiscal year: leavers' alumniSince */
  alumniSince: Date;
  /** March 31 before it: the day leavers' memberships end */
  membershipsEndOn: Date;
  entries: RolloverEntry[];
  /** when it was applied for this school and year, if it was */
  appliedAt: Date | null;
}

const ROLLOVER_ENTITY = "SchoolYearRollover";

function rolloverDates(fiscalYear: number) {
  const alumniSince = new Date(Date.UTC(fiscalYear, 3, 1));
  return { alumniSince, membershipsEndOn: new Date(Date.UTC(fiscalYear, 2, 31)), registeredBefore: startOfDayInJapan(alumniSince) };
}

/** When the rollover of `fiscalYear` ran for the school, or null. */
async function rolloverAppliedAt(tx: Prisma.TransactionClient, group: SchoolGroup, fiscalYear: number): Promise<Date | null> {
  const marker = await tx.auditEvent.findFirst({
    where: { orgId: group.orgId, entity: ROLLOVER_ENTITY, entityId: group.schoolId, details: { path: ["fiscalYear"], equals: fiscalYear } },
    select: { at: true },
    orderBy: { at: "asc" },
  });
  return marker?.at ?? null;
}

/** What the rollover would do, child by child, in 五十音 order. */
export async function planRollover(tx: Prisma.TransactionClient, group: SchoolGroup, fiscalYear: number): Promise<RolloverPlan> {
  const { alumniSince, membershipsEndOn, registeredBefore } = rolloverDates(fiscalYear);
  const { max } = gradeRange(group.schoolKind);
  // one after the other: an interactive transaction runs one statement at a time
  const appliedAt = await rolloverAppliedAt(tx, group, fiscalYear);
  const children = await tx.childVolunteer.findMany({
    where: { orgId: group.orgId, schoolId: group.schoolId, status: "ACTIVE" },
    select: { id: true, personId: true, grade: true, createdAt: true },
    orderBy: [{ person: { legalNameKana: "asc" } }, { id: "asc" }],
  });
  const entries = children.map((c): RolloverEntry => {
    const child = { childVolunteerId: c.id, personId: c.personId, gradeBefore: c.grade };
    if (c.createdAt >= registeredBefore) return { ...child, gradeAfter: c.grade, outcome: "UNCHANGED" };
    if (c.grade >= max) return { ...child, gradeAfter: null, outcome: "GRADUATES" };
    return { ...child, gradeAfter: c.grade + 1, outcome: "PROMOTED" };
  });
  return { fiscalYear, alumniSince, membershipsEndOn, entries, appliedAt };
}

/** Locks the school's row for the rest of the transaction (serialises rollovers of one school). */
async function lockSchool(tx: Prisma.TransactionClient, schoolId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "School" WHERE "id" = ${schoolId}::uuid FOR UPDATE`;
}

/** Writes a plan: grades up, leavers to alumni, their school-group memberships ended. */
async function applyRolloverPlan(tx: Prisma.TransactionClient, group: SchoolGroup, plan: RolloverPlan): Promise<void> {
  const promoted = plan.entries.filter((e) => e.outcome === "PROMOTED").map((e) => e.childVolunteerId);
  const leavers = plan.entries.filter((e) => e.outcome === "GRADUATES");
  if (promoted.length > 0) {
    await tx.childVolunteer.updateMany({ where: { orgId: group.orgId, id: { in: promoted } }, data: { grade: { increment: 1 } } });
  }
  if (leavers.length > 0) {
    await tx.childVolunteer.updateMany({
      where: { orgId: group.orgId, id: { in: leavers.map((e) => e.childVolunteerId) } },
      data: { status: "ALUMNI", alumniSince: plan.alumniSince },
    });
    // plain id lists: a relation filter here makes PostgreSQL plan a slow nested query
    const schoolGroups = await tx.group.findMany({ where: { orgId: group.orgId, schoolId: group.schoolId }, select: { id: true } });
    await tx.membership.updateMany({
      where: {
        orgId: group.orgId,
        endedOn: null,
        startedOn: { lte: plan.membershipsEndOn },
        groupId: { in: schoolGroups.map((g) => g.id) },
        personId: { in: leavers.map((e) => e.personId) },
      },
      data: { endedOn: plan.membershipsEndOn, endReason: "卒業（卒業生として登録継続）" },
    });
  }
}

/** Applies the rollover of `fiscalYear` to the school group, once; returns the plan as applied. */
export function applySchoolYearRollover(ctx: Context, group: SchoolGroup, fiscalYear: number): Promise<RolloverPlan> {
  return prisma().$transaction(async (tx) => {
    await lockSchool(tx, group.schoolId);
    const plan = await planRollover(tx, group, fiscalYear);
    if (plan.appliedAt) {
      const on = plan.appliedAt.toISOString().slice(0, 10);
      throw new ConflictError({
        ja: `${group.schoolName}の${fiscalYear}年度の進級処理は実行済みです（${on}）。`,
        en: `The ${fiscalYear} rollover of ${group.schoolName} was already applied (${on}).`,
      });
    }
    await applyRolloverPlan(tx, group, plan);
    const counts = (o: RolloverOutcome) => plan.entries.filter((e) => e.outcome === o).map((e) => e.childVolunteerId);
    await audit(
      ctx,
      {
        action: "update",
        entity: ROLLOVER_ENTITY,
        entityId: group.schoolId,
        details: { fiscalYear, groupId: group.id, promoted: counts("PROMOTED"), graduated: counts("GRADUATES") },
      },
      tx,
    );
    return { ...plan, appliedAt: await rolloverAppliedAt(tx, group, fiscalYear) };
  });
}
