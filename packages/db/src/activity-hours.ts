// 年度の活動実績の集計: ActivityHoursAggregate, the fiscal-year report's figures kept in the same
// transaction as every change to approved logs, so the report reads a few dozen rows instead of every
// approved log of the year (docs/data-model.md).
//
// A row is one cell of the report: a filter — programme (or all), area (or all), with or without the
// juvenile programme — and a breakdown value — the total, a month, a programme, an area, an activity
// type. Minutes, activities and people served add up, so a log adds (or takes back) its contribution
// to each of its cells. Distinct volunteers do not add up: a participant counts once in every cell
// any of their approved logs of the year falls in, so a change takes back the affected participants'
// cells, changes the logs, and adds their cells again (beginActivityHoursChange … finish).
//
// Concurrency: additive figures are written with INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x,
// so nothing is lost between concurrent writers; the take-back-and-add-again of volunteers also
// holds a transaction-scoped advisory lock per organisation, so two changes touching the same
// participant run one after the other (approvals are rare and quick; reads take no lock).
import { Prisma } from "./generated/prisma/client.ts";

/** The nil uuid: "every programme" / "every area" in programmeScope and areaScope. */
export const ALL_SCOPE = "00000000-0000-0000-0000-000000000000";

type Tx = Prisma.TransactionClient;

/** Which participants and years a change may touch: the logs' own, plus any named here. */
export interface ActivityHoursChangeScope {
  /** logs whose status, fields or participants change */
  logIds?: readonly string[];
  /** people who take part after the change but not before (a correction's new participants), or whose participations move (merging people) */
  personIds?: readonly string[];
  juvenileParticipantIds?: readonly string[];
  /** fiscal years the logs move to (a correction to another date) */
  fiscalYears?: readonly number[];
}

export interface ActivityHoursChange {
  /** adds the logs' contributions and the participants' cells back, as they are now; call once, after the change */
  finish(): Promise<void>;
}

/**
 * The cells of a row set `x` (orgId, fiscalYear, month, programmeId, areaId, activityTypeId,
 * juvenile, …): 8 filters × 5 breakdowns, less the area filters of a group without an area and the
 * juvenile programme's rows in the filters without it.
 */
const cellsOf = (rows: Prisma.Sql) => Prisma.sql`
  FROM (${rows}) x
  CROSS JOIN LATERAL (VALUES
    (${ALL_SCOPE}::uuid, ${ALL_SCOPE}::uuid), (x."programmeId", ${ALL_SCOPE}::uuid),
    (${ALL_SCOPE}::uuid, x."areaId"), (x."programmeId", x."areaId")
  ) s("programmeScope", "areaScope")
  CROSS JOIN LATERAL (VALUES (false), (true)) w("withoutJuvenile")
  CROSS JOIN LATERAL (VALUES
    ('total', ''), ('month', x.month::text), ('programme', x."programmeId"::text),
    ('area', COALESCE(x."areaId"::text, 'none')), ('type', x."activityTypeId"::text)
  ) d(dimension, key)
  WHERE s."areaScope" IS NOT NULL AND NOT (w."withoutJuvenile" AND x.juvenile)`;

const CELL = Prisma.sql`x."orgId", x."fiscalYear", s."programmeScope", s."areaScope", w."withoutJuvenile", d.dimension, d.key`;
const CONFLICT = Prisma.sql`("orgId", "fiscalYear", "programmeScope", "areaScope", "withoutJuvenile", dimension, key)`;

/** Approved logs (of one organisation, or of all when orgId is null; of the given ids when given) with their group's programme and area. */
function approvedLogs(orgId: string | null, logIds: readonly string[] | null): Prisma.Sql {
  return Prisma.sql`
    SELECT l."orgId", l."fiscalYear", EXTRACT(MONTH FROM l.date)::int AS month, g."programmeId", g."areaId",
           l."activityTypeId", pr."privacyTier" = 'JUVENILE' AS juvenile, COALESCE(l."peopleServed", 0) AS "peopleServed",
           COALESCE((SELECT SUM(p.minutes) FROM "ActivityLogParticipant" p WHERE p."orgId" = l."orgId" AND p."activityLogId" = l.id), 0) AS minutes
    FROM "ActivityLog" l
    JOIN "Group" g ON g."orgId" = l."orgId" AND g.id = l."groupId"
    JOIN "Programme" pr ON pr."orgId" = g."orgId" AND pr.id = g."programmeId"
    WHERE l.status = 'APPROVED'
      ${orgId === null ? Prisma.empty : Prisma.sql`AND l."orgId" = ${orgId}::uuid`}
      ${logIds === null ? Prisma.empty : Prisma.sql`AND l.id = ANY(${[...logIds]}::uuid[])`}`;
}

