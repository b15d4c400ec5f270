// マイルストーン: awarded automatically when activity logs are approved, from the organisation's
// active Milestone rows (they are data: a 社協 changes thresholds and names):
//  - FIRST_ACTIVITY: the participant's first approved log (threshold n: the n-th);
//  - HOURS: approved minutes reach threshold × 60 — the award records the log that crossed it;
//  - YEARS_OF_SERVICE: years since the person's earliest membership started, for people with an
//    approved log (recorded with their latest approved log).
// A fixed number of statements whatever the number of people: one aggregate for the log-based
// kinds, one for years of service, one insert. Never awarded twice (NOT EXISTS + unique index).
import { Prisma, todayInJapan } from "@tsunagu/db";

export interface AwardTargets {
  personIds: readonly string[];
  juvenileParticipantIds: readonly string[];
  /** the log to record on every award; when omitted, each award records the log that earned it */
  activityLogId?: string | null;
}

interface Earned {
  milestoneId: string;
  personId: string | null;
  juvenileParticipantId: string | null;
  logId: string;
}

/** Awards the milestones the given participants newly reach; returns the new awards' ids. */
export async function awardMilestones(tx: Prisma.TransactionClient, orgId: string, targets: AwardTargets): Promise<string[]> {
  const persons = [...new Set(targets.personIds)];
  const juveniles = [...new Set(targets.juvenileParticipantIds)];
  if (persons.length === 0 && juveniles.length === 0) return [];

  const byLogs = await tx.$queryRaw<Earned[]>(Prisma.sql`
    WITH approved AS (
      SELECT p."personId", p."juvenileParticipantId", l.id AS "logId",
             SUM(p.minutes) OVER w AS running,
             ROW_NUMBER() OVER w AS n
      FROM "ActivityLogParticipant" p
      JOIN "ActivityLog" l ON l."orgId" = p."orgId" AND l.id = p."activityLogId"
      WHERE p."orgId" = ${orgId}::uuid
        AND l.status = 'APPROVED'
        AND (p."personId" = ANY(${persons}::uuid[]) OR p."juvenileParticipantId" = ANY(${juveniles}::uuid[]))
      WINDOW w AS (PARTITION BY p."personId", p."juvenileParticipantId" ORDER BY l.date, l.id ROWS UNBOUNDED PRECEDING)
    )
    SELECT DISTINCT ON (m.id, a."personId", a."juvenileParticipantId")
           m.id AS "milestoneId", a."personId", a."juvenileParticipantId", a."logId"
    FROM approved a
    JOIN "Milestone" m ON m."orgId" = ${orgId}::uuid AND m.active
      AND ((m.kind = 'FIRST_ACTIVITY' AND a.n >= m.threshold) OR (m.kind = 'HOURS' AND a.running >= m.threshold * 60))
    WHERE NOT EXISTS (
      SELECT 1 FROM "MilestoneAward" x
      WHERE x."milestoneId" = m.id
        AND (x."personId" = a."personId" OR x."juvenileParticipantId" = a."juvenileParticipantId"))
    ORDER BY m.id, a."personId", a."juvenileParticipantId", a.n`);

  const today = todayInJapan().toISOString().slice(0, 10);
  const byYears =
    persons.length === 0
      ? []
      : await tx.$queryRaw<Earned[]>(Prisma.sql`
    WITH since AS (
      SELECT "personId", MIN("startedOn") AS since
      FROM "Membership"
      WHERE "orgId" = ${orgId}::uuid AND "personId" = ANY(${persons}::uuid[])
      GROUP BY "personId"
    ), latest AS (
      SELECT DISTINCT ON (p."personId") p."personId", l.id AS "logId"
      FROM "ActivityLogParticipant" p
      JOIN "ActivityLog" l ON l."orgId" = p."orgId" AND l.id = p."activityLogId"
      WHERE p."orgId" = ${orgId}::uuid AND l.status = 'APPROVED' AND p."personId" = ANY(${persons}::uuid[])
      ORDER BY p."personId", l.date DESC, l.id DESC
    )
    SELECT m.id AS "milestoneId", s."personId", NULL::uuid AS "juvenileParticipantId", la."logId"
    FROM since s
    JOIN latest la ON la."personId" = s."personId"
    JOIN "Milestone" m ON m."orgId" = ${orgId}::uuid AND m.active AND m.kind = 'YEARS_OF_SERVICE'
      AND s.since + make_interval(years => m.threshold) <= ${today}::date
    WHERE NOT EXISTS (SELECT 1 FROM "MilestoneAward" x WHERE x."milestoneId" = m.id AND x."personId" = s."personId")`);

  const earned = [...byLogs, ...byYears];
  if (earned.length === 0) return [];
  const created = await tx.milestoneAward.createManyAndReturn({
    data: earned.map((e) => ({
      orgId,
      milestoneId: e.milestoneId,
      personId: e.personId,
      juvenileParticipantId: e.juvenileParticipantId,
      activityLogId: targets.activityLogId ?? e.logId,
    })),
    skipDuplicates: true,
    select: { id: true },
  });
  return created.map((c) => c.id);
}
