// 保険未加入 (insuranceLapses): the people with a current membership who are not enrolled in
// ボランティア活動保険 for the 年度, filtered by programme, group and area (the group's 日常生活圏域),
// in 五十音 order; and the same list as the 加入申込 CSV for staff.
import { stringify } from "csv-stringify/sync";

import { warekiFiscalYear, type Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit, auditRestrictedRead } from "../audit/audit.ts";
import { signedIn, type Context, type Viewer } from "../context.ts";
import { personLegalName, personNameVisibleWhere } from "../person/access.ts";
import type { CsvFile } from "../roster/csv.ts";
import { toHiragana } from "../roster/kana.ts";
import { collator } from "../roster/query.ts";
import { listedMembershipsWhere } from "./access.ts";

export interface LapseFilter {
  fiscalYear: number;
  programmeCode?: string | null;
  groupId?: string | null;
  /** the 日常生活圏域 of the group the person is active in */
  areaId?: string | null;
}

/** The people listed for the filter, as a Prisma filter; null: the viewer lists nobody. */
function lapsesWhere(viewer: Viewer, filter: LapseFilter): Prisma.PersonWhereInput | null {
  const listed = listedMembershipsWhere(viewer);
  if (!listed) return null;
  const narrowed: Prisma.MembershipWhereInput = {
    AND: [
      listed,
      filter.groupId ? { groupId: filter.groupId } : {},
      filter.programmeCode ? { group: { programme: { code: filter.programmeCode } } } : {},
      filter.areaId ? { group: { areaId: filter.areaId } } : {},
    ],
  };
  return {
    AND: [
      { orgId: viewer.orgId, memberships: { some: narrowed }, insuranceEnrolments: { none: { fiscalYear: filter.fiscalYear } } },
      personNameVisibleWhere(viewer) ?? {},
    ],
  };
}

type Sortable = { id: string; legalName: string; legalNameKana: string; displayName: string | null };
const sortColumns = { id: true, legalName: true, legalNameKana: true, displayName: true } as const;

/**
 * 五十音 by ふりがな; for a viewer who may not see the legal name behind a nickname, by the
 * nickname, so the order does not hint at the hidden reading (as rosters do).
 */
export function sortLapses<T extends Sortable>(viewer: Viewer, rows: T[]): T[] {
  const key = (p: T): [string, string] =>
    viewer.isStaff || p.displayName === null ? [p.legalNameKana, p.legalName] : [toHiragana(p.displayName), p.displayName];
  return rows
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => collator.compare(a.key[0], b.key[0]) || collator.compare(a.key[1], b.key[1]) || (a.row.id < b.row.id ? -1 : 1))
    .map((k) => k.row);
}

/**
 * The lapse list with the client's selection (`query` from Pothos); non-staff reads are audited.
 * A viewer other than staff has no legal name read but those they may see (personLegalName: the
 * people without a nickname, for the 五十音 order; one statement for all).
 */
export async function listLapses<Q extends object>(ctx: Context, query: Q, filter: LapseFilter) {
  const viewer = signedIn(ctx);
  const where = lapsesWhere(viewer, filter);
  if (!where) return [];
  // the columns of the order beside the client's selection (Person reads only what is asked)
  const order = viewer.isStaff ? sortColumns : { id: true, displayName: true };
  const selection = "select" in query && query.select ? { ...query, select: { ...query.select, ...order } } : query;
  const rows = (await prisma().person.findMany({ ...selection, where })) as unknown as Array<Pick<Sortable, "id" | "displayName">>;
  const keyed = await Promise.all(
    rows.map(async (row) => {
      if (viewer.isStaff) return { ...(row as Sortable), row };
      // sortLapses orders a nickname by the nickname: its legal name is neither needed nor read
      const legal = row.displayName === null;
      const legalName = legal ? await personLegalName(ctx, row, "legalName") : null;
      const legalNameKana = legal ? await personLegalName(ctx, row, "legalNameKana") : null;
      return { id: row.id, displayName: row.displayName, legalName: legalName ?? "", legalNameKana: legalNameKana ?? "", row };
    }),
  );
  const sorted = sortLapses(viewer, keyed).map((k) => k.row);
  await auditRestrictedRead(
    ctx,
    "Person",
    sorted.map((p) => p.id),
  );
  return sorted as never[];
}

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/**
 * 加入申込 CSV (staff): one row per uninsured person, UTF-8 with a BOM and CRLF (Excel in Japan),
 * formula-like cells escaped, as rosterCsv writes them. Nothing of the juvenile programme: its
 * participants are codes, never people. Audited as an export.
 */
export async function lapsesCsv(ctx: Context, filter: LapseFilter): Promise<CsvFile> {
  const viewer = signedIn(ctx);
  const where = lapsesWhere(viewer, filter);
  const listed = listedMembershipsWhere(viewer);
  const found =
    where && listed
      ? await prisma().person.findMany({
          where,
          select: {
            id: true,
            legalName: true,
            legalNameKana: true,
            displayName: true,
            birthYear: true,
            address: true,
            phone: true,
            memberships: {
              where: listed,
              orderBy: [{ startedOn: "asc" }, { id: "asc" }],
              select: {
                startedOn: true,
                group: { select: { name: true, area: { select: { name: true } }, programme: { select: { name: true } } } },
              },
            },
          },
        })
      : [];
  const rows = sortLapses(viewer, found);
  const fy = filter.fiscalYear;
  const uniq = (values: Array<string | null | undefined>) => [...new Set(values.filter((v): v is string => Boolean(v)))].join("・");
  const header = ["氏名", "ふりがな", "表示名", "生年", "住所", "電話番号", "事業", "所属団体", "地区", "活動開始日", `${fy}年度 保険`];
  const text = stringify(
    [
      header,
      ...rows.map((p) => [
        p.legalName,
        p.legalNameKana,
        p.displayName ?? "",
        p.birthYear ?? "",
        p.address ?? "",
        p.phone ?? "",
        uniq(p.memberships.map((m) => m.group.programme.name)),
        uniq(p.memberships.map((m) => m.group.name)),
        uniq(p.memberships.map((m) => m.group.area?.name)),
        iso(p.memberships[0]?.startedOn ?? null),
        "未加入",
      ]),
    ],
    { bom: true, record_delimiter: "windows", escape_formulas: true },
  );
  await audit(ctx, {
    action: "export",
    entity: "InsuranceEnrolment",
    details: { export: "insurance-lapses-csv", ...filter, rows: rows.length, ids: rows.map((p) => p.id) },
  });
  return { filename: `保険加入申込_${warekiFiscalYear(fy)}_未加入者.csv`, mimeType: "text/csv; charset=utf-8", text };
}
