// report — 年度の活動実績 (April–March): aggregates of approved logs for any signed-in account of the
// organisation. The juvenile programme counts only for staff and the institution liaison, and is
// never in an export (少年法61条).
import { z } from "zod";

import { audit } from "../audit/audit.ts";
import { builder, EXPENSIVE_FIELD } from "../builder.ts";
import { signedIn } from "../context.ts";
import { canSeeJuvenileProgramme } from "../organization/access.ts";
import { bilingual, uuid } from "../validation.ts";
import { hoursOf, reportCsv, type ReportCsvFile } from "./csv.ts";
import { loadFiscalYearReport, type Figures, type FiscalYearReport, type MonthRow, type NamedRow } from "./fiscal-year-report.ts";

/** a programme code: text without lone surrogates (PostgreSQL's JSON refuses them) */
const programmeCodeText = z
  .string()
  .max(50, bilingual({ ja: "事業コードが長すぎます。", en: "The programme code is too long." }))
  .refine((code) => !/\p{Cs}/u.test(code), {
    message: bilingual({ ja: "事業コードが正しくありません。", en: "Not a valid programme code." }),
  });

const ReportFiguresRef = builder.objectRef<Figures>("ReportFigures").implement({
  description: "Hours, activities (logs), distinct volunteers and people served",
  fields: (t) => ({
    hours: t.float({ description: "person-hours, one decimal", resolve: (f) => hoursOf(f.minutes) }),
    minutes: t.exposeInt("minutes", { description: "person-minutes: the participants' minutes summed" }),
    activities: t.exposeInt("activities", { description: "approved activity logs" }),
    volunteers: t.exposeInt("volunteers", { description: "distinct participants (実人数)" }),
    peopleServed: t.exposeInt("peopleServed", { description: "people served (延べ)" }),
  }),
});

const ReportMonthRef = builder.objectRef<MonthRow>("ReportMonth").implement({
  fields: (t) => ({
    year: t.exposeInt("year"),
    month: t.exposeInt("month", { description: "1–12; the fiscal year runs 4 … 12, 1 … 3" }),
    figures: t.field({ type: ReportFiguresRef, resolve: (m) => m }),
  }),
});

const ReportBreakdownRowRef = builder.objectRef<NamedRow>("ReportBreakdownRow").implement({
  description: "One programme, area or activity type of a report",
  fields: (t) => ({
    id: t.exposeID("id", { nullable: true, description: "null: groups without an area" }),
    code: t.exposeString("code", { nullable: true }),
    name: t.exposeString("name"),
    nameEn: t.exposeString("nameEn"),
    figures: t.field({ type: ReportFiguresRef, resolve: (r) => r }),
  }),
});

const FiscalYearReportRef = builder.objectRef<FiscalYearReport>("FiscalYearReport").implement({
  description: "年度の活動実績: approved logs only",
  fields: (t) => ({
    fiscalYear: t.exposeInt("fiscalYear"),
    programmeCode: t.exposeString("programmeCode", { nullable: true }),
    areaId: t.exposeID("areaId", { nullable: true }),
    includesJuvenileProgramme: t.exposeBoolean("includesJuvenileProgramme"),
    totals: t.field({ type: ReportFiguresRef, resolve: (r) => r.totals }),
    exportTotals: t.field({
      type: ReportFiguresRef,
      description:
        "the totals of this report's CSV files: the same as totals, except that the juvenile programme is left out of every file (少年法61条)",
      resolve: (r) => r.exportTotals,
    }),
    byMonth: t.field({ type: [ReportMonthRef], resolve: (r) => r.byMonth }),
    byProgramme: t.field({ type: [ReportBreakdownRowRef], resolve: (r) => r.byProgramme }),
    byArea: t.field({ type: [ReportBreakdownRowRef], resolve: (r) => r.byArea }),
    byActivityType: t.field({ type: [ReportBreakdownRowRef], resolve: (r) => r.byActivityType }),
  }),
});

const ReportBreakdownEnum = builder.enumType("ReportBreakdown", {
  values: ["MONTH", "PROGRAMME", "AREA", "ACTIVITY_TYPE"] as const,
});

const ReportCsvRef = builder.objectRef<ReportCsvFile>("ReportCsv").implement({
  description: "A CSV file for Japanese Excel (UTF-8 with BOM, CRLF)",
  fields: (t) => ({
    filename: t.exposeString("filename"),
    mimeType: t.exposeString("mimeType"),
    text: t.exposeString("text"),
  }),
});

const fiscalYearSchema = z
  .number()
  .int()
  .min(2000, bilingual({ ja: "年度が正しくありません。", en: "Not a valid fiscal year." }))
  .max(2100, bilingual({ ja: "年度が正しくありません。", en: "Not a valid fiscal year." }));
const areaIdSchema = uuid({ ja: "地区の指定が正しくありません。", en: "Not a valid area." }).nullish();

builder.queryFields((t) => ({
  fiscalYearReport: t.field({
    type: FiscalYearReportRef,
    description: "年度の活動実績 (aggregates): by month, programme, area and activity type",
    authScopes: { signedIn: true },
    complexity: EXPENSIVE_FIELD,
    args: {
      fiscalYear: t.arg.int({ required: true, validate: fiscalYearSchema }),
      programmeCode: t.arg.string(),
      areaId: t.arg.id({ validate: areaIdSchema }),
    },
    resolve: (_root, args, ctx) =>
      loadFiscalYearReport(signedIn(ctx).orgId, {
        fiscalYear: args.fiscalYear,
        programmeCode: args.programmeCode ?? null,
        areaId: args.areaId ? String(args.areaId) : null,
        includeJuvenile: canSeeJuvenileProgramme(ctx),
      }),
  }),
  fiscalYearReportCsv: t.field({
    type: ReportCsvRef,
    description: "年度の活動実績 as CSV, one breakdown; never includes the juvenile programme",
    authScopes: { signedIn: true },
    complexity: EXPENSIVE_FIELD,
    args: {
      fiscalYear: t.arg.int({ required: true, validate: fiscalYearSchema }),
      breakdown: t.arg({ type: ReportBreakdownEnum, required: true }),
      // it goes into the audit entry's JSON: a lone surrogate would fail there as an internal error
      programmeCode: t.arg.string({ validate: programmeCodeText }),
      areaId: t.arg.id({ validate: areaIdSchema }),
    },
    resolve: async (_root, args, ctx) => {
      const report = await loadFiscalYearReport(signedIn(ctx).orgId, {
        fiscalYear: args.fiscalYear,
        programmeCode: args.programmeCode ?? null,
        areaId: args.areaId ? String(args.areaId) : null,
        includeJuvenile: false,
      });
      await audit(ctx, {
        action: "export",
        entity: "FiscalYearReport",
        details: {
          fiscalYear: args.fiscalYear,
          breakdown: args.breakdown,
          programmeCode: args.programmeCode ?? null,
          areaId: args.areaId ?? null,
        },
      });
      // the viewer's screen shows the juvenile programme: the file says that it leaves it out
      return reportCsv(report, args.breakdown, { juvenileLeftOut: canSeeJuvenileProgramme(ctx) });
    },
  }),
}));
