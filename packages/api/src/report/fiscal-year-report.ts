// 年度の活動実績: totals and breakdowns (month, programme, area, activity type) of APPROVED logs, in
// ONE statement: GROUP BY GROUPING SETS on the database, names joined there too.
//  - hours: the participants' minutes (person-hours), activities: logs, volunteers: distinct
//    participants (people and juvenile participants), people served: summed once per log.
//  - exportTotals: the same figures without the juvenile programme (a grouping set of its own, as
//    distinct volunteers do not subtract), which is what any CSV of the report totals.
import { Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

export interface Figures {
  minutes: number;
  activities: number;
  volunteers: number;
  peopleServed: number;
}

export interface MonthRow extends Figures {
  year: number;
  month: number;
}

export interface NamedRow extends Figures {
  id: string | null;
  code: string | null;
  name: string;
  nameEn: string;
}

export interface FiscalYearReport {
  fiscalYear: number;
  programmeCode: string | null;
  areaId: string | null;
  includesJuvenileProgramme: boolean;
  totals: Figures;
  /** the totals of a CSV of this report: without the juvenile programme, which is never exported */
  exportTotals: Figures;
  byMonth: MonthRow[];
  byProgramme: NamedRow[];
  byArea: NamedRow[];
  byActivityType: NamedRow[];
}

export interface ReportFilter {
  fiscalYear: number;
  programmeCode?: string | null;
  areaId?: string | null;
  /** the juvenile programme (少年法61条): only for staff and the liaison, never in exports */
  includeJuvenile: boolean;
}

interface Row extends Figures {
  dim: "total" | "month" | "programme" | "area" | "type" | "tier";
  juvenile: boolean | null;
  month: number | null;
  id: string | null;
  code: string | null;
  name: string | null;
  nameEn: string | null;
  sortOrder: number | null;
}

const ZERO: Figures = { minutes: 0, activities: 0, volunteers: 0, peopleServed: 0 };
const figures = (r: Figures): Figures => ({
  minutes: r.minutes,
  activities: r.activities,
  volunteers: r.volunteers,
  peopleServed: r.peopleServed,
});

export async function loadFiscalYearReport(orgId: string, filter: ReportFilter): Promise<FiscalYearReport> {
  const { fiscalYear } = filter;
  const rows = await prisma().$queryRaw<Row[]>(Prisma.sql`
    WITH logs AS (
      SELECT l.id, EXTRACT(MONTH FROM l.date)::int AS month, l."peopleServed",
             g."programmeId", g."areaId", l."activityTypeId", pr."privacyTier" = 'JUVENILE' AS juvenile
      FROM "ActivityLog" l
      JOIN "Group" g ON g."orgId" = l."orgId" AND g.id = l."groupId"
      JOIN "Programme" pr ON pr."orgId" = g."orgId" AND pr.id = g."programmeId"
      WHERE l."orgId" = ${orgId}::uuid AND l."fiscalYear" = ${fiscalYear}::int AND l.status = 'APPROVED'
        ${filter.includeJuvenile ? Prisma.empty : Prisma.sql`AND pr."privacyTier" <> 'JUVENILE'`}
        ${filter.programmeCode ? Prisma.sql`AND pr.code = ${filter.programmeCode}` : Prisma.empty}
        ${filter.areaId ? Prisma.sql`AND g."areaId" = ${filter.areaId}::uuid` : Prisma.empty}
    ), parts AS (
      SELECT lg.*, p."personId", p."juvenileParticipantId", p.minutes,
             ROW_NUMBER() OVER (PARTITION BY lg.id) AS k
      FROM logs lg
      LEFT JOIN "ActivityLogParticipant" p ON p."orgId" = ${orgId}::uuid AND p."activityLogId" = lg.id
    ), agg AS (
      SELECT
        CASE
          WHEN GROUPING(month) = 0 THEN 'month'
          WHEN GROUPING("programmeId") = 0 THEN 'programme'
          WHEN GROUPING("areaId") = 0 THEN 'area'
          WHEN GROUPING("activityTypeId") = 0 THEN 'type'
          WHEN GROUPING(juvenile) = 0 THEN 'tier'
          ELSE 'total'
        END AS dim,
        month, "programmeId", "areaId", "activityTypeId", juvenile,
        COUNT(DISTINCT id)::int AS activities,
        COALESCE(SUM(minutes), 0)::int AS minutes,
        (COUNT(DISTINCT "personId") + COUNT(DISTINCT "juvenileParticipantId"))::int AS volunteers,
        COALESCE(SUM("peopleServed") FILTER (WHERE k = 1), 0)::int AS "peopleServed"
      FROM parts
      GROUP BY GROUPING SETS ((), (month), ("programmeId"), ("areaId"), ("activityTypeId"), (juvenile))
    )
    SELECT a.dim, a.month, a.juvenile, a.activities, a.minutes, a.volunteers, a."peopleServed",
           COALESCE(pr.id, ar.id, t.id)::text AS id,
           COALESCE(pr.code, t.code) AS code,
           COALESCE(pr.name, ar.name, t.name) AS name,
           COALESCE(pr."nameEn", t."nameEn") AS "nameEn",
           COALESCE(pr."sortOrder", ar."sortOrder", t."sortOrder") AS "sortOrder"
    FROM agg a
    LEFT JOIN "Programme" pr ON a.dim = 'programme' AND pr.id = a."programmeId"
    LEFT JOIN "Area" ar ON a.dim = 'area' AND ar.id = a."areaId"
    LEFT JOIN "ActivityType" t ON a.dim = 'type' AND t.id = a."activityTypeId"`);

  const of = (dim: Row["dim"]) => rows.filter((r) => r.dim === dim);
  const byName = (a: Row, b: Row) =>
    (a.sortOrder ?? Number.MAX_SAFE_INTEGER) - (b.sortOrder ?? Number.MAX_SAFE_INTEGER) || (a.name ?? "").localeCompare(b.name ?? "");
  const named = (r: Row): NamedRow => ({
    ...figures(r),
    id: r.id,
    code: r.code,
    name: r.name ?? "地区の指定なし",
    nameEn: r.nameEn ?? r.name ?? "No area",
  });

  // every month of the fiscal year, April to March, with zeros where nothing was logged
  const months = new Map(of("month").map((r) => [r.month, r]));
  const byMonth: MonthRow[] = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3].map((month) => {
    const row = months.get(month);
    return {
      ...(row ? figures(row) : ZERO),
      year: month >= 4 ? fiscalYear : fiscalYear + 1,
      month,
    };
  });
  const total = of("total")[0];
  const totals = total ? figures(total) : ZERO;
  const notJuvenile = of("tier").find((r) => r.juvenile === false);

  return {
    fiscalYear,
    programmeCode: filter.programmeCode ?? null,
    areaId: filter.areaId ?? null,
    includesJuvenileProgramme: filter.includeJuvenile,
    totals,
    exportTotals: filter.includeJuvenile ? (notJuvenile ? figures(notJuvenile) : ZERO) : totals,
    byMonth,
    byProgramme: of("programme").sort(byName).map(named),
    byArea: of("area").sort(byName).map(named),
    byActivityType: of("type").sort(byName).map(named),
  };
}
