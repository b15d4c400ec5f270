// The fiscal-year report as a CSV for Japanese Excel: UTF-8 with a BOM (Excel otherwise reads
// Shift_JIS), CRLF line ends, Japanese headers. Built only from a report that excludes the juvenile
// programme (少年法61条: nothing about it is ever exported).
import { stringify } from "csv-stringify/sync";

import { warekiFiscalYear } from "@tsunagu/db";

import type { Figures, FiscalYearReport, NamedRow } from "./fiscal-year-report.ts";

type ReportBreakdown = "MONTH" | "PROGRAMME" | "AREA" | "ACTIVITY_TYPE";

export interface ReportCsvFile {
  filename: string;
  mimeType: string;
  text: string;
}

const FIGURE_HEADERS = ["活動時間（時間）", "活動件数", "活動者数（実人数）", "対象者数（延べ）"];

const FIRST_HEADER: Record<ReportBreakdown, string> = {
  MONTH: "月",
  PROGRAMME: "事業",
  AREA: "地区",
  ACTIVITY_TYPE: "活動種別",
};

/** the file name's last word: 活動実績_令和8年度_月別.csv */
const FILE_WORD: Record<ReportBreakdown, string> = {
  MONTH: "月別",
  PROGRAMME: "事業別",
  AREA: "地区別",
  ACTIVITY_TYPE: "活動種別",
};

/** Hours with one decimal, as a 社協 reports them to the city. */
export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** Excel runs a cell starting with = + - @ as a formula; names are data, so neutralise them. */
const cell = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const figureCells = (f: Figures) => [hoursOf(f.minutes), f.activities, f.volunteers, f.peopleServed];

/** The last line of a file whose reader sees the juvenile programme on screen: why the totals differ. */
const JUVENILE_LEFT_OUT_NOTE =
  "※少年院ボランティアの活動は、少年法第61条の趣旨によりファイルには含めていません（画面の合計には含まれます）。";

export function reportCsv(report: FiscalYearReport, breakdown: ReportBreakdown, options: { juvenileLeftOut: boolean }): ReportCsvFile {
  if (report.includesJuvenileProgramme) throw new Error("a report with the juvenile programme is never exported");
  const namedRows = (rows: NamedRow[]) => rows.map((r) => [cell(r.name), ...figureCells(r)]);
  const body =
    breakdown === "MONTH"
      ? report.byMonth.map((m) => [`${m.year}年${m.month}月`, ...figureCells(m)])
      : namedRows(breakdown === "PROGRAMME" ? report.byProgramme : breakdown === "AREA" ? report.byArea : report.byActivityType);
  const note = options.juvenileLeftOut ? [[JUVENILE_LEFT_OUT_NOTE]] : [];
  const text = stringify([[FIRST_HEADER[breakdown], ...FIGURE_HEADERS], ...body, ["合計", ...figureCells(report.totals)], ...note], {
    bom: true,
    record_delimiter: "\r\n",
  });
  return {
    filename: `活動実績_${warekiFiscalYear(report.fiscalYear)}_${FILE_WORD[breakdown]}.csv`,
    mimeType: "text/csv; charset=utf-8",
    text,
  };
}