/** Minutes, activities and people served of the logs, times sign, added to their cells. */
async function addLogs(tx: Tx, orgId: string | null, logIds: readonly string[] | null, sign: 1 | -1): Promise<void> {
  if (logIds !== null && logIds.length === 0) return;
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "ActivityHoursAggregate" ("orgId", "fiscalYear", "programmeScope", "areaScope", "withoutJuvenile", dimension, key,
                                          minutes, activities, "peopleServed", volunteers)
    SELECT ${CELL}, ${sign} * SUM(x.minutes)::int, ${sign} * COUNT(*)::int, ${sign} * SUM(x."peopleServed")::int, 0
    ${cellsOf(approvedLogs(orgId, logIds))}
    GROUP BY ${CELL}
    ON CONFLICT ${CONFLICT} DO UPDATE SET
      minutes = "ActivityHoursAggregate".minutes + excluded.minutes,
      activities = "ActivityHoursAggregate".activities + excluded.activities,
      "peopleServed" = "ActivityHoursAggregate"."peopleServed" + excluded."peopleServed"`);
}

interface Participants {
  personIds: readonly string[];
  juvenileParticipantIds: readonly string[];
  fiscalYears: readonly number[];
}

/** Each participant's cells (from all their approved logs of the years), counted once, times sign, added to volunteers. */
async function addVolunteers(tx: Tx, orgId: string | null, who: Participants | null, sign: 1 | -1): Promise<void> {
  if (who !== null && (who.fiscalYears.length === 0 || who.personIds.length + who.juvenileParticipantIds.length === 0)) return;
  const participations = Prisma.sql`
    SELECT DISTINCT l."orgId", l."fiscalYear", EXTRACT(MONTH FROM l.date)::int AS month, g."programmeId", g."areaId",
           l."activityTypeId", pr."privacyTier" = 'JUVENILE' AS juvenile,
           COALESCE(p."personId", p."juvenileParticipantId") AS who, p."personId" IS NULL AS "whoJuvenile"
    FROM "ActivityLogParticipant" p
    JOIN "ActivityLog" l ON l."orgId" = p."orgId" AND l.id = p."activityLogId"
    JOIN "Group" g ON g."orgId" = l."orgId" AND g.id = l."groupId"
    JOIN "Programme" pr ON pr."orgId" = g."orgId" AND pr.id = g."programmeId"
    WHERE l.status = 'APPROVED'
      ${orgId === null ? Prisma.empty : Prisma.sql`AND p."orgId" = ${orgId}::uuid`}
      ${
        who === null
          ? Prisma.empty
          : Prisma.sql`AND l."fiscalYear" = ANY(${[...who.fiscalYears]}::int[])
      AND (p."personId" = ANY(${[...who.personIds]}::uuid[]) OR p."juvenileParticipantId" = ANY(${[...who.juvenileParticipantIds]}::uuid[]))`
      }`;
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "ActivityHoursAggregate" ("orgId", "fiscalYear", "programmeScope", "areaScope", "withoutJuvenile", dimension, key,
                                          minutes, activities, "peopleServed", volunteers)
    SELECT "orgId", "fiscalYear", "programmeScope", "areaScope", "withoutJuvenile", dimension, key, 0, 0, 0, ${sign} * COUNT(*)::int
    FROM (SELECT DISTINCT ${CELL}, x.who, x."whoJuvenile" ${cellsOf(participations)}) c
    GROUP BY "orgId", "fiscalYear", "programmeScope", "areaScope", "withoutJuvenile", dimension, key
    ON CONFLICT ${CONFLICT} DO UPDATE SET volunteers = "ActivityHoursAggregate".volunteers + excluded.volunteers`);
}

