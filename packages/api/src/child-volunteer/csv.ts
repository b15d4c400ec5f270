// CSV import of 子ども福祉委員 (名簿の一括登録). Schools keep their lists in Excel, whose CSV in Japan
// is Shift_JIS (CP932) unless saved as "CSV UTF-8" (with a BOM). The client sends either the text
// (encoding TEXT) or the file's bytes in base64 (encoding BASE64: the charset is detected — a UTF-8
// BOM or valid UTF-8 is UTF-8, anything else is read as CP932).
//
// Row numbers are the file's (Excel's) rows: the header is row 1, each CSV record one row (a quoted
// value spanning lines stays one row); blank rows are skipped but keep their numbers.
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import type { z } from "zod";

import type { Bilingual } from "../errors.ts";
import { required } from "../required.ts";
import { issueText } from "../validation.ts";
import type { SchoolGroup } from "./access.ts";
import type { NewChild } from "./register.ts";
import { childDetailsSchema, consentTermsSchema, gradeProblem, nameKey, normalizeText, type ConsentTerms } from "./validation.ts";

type CsvEncoding = "TEXT" | "BASE64";
type CsvCharset = "UTF-8" | "Shift_JIS";

const MAX_IMPORT_ROWS = 2000;

/** A column the import understands; `aliases` are compared after normalizeHeader. */
const COLUMNS = {
  legalName: { ja: "氏名", aliases: ["氏名", "名前", "児童氏名", "生徒氏名", "児童生徒氏名", "name", "legalname", "fullname"] },
  legalNameKana: {
    ja: "ふりがな",
    aliases: ["ふりがな", "フリガナ", "よみがな", "ヨミガナ", "氏名ふりがな", "氏名フリガナ", "kana", "legalnamekana", "furigana"],
  },
  grade: { ja: "学年", aliases: ["学年", "grade"] },
  guardianName: { ja: "保護者氏名", aliases: ["保護者氏名", "保護者名", "保護者", "guardianname", "guardian"] },
  guardianKana: { ja: "保護者ふりがな", aliases: ["保護者ふりがな", "保護者フリガナ", "保護者よみがな", "guardiankana"] },
  guardianRelation: { ja: "続柄", aliases: ["続柄", "保護者続柄", "続き柄", "relation", "guardianrelation"] },
  guardianContact: { ja: "保護者連絡先", aliases: ["保護者連絡先", "連絡先", "contact", "guardiancontact"] },
  guardianPhone: { ja: "保護者電話番号", aliases: ["保護者電話番号", "保護者電話", "電話番号", "電話", "tel", "phone", "guardianphone"] },
  guardianEmail: {
    ja: "保護者メールアドレス",
    aliases: ["保護者メールアドレス", "保護者メール", "メールアドレス", "メール", "email", "e-mail", "guardianemail"],
  },
  activityConsent: { ja: "活動同意", aliases: ["活動同意", "保護者同意", "活動参加同意", "activityconsent", "consent"] },
  photoConsent: { ja: "写真同意", aliases: ["写真同意", "写真掲載同意", "photoconsent"] },
  consentGivenOn: { ja: "同意日", aliases: ["同意日", "同意書提出日", "提出日", "consentdate", "consentgivenon", "givenon"] },
  consentGivenBy: { ja: "同意者", aliases: ["同意者", "同意者氏名", "consentgivenby", "givenby"] },
} as const;

type ImportColumn = keyof typeof COLUMNS;

const REQUIRED: ImportColumn[] = ["legalName", "legalNameKana", "grade", "guardianName"];

function normalizeHeader(header: string): string {
  return normalizeText(header)
    .replace(/[（(]必須[)）]|[*＊※]/g, "")
    .replace(/[\s_]/g, "")
    .toLowerCase();
}

const ALIAS = new Map<string, ImportColumn>(
  (Object.entries(COLUMNS) as Array<[ImportColumn, (typeof COLUMNS)[ImportColumn]]>).flatMap(([key, c]) =>
    c.aliases.map((a) => [normalizeHeader(a), key] as const),
  ),
);

export interface ImportIssue {
  /** e.g. "rows.3.grade"; "csv" for the file as a whole */
  path: string;
  /** the file's row number (the header is row 1), or null for the whole file */
  rowNumber: number | null;
  column: string | null;
  message: string;
  messageEn: string;
}

export type ImportRowStatus = "VALID" | "INVALID" | "DUPLICATE";

