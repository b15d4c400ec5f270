// 名簿のCSV出力 (roster export). The file is for Excel on Japanese Windows, which reads a CSV
// without a byte-order mark as Shift_JIS (CP932) and turns UTF-8 names into mojibake; with the
// UTF-8 BOM it reads UTF-8. Records end in CRLF, the line ending of RFC 4180 and of Excel itself,
// so a cell with a line break (an end reason written on two lines) stays one cell. Cells that
// start like a formula (=, +, -, @) are prefixed with ' so Excel shows them as text.
//
// Only what the caller may see is written: the columns depend on the viewer (contacts and
// 当事者・家族 status for staff only), and each cell follows ../person/access.ts (a legal name
// behind a nickname stays blank for everyone but staff). Nothing of the juvenile programme is ever
// exported, not even to staff (少年法61条).
import { stringify } from "csv-stringify/sync";

import { warekiFiscalYear } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { ForbiddenError, NotFoundError } from "../errors.ts";
import { personLegalName, personVisibility, personVisibilitySelect } from "../person/access.ts";
import { rosterWhere, sortRoster } from "./query.ts";
import { approvedMinutes, insuredPeople, minutesToHours } from "./stats.ts";

export interface CsvFile {
  filename: string;
  mimeType: string;
  text: string;
}

const NETWORK_STATUS_JA: Record<string, string> = {
  FORMER_TOJISHA: "元当事者",
  FAMILY: "家族",
  SUPPORTER: "支援者・関係機関",
};

const HIDDEN = "（非表示）";

interface StaffColumns {
  legalName: string;
  legalNameKana: string;
  phone: string | null;
  email: string | null;
  networkStatus: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/** Characters Windows refuses in a file name. */
const safeFileName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, "_");

export async function rosterCsv(ctx: Context, groupId: string, options: { fiscalYear: number; includeEnded: boolean }): Promise<CsvFile> {
  const viewer = signedIn(ctx);
  const group = await prisma().group.findFirst({
    where: { id: groupId, orgId: viewer.orgId },
    select: { id: true, name: true, programme: { select: { privacyTier: true } } },
  });
  if (!group) throw new NotFoundError({ ja: "団体", en: "group" });
  const tier = group.programme.privacyTier;
  if (tier === "JUVENILE") {
    throw new ForbiddenError({
      ja: "少年院ボランティアの情報は、少年法61条により出力できません。",
      en: "Nothing of the juvenile programme can be exported (Juvenile Act, article 61).",
    });
  }

  // what the viewer may not see is not read: contacts and 当事者 status for staff only, and for
  // anyone else the legal names they may see only (personLegalName, one statement for all)
  const staffOnly = { legalName: true, legalNameKana: true, phone: true, email: true, networkStatus: true } as const;
  const read = await prisma().membership.findMany({
    where: rosterWhere(viewer, group.id, { includeEnded: options.includeEnded, fiscalYear: options.fiscalYear }),
    select: {
      id: true,
      startedOn: true,
      endedOn: true,
      endReason: true,
      groupRole: { select: { name: true } },
      person: { select: viewer.isStaff ? { ...personVisibilitySelect, ...staffOnly } : personVisibilitySelect },
    },
  });
  const found = await Promise.all(
    read.map(async (r) => {
      if ("legalName" in r.person) return { ...r, person: r.person as typeof r.person & StaffColumns };
      const legal = personVisibility(ctx, r.person).legalName;
      const [legalName, legalNameKana] = legal
        ? await Promise.all([personLegalName(ctx, r.person, "legalName"), personLegalName(ctx, r.person, "legalNameKana")])
        : [null, null];
      const person = {
        ...r.person,
        legalName: legalName ?? "",
        legalNameKana: legalNameKana ?? "",
        phone: null,
        email: null,
        networkStatus: null,
      };
      return { ...r, person };
    }),
  );
  const rows = sortRoster(ctx, found);
  const personIds = [...new Set(rows.map((r) => r.person.id))];
  const [insured, minutes] = await Promise.all([
    insuredPeople(viewer.orgId, options.fiscalYear, personIds),
    approvedMinutes(viewer.orgId, options.fiscalYear, personIds),
  ]);

  const fy = options.fiscalYear;
  const columns: Array<{ header: string; cell: (r: (typeof rows)[number]) => string | number }> = [
    {
      header: "名前",
      cell: (r) => (personVisibility(ctx, r.person).name ? (r.person.displayName ?? r.person.legalName) : HIDDEN),
    },
    { header: "氏名", cell: (r) => (personVisibility(ctx, r.person).legalName ? r.person.legalName : "") },
    { header: "ふりがな", cell: (r) => (personVisibility(ctx, r.person).legalName ? r.person.legalNameKana : "") },
    { header: "役割", cell: (r) => r.groupRole.name },
    { header: "開始日", cell: (r) => iso(r.startedOn) },
    { header: "終了日", cell: (r) => iso(r.endedOn) },
    { header: "終了理由", cell: (r) => r.endReason ?? "" },
    { header: `ボランティア活動保険（${fy}年度）`, cell: (r) => (insured.has(r.person.id) ? "加入" : "未加入") },
    { header: `活動時間（${fy}年度・時間）`, cell: (r) => minutesToHours(minutes.get(r.person.id) ?? 0) },
  ];
  if (viewer.isStaff) {
    columns.push(
      { header: "電話番号", cell: (r) => r.person.phone ?? "" },
      { header: "メールアドレス", cell: (r) => r.person.email ?? "" },
    );
    if (tier === "NETWORK") {
      columns.push({
        header: "当事者・家族の別",
        cell: (r) => (r.person.networkStatus ? (NETWORK_STATUS_JA[r.person.networkStatus] ?? "") : ""),
      });
    }
  }

  const text = stringify([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.cell(r)))], {
    bom: true,
    record_delimiter: "windows",
    escape_formulas: true,
  });
  await audit(ctx, {
    action: "export",
    entity: "Group",
    entityId: group.id,
    details: {
      export: "roster-csv",
      fiscalYear: fy,
      includeEnded: options.includeEnded,
      rows: rows.length,
      columns: columns.map((c) => c.header),
    },
  });
  return {
    filename: `名簿_${safeFileName(group.name)}_${warekiFiscalYear(fy)}.csv`,
    mimeType: "text/csv; charset=utf-8",
    text,
  };
}