/** Serialises the changes of one organisation's aggregates (until the transaction ends). */
async function lockOrganisation(tx: Tx, orgId: string): Promise<void> {
  await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext('ActivityHoursAggregate'), hashtext(${orgId}::text))`);
}

const uniq = <T>(xs: Iterable<T>) => [...new Set(xs)];

/**
 * Begins a change that may affect approved hours, inside the change's transaction and before its
 * first write: takes back what the logs and participants now contribute. Call `finish()` after the
 * change, in the same transaction; it adds them back as they are then. Every participant the logs
 * have after the change must be a participant before it or named in `scope` (else finish throws,
 * and the transaction rolls back).
 */
export async function beginActivityHoursChange(tx: Tx, orgId: string, scope: ActivityHoursChangeScope): Promise<ActivityHoursChange> {
  await lockOrganisation(tx, orgId);
  const logIds = uniq(scope.logIds ?? []);
  const read = async () => {
    const rows = await tx.$queryRaw<
      Array<{ personId: string | null; juvenileParticipantId: string | null; fiscalYear: number }>
    >(Prisma.sql`
      SELECT p."personId"::text, p."juvenileParticipantId"::text, l."fiscalYear"
      FROM "ActivityLog" l
      LEFT JOIN "ActivityLogParticipant" p ON p."orgId" = l."orgId" AND p."activityLogId" = l.id
      WHERE l."orgId" = ${orgId}::uuid AND l.id = ANY(${logIds}::uuid[])`);
    return {
      personIds: rows.flatMap((r) => (r.personId ? [r.personId] : [])),
      juvenileParticipantIds: rows.flatMap((r) => (r.juvenileParticipantId ? [r.juvenileParticipantId] : [])),
      fiscalYears: rows.map((r) => r.fiscalYear),
    };
  };
  const before = logIds.length > 0 ? await read() : { personIds: [], juvenileParticipantIds: [], fiscalYears: [] };
  const personIds = uniq([...before.personIds, ...(scope.personIds ?? [])]);
  const juvenileParticipantIds = uniq([...before.juvenileParticipantIds, ...(scope.juvenileParticipantIds ?? [])]);
  // the named people's years too: their participations in logs outside `logIds` move with them
  const namedYears =
    personIds.length + juvenileParticipantIds.length === 0
      ? []
      : (
          await tx.$queryRaw<Array<{ fiscalYear: number }>>(Prisma.sql`
            SELECT DISTINCT l."fiscalYear"
            FROM "ActivityLogParticipant" p
            JOIN "ActivityLog" l ON l."orgId" = p."orgId" AND l.id = p."activityLogId"
            WHERE p."orgId" = ${orgId}::uuid AND l.status = 'APPROVED'
              AND (p."personId" = ANY(${personIds}::uuid[]) OR p."juvenileParticipantId" = ANY(${juvenileParticipantIds}::uuid[]))`)
        ).map((r) => r.fiscalYear);
  const who: Participants = {
    personIds,
    juvenileParticipantIds,
    fiscalYears: uniq([...before.fiscalYears, ...(scope.fiscalYears ?? []), ...namedYears]),
  };
  await addLogs(tx, orgId, logIds, -1);
  await addVolunteers(tx, orgId, who, -1);

  let finished = false;
  return {
    async finish() {
      if (finished) throw new Error("Internal error: an activity-hours change finished twice");
      finished = true;
      if (logIds.length > 0) {
        const after = await read();
        const known = (xs: readonly string[], ys: readonly string[]) => xs.every((x) => ys.includes(x));
        if (
          !known(after.personIds, who.personIds) ||
          !known(after.juvenileParticipantIds, who.juvenileParticipantIds) ||
          !after.fiscalYears.every((y) => who.fiscalYears.includes(y))
        ) {
          throw new Error("Internal error: an activity-hours change gained participants or years it did not name at its beginning");
        }
      }
      await addLogs(tx, orgId, logIds, 1);
      await addVolunteers(tx, orgId, who, 1);
      // cells nothing falls in any more
      if (who.fiscalYears.length > 0) {
        await tx.$executeRaw(Prisma.sql`
          DELETE FROM "ActivityHoursAggregate"
          WHERE "orgId" = ${orgId}::uuid AND "fiscalYear" = ANY(${[...who.fiscalYears]}::int[]) AND activities = 0 AND volunteers = 0`);
      }
    },
  };
}

/**
 * Recounts the aggregates from the approved logs: of one organisation, or of every organisation when
 * orgId is null. The seeds call it after writing logs directly; the invariant's tests compare with it.
 */
export async function rebuildActivityHours(tx: Tx, orgId: string | null): Promise<void> {
  if (orgId === null) {
    await tx.$executeRaw(Prisma.sql`DELETE FROM "ActivityHoursAggregate"`);
  } else {
    await lockOrganisation(tx, orgId);
    await tx.$executeRaw(Prisma.sql`DELETE FROM "ActivityHoursAggregate" WHERE "orgId" = ${orgId}::uuid`);
  }
  // after a bulk write (a seed) the planner may not know the tables' sizes yet; a recount reads them whole
  await tx.$executeRaw(Prisma.sql`ANALYZE "ActivityLog", "ActivityLogParticipant"`);
  await addLogs(tx, orgId, null, 1);
  await addVolunteers(tx, orgId, null, 1);
}