export interface ImportRow {
  rowNumber: number;
  status: ImportRowStatus;
  legalName: string | null;
  legalNameKana: string | null;
  grade: number | null;
  guardianName: string | null;
  guardianKana: string | null;
  guardianRelation: string | null;
  guardianPhone: string | null;
  guardianEmail: string | null;
  activityConsent: boolean | null;
  photoConsent: boolean | null;
  issues: ImportIssue[];
  /** the child to write, when the row is valid */
  child: NewChild | null;
}

interface ImportHeader {
  header: string;
  column: ImportColumn | null;
}

export interface ImportPreview {
  charset: CsvCharset;
  headers: ImportHeader[];
  rows: ImportRow[];
  fileIssues: ImportIssue[];
  /** existing children the file names again (for the read audit) */
  duplicateOfExisting: string[];
}

export function previewIssues(preview: ImportPreview): ImportIssue[] {
  return [...preview.fileIssues, ...preview.rows.flatMap((r) => r.issues)];
}

function fileIssue(text: Bilingual): ImportIssue {
  return { path: "csv", rowNumber: null, column: null, message: text.ja, messageEn: text.en };
}

/** Decodes the argument to text; null when the base64 is not base64. */
function decodeCsv(csv: string, encoding: CsvEncoding): { text: string; charset: CsvCharset } | null {
  if (encoding === "TEXT") return { text: csv.replace(/^\uFEFF/, ""), charset: "UTF-8" };
  const compact = csv.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return null;
  const bytes = Buffer.from(compact, "base64");
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), charset: "UTF-8" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), charset: "UTF-8" };
  } catch {
    return { text: iconv.decode(bytes, "cp932"), charset: "Shift_JIS" };
  }
}

const YES = new Set([
  "同意",
  "同意する",
  "同意あり",
  "あり",
  "有",
  "有り",
  "はい",
  "済",
  "○",
  "〇",
  "◯",
  "yes",
  "y",
  "true",
  "1",
  "granted",
]);
const NO = new Set([
  "不同意",
  "同意しない",
  "同意なし",
  "拒否",
  "なし",
  "無",
  "無し",
  "いいえ",
  "×",
  "✕",
  "no",
  "n",
  "false",
  "0",
  "refused",
]);

function parseConsent(cell: string): boolean | undefined | "invalid" {
  const v = normalizeText(cell).toLowerCase();
  if (v === "" || v === "未提出" || v === "-") return undefined;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return "invalid";
}

function parseGrade(cell: string): number | string | undefined {
  const v = normalizeText(cell).replace(/\s/g, "");
  if (v === "") return undefined;
  const m = /^(?:小|中|小学|中学)?(\d{1,2})(?:年生|年)?$/.exec(v);
  return m ? Number(m[1]) : v;
}

/** 2026-04-10, 2026/4/10, 2026.4.10, 2026年4月10日 → a @db.Date; null if not a date. */
function parseDate(cell: string): Date | null | undefined {
  const v = normalizeText(cell).replace(/\s/g, "");
  if (v === "") return undefined;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : null;
}

export interface PreviewParams {
  group: SchoolGroup;
  csv: string;
  encoding: CsvEncoding;
  /** children already at the school, by nameKey → ChildVolunteer id */
  existing: Map<string, string>;
  /** the consent form's scope and version per kind (null: none known — rows with a consent fail) */
  terms: Record<"activity" | "photo", { scope: string; policyVersion: string } | null>;
  /** the day the forms are recorded: the consent date when the file has none */
  today: Date;
}

