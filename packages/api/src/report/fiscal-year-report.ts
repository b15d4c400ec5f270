// 年度の活動実績: totals and breakdowns (month, programme, area, activity type) of APPROVED logs, read
// from ActivityHoursAggregate (packages/db/src/activity-hours.ts), which approval, correction and
// merging keep in the same transaction: one statement over the few dozen rows of the report's filter,
// names joined there too, never the year's logs.
//  - hours: the participants' minutes (person-hours), activities: logs, volunteers: distinct
//    participants (people and juvenile participants), people served: summed once per log.
//  - exportTotals: the same figures without the juvenile programme (the filter's total "without the
//    juvenile programme", as distinct volunteers do not subtract), which is what any CSV of the report totals.
import { ALL_SCOPE, Prisma } from "@tsunagu/db";
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
  dim: "total" | "month" | "programme" | "area" | "type";
  withoutJuvenile: boolean;
  key: string;
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
  const withoutJuvenile = !filter.includeJuvenile;
  // an unknown programme code matches no row (NULL), as it matched no log
  const programmeScope = filter.programmeCode
    ? Prisma.sql`(SELECT id FROM "Programme" WHERE "orgId" = ${orgId}::uuid AND code = ${filter.programmeCode})`
    : Prisma.sql`${ALL_SCOPE}::uuid`;
  const rows = await prisma().$queryRaw<Row[]>(Prisma.sql`
    SELECT a.dimension AS dim, a."withoutJuvenile", a.key, a.activities, a.minutes, a.volunteers, a."peopleServed",
           COALESCE(pr.id, ar.id, t.id)::text AS id,
           COALESCE(pr.code, t.code) AS code,
           COALESCE(pr.name, ar.name, t.name) AS name,
           COALESCE(pr."nameEn", t."nameEn") AS "nameEn",
           COALESCE(pr."sortOrder", ar."sortOrder", t."sortOrder") AS "sortOrder"
    FROM "ActivityHoursAggregate" a
    LEFT JOIN "Programme" pr ON a.dimension = 'programme' AND pr."orgId" = a."orgId" AND pr.id::text = a.key
    LEFT JOIN "Area" ar ON a.dimension = 'area' AND ar."orgId" = a."orgId" AND ar.id::text = a.key
    LEFT JOIN "ActivityType" t ON a.dimension = 'type' AND t."orgId" = a."orgId" AND t.id::text = a.key
    WHERE a."orgId" = ${orgId}::uuid AND a."fiscalYear" = ${fiscalYear}::int
      AND a."programmeScope" = ${programmeScope}
      AND a."areaScope" = ${filter.areaId ?? ALL_SCOPE}::uuid
      AND (a."withoutJuvenile" = ${withoutJuvenile} OR (a."withoutJuvenile" AND a.dimension = 'total'))
      AND a.activities > 0`);

  const of = (dim: Row["dim"]) => rows.filter((r) => r.dim === dim && r.withoutJuvenile === withoutJuvenile);
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
  const months = new Map(of("month").map((r) => [Number(r.key), r]));
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
  const notJuvenile = rows.find((r) => r.dim === "total" && r.withoutJuvenile);

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