/** Parses and checks every row; writes nothing. */
export function previewImport(params: PreviewParams): ImportPreview {
  const { group, existing, terms, today } = params;
  const decoded = decodeCsv(params.csv, params.encoding);
  if (!decoded) {
    return {
      charset: "UTF-8",
      headers: [],
      rows: [],
      fileIssues: [fileIssue({ ja: "ファイルの内容（base64）を読み取れません。", en: "The file content (base64) could not be read." })],
      duplicateOfExisting: [],
    };
  }
  const empty = (issue: ImportIssue): ImportPreview => ({
    charset: decoded.charset,
    headers: [],
    rows: [],
    fileIssues: [issue],
    duplicateOfExisting: [],
  });
  // a NUL is never text (the file is binary, or not the CSV meant); it would not reach the database either
  if (decoded.text.includes("\u0000")) {
    return empty(
      fileIssue({
        ja: "ファイルにNUL文字（\\0）が含まれています。CSVファイルを選んでください。",
        en: "The file contains NUL characters (\\0); choose a CSV file.",
      }),
    );
  }
  let records: string[][];
  try {
    records = parse(decoded.text, { relax_column_count: true, bom: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return empty(
      fileIssue({
        ja: `CSVの形式が正しくありません${line ? `（${line}行目付近）` : ""}。引用符（"）の対応を確認してください。`,
        en: `The CSV is malformed${line ? ` (near line ${line})` : ""}; check the quotes (").`,
      }),
    );
  }
  const [headerRow, ...dataRows] = records;
  if (!headerRow || headerRow.every((h) => h.trim() === "")) {
    return empty(
      fileIssue({
        ja: "ファイルが空です。1行目に見出し（氏名, ふりがな, 学年, 保護者氏名 …）が必要です。",
        en: "The file is empty; row 1 must hold the headers (name, kana, grade, guardian …).",
      }),
    );
  }

  const headers: ImportHeader[] = headerRow.map((h) => ({ header: h.trim(), column: ALIAS.get(normalizeHeader(h)) ?? null }));
  const fileIssues: ImportIssue[] = [];
  const indexOf = new Map<ImportColumn, number>();
  headers.forEach((h, i) => {
    if (!h.column) return;
    if (indexOf.has(h.column)) {
      fileIssues.push(
        fileIssue({
          ja: `見出し「${h.header}」と同じ項目の列が複数あります。`,
          en: `More than one column holds the same field as “${h.header}”.`,
        }),
      );
    } else indexOf.set(h.column, i);
  });
  const missing = REQUIRED.filter((c) => !indexOf.has(c));
  if (missing.length > 0) {
    fileIssues.push(
      fileIssue({
        ja: `必須の列がありません: ${missing.map((c) => COLUMNS[c].ja).join("、")}（1行目の見出しを確認してください）。`,
        en: `Required columns are missing: ${missing.join(", ")} — check the headers in row 1.`,
      }),
    );
  }
  const rowsWithData = dataRows.map((cells, i) => ({ cells, rowNumber: i + 2 })).filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (rowsWithData.length === 0) fileIssues.push(fileIssue({ ja: "データの行がありません。", en: "The file has no data rows." }));
  if (rowsWithData.length > MAX_IMPORT_ROWS) {
    fileIssues.push(
      fileIssue({
        ja: `一度に取り込めるのは${MAX_IMPORT_ROWS}行までです（${rowsWithData.length}行）。`,
        en: `At most ${MAX_IMPORT_ROWS} rows can be imported at once (got ${rowsWithData.length}).`,
      }),
    );
  }
  if (fileIssues.length > 0) return { charset: decoded.charset, headers, rows: [], fileIssues, duplicateOfExisting: [] };

  const header = (c: ImportColumn) => headers[indexOf.get(c) ?? -1]?.header ?? COLUMNS[c].ja;
  const seen = new Map<string, number>();
  const duplicateOfExisting: string[] = [];
  const rows = rowsWithData.map(({ cells, rowNumber }) => {
    const cell = (c: ImportColumn) => {
      const i = indexOf.get(c);
      return i === undefined ? "" : (cells[i] ?? "");
    };
    const issues: ImportIssue[] = [];
    const issue = (column: ImportColumn, m: Bilingual) => {
      const h = header(column);
      issues.push({
        path: `rows.${rowNumber}.${column}`,
        rowNumber,
        column,
        message: `${rowNumber}行目「${h}」: ${m.ja}`,
        messageEn: `Row ${rowNumber} (${h}): ${m.en}`,
      });
    };

    // 保護者連絡先 holds a phone number or an email address
    const contact = normalizeText(cell("guardianContact"));
    const raw = {
      legalName: cell("legalName"),
      legalNameKana: cell("legalNameKana"),
      grade: parseGrade(cell("grade")),
      guardianName: cell("guardianName"),
      guardianKana: cell("guardianKana"),
      guardianRelation: cell("guardianRelation"),
      guardianPhone: cell("guardianPhone") || (contact && !contact.includes("@") ? contact : ""),
      guardianEmail: cell("guardianEmail") || (contact.includes("@") ? contact : ""),
    };
    const values: Partial<Record<keyof typeof raw, unknown>> = {};
    for (const key of Object.keys(raw) as Array<keyof typeof raw>) {
      const schema: z.ZodType = childDetailsSchema.shape[key];
      const value = raw[key];
      if (key === "grade" && typeof value === "string") {
        issue("grade", { ja: "学年は数字で入力してください（例: 5、5年）。", en: "Write the grade as a number (e.g. 5)." });
        continue;
      }
      const result = schema.safeParse(key === "grade" && value === undefined ? null : value);
      if (result.success) values[key] = result.data;
      else {
        // a phone number or address that came from 保護者連絡先 is reported on that column
        const fromContact = (key === "guardianPhone" || key === "guardianEmail") && !cell(key);
        issue(fromContact ? "guardianContact" : key, issueText(required(result.error.issues[0], "issue of a failed parse").message));
      }
    }
    if (typeof values.grade === "number") {
      const problem = gradeProblem(group.schoolKind, values.grade);
      if (problem) {
        issue("grade", { ja: `${group.schoolName}: ${problem.ja}`, en: `${group.schoolName}: ${problem.en}` });
        delete values.grade;
      }
    }

    const consentValue = (c: "activityConsent" | "photoConsent") => {
      const v = parseConsent(cell(c));
      if (v === "invalid") {
        issue(c, {
          ja: "「同意」「不同意」のどちらか、または空欄（未提出）にしてください。",
          en: "Write yes or no, or leave it blank (no form yet).",
        });
        return undefined;
      }
      return v;
    };
    const activity = consentValue("activityConsent");
    const photo = consentValue("photoConsent");
    const givenOnCell = parseDate(cell("consentGivenOn"));
    if (givenOnCell === null)
      issue("consentGivenOn", {
        ja: "日付は 2026-04-10 や 2026/4/10 の形で入力してください。",
        en: "Write the date like 2026-04-10 or 2026/4/10.",
      });
    else if (givenOnCell && givenOnCell > today)
      issue("consentGivenOn", { ja: "同意日が未来の日付です。", en: "The consent date is in the future." });
    const consentOf = (granted: boolean | undefined, kind: "activity" | "photo", column: "activityConsent" | "photoConsent") => {
      if (granted === undefined) return undefined;
      const t = terms[kind];
      if (!t) {
        issue(column, {
          ja: "同意書の範囲と版がまだ登録されていないため、同意を取り込めません。consentTerms を指定してください。",
          en: "No consent form (scope and version) is on record yet; pass consentTerms.",
        });
        return undefined;
      }
      const parsed = consentTermsSchema.safeParse({
        granted,
        givenBy: cell("consentGivenBy") || (typeof values.guardianName === "string" ? values.guardianName : ""),
        givenOn: givenOnCell ?? today,
        scope: t.scope,
        policyVersion: t.policyVersion,
      });
      if (!parsed.success) {
        const first = required(parsed.error.issues[0], "issue of a failed parse");
        issue(first.path[0] === "givenBy" ? "consentGivenBy" : column, issueText(first.message));
        return undefined;
      }
      return parsed.data satisfies ConsentTerms;
    };
    const activityConsent = consentOf(activity, "activity", "activityConsent");
    const photoConsent = consentOf(photo, "photo", "photoConsent");

    let status: ImportRowStatus = issues.length > 0 ? "INVALID" : "VALID";
    if (typeof values.legalName === "string" && typeof values.legalNameKana === "string") {
      const key = nameKey(values.legalName, values.legalNameKana);
      const earlier = seen.get(key);
      const existingId = existing.get(key);
      if (earlier !== undefined) {
        issue("legalName", {
          ja: `${earlier}行目と同じ児童（氏名・ふりがな）です。`,
          en: `The same child (name and kana) as row ${earlier}.`,
        });
      } else seen.set(key, rowNumber);
      if (existingId) {
        duplicateOfExisting.push(existingId);
        issue("legalName", {
          ja: `この児童（氏名・ふりがな）は${group.schoolName}に登録済みです。`,
          en: `This child (name and kana) is already registered at ${group.schoolName}.`,
        });
      }
      if (status === "VALID" && (earlier !== undefined || existingId)) status = "DUPLICATE";
    }

    const str = (v: unknown) => (typeof v === "string" ? v : null);
    const row: ImportRow = {
      rowNumber,
      status,
      legalName: str(values.legalName) ?? (raw.legalName.trim() || null),
      legalNameKana: str(values.legalNameKana) ?? (raw.legalNameKana.trim() || null),
      grade: typeof values.grade === "number" ? values.grade : null,
      guardianName: str(values.guardianName) ?? (raw.guardianName.trim() || null),
      guardianKana: str(values.guardianKana) ?? (raw.guardianKana.trim() || null),
      guardianRelation: str(values.guardianRelation) ?? (raw.guardianRelation.trim() || null),
      guardianPhone: str(values.guardianPhone) ?? (raw.guardianPhone.trim() || null),
      guardianEmail: str(values.guardianEmail) ?? (raw.guardianEmail.trim() || null),
      activityConsent: activity === undefined ? null : activity,
      photoConsent: photo === undefined ? null : photo,
      issues,
      child: null,
    };
    if (status === "VALID") {
      row.child = {
        ...(values as z.output<typeof childDetailsSchema>),
        ...(activityConsent ? { activityConsent } : {}),
        ...(photoConsent ? { photoConsent } : {}),
      };
    }
    return row;
  });
  return { charset: decoded.charset, headers, rows, fileIssues: [], duplicateOfExisting };
}
