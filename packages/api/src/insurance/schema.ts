// insurance — ボランティア活動保険 (volunteer-activity insurance), enrolled per person and fiscal year
// (年度). Rosters show each member's cover (Membership.insuredThisYear); insuranceLapses is the
// to-do list across groups: the people with a current membership who are not enrolled for the year,
// for staff (the organisation) and, read-only, for coordinators, subcommittee members and salon
// leaders (their own groups). Staff record enrolments (one or many at once), correct and cancel them,
// download the 加入申込 CSV and carry a year's insured into the next (年度更新). Juvenile
// participants are codes, never Persons, so they never appear; the juvenile programme's groups are
// left out altogether.
import { z } from "zod";

import { currentFiscalYear, todayInJapan } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { builder, EXPENSIVE_FIELD } from "../builder.ts";
import { signedIn } from "../context.ts";
import { mutationErrors } from "../error-types.ts";
import { personLegalName } from "../person/access.ts";
import { CsvFileRef } from "../roster/schema.ts";
import { bilingual, dayOf, optionalTextOf, textOf, uuidOf } from "../validation.ts";
import { listedMembershipsWhere } from "./access.ts";
import { cancelInsuranceEnrolment, correctInsuranceEnrolment, enrolInsurance } from "./enrol.ts";
import { lapsesCsv, listLapses, type LapseFilter } from "./lapses.ts";
import {
  applyInsuranceRollover,
  checkRolloverYear,
  planInsuranceRollover,
  type InsuranceRolloverEntry,
  type InsuranceRolloverPlan,
  type InsuranceRolloverResult,
} from "./rollover.ts";

// A variant of Person rather than Person itself: its memberships are filtered to the listed groups
// and loaded in the same query, which Person's own field selections (every membership, for the
// privacy rules) would conflict with. Every row is a person whose name the viewer may see.
const InsuranceLapseRef = builder.prismaObject("Person", {
  variant: "InsuranceLapse",
  description: "ボランティア活動保険 未加入: a volunteer with a current membership who is not enrolled for the fiscal year",
  // only the columns the asked fields select: no contact details, notes or (but staff's) legal names
  select: { id: true },
  fields: (t) => ({
    id: t.exposeID("id", { description: "the Person's id" }),
    name: t.string({
      description: "表示名: the nickname if the person uses one, else the legal name",
      // listed people's names are visible (lapses.ts); the legal name is read as personLegalName allows
      select: (_args, ctx) => (ctx.viewer?.isStaff ? { displayName: true, legalName: true } : { displayName: true }),
      resolve: async (p, _args, ctx) => p.displayName ?? (await personLegalName(ctx, p, "legalName")) ?? "",
    }),
    usesNickname: t.boolean({ select: { displayName: true }, resolve: (p) => p.displayName !== null }),
    memberships: t.relation("memberships", {
      description: "current memberships in the groups the viewer may list, oldest first",
      query: (_args, ctx) => ({
        where: listedMembershipsWhere(signedIn(ctx)) ?? { id: { in: [] } },
        orderBy: [{ startedOn: "asc" }, { id: "asc" }],
      }),
    }),
  }),
});

builder.prismaObject("InsuranceEnrolment", {
  description: "ボランティア活動保険 加入: a person's enrolment for one 年度 (staff)",
  fields: (t) => ({
    id: t.exposeID("id"),
    person: t.relation("person"),
    fiscalYear: t.exposeInt("fiscalYear", { description: "年度 (April–March), named by the year it starts" }),
    plan: t.exposeString("plan", { description: "プラン, e.g. ボランティア活動保険（基本タイプ）" }),
    enrolledOn: t.expose("enrolledOn", { type: "Date", description: "加入日 (申込日)" }),
    reference: t.exposeString("reference", { nullable: true, description: "受付番号 / receipt or reference number" }),
  }),
});

const fiscalYearArg = z
  .number()
  .int()
  .min(2000, bilingual({ ja: "年度は2000〜2100の範囲で指定してください。", en: "The fiscal year must be between 2000 and 2100." }))
  .max(2100, bilingual({ ja: "年度は2000〜2100の範囲で指定してください。", en: "The fiscal year must be between 2000 and 2100." }));

const programmeCodeArg = z
  .string()
  .max(50, bilingual({ ja: "事業コードが長すぎます。", en: "The programme code is too long." }))
  .nullish();

const lapseFilter = (args: {
  fiscalYear?: number | null;
  programmeCode?: string | null;
  groupId?: string | number | null;
  areaId?: string | number | null;
}): LapseFilter => ({
  fiscalYear: args.fiscalYear ?? currentFiscalYear(),
  programmeCode: args.programmeCode || null,
  groupId: args.groupId ? String(args.groupId) : null,
  areaId: args.areaId ? String(args.areaId) : null,
});

builder.queryFields((t) => ({
  insuranceLapses: t.prismaField({
    type: [InsuranceLapseRef],
    description:
      "保険未加入: people with a current membership in a group the viewer may list (staff: the organisation) who are not enrolled in ボランティア活動保険 for the fiscal year, in 五十音 order; narrowed by programme, group and area (the group's 日常生活圏域). Non-staff reads are audited.",
    complexity: EXPENSIVE_FIELD / 2,
    args: {
      fiscalYear: t.arg.int({ description: "年度 of the enrolment; default the current one", validate: fiscalYearArg }),
      programmeCode: t.arg.string({
        description: "only people active in this programme (salon, network, school …)",
        validate: programmeCodeArg,
      }),
      groupId: t.arg.id({ description: "only people active in this group" }),
      areaId: t.arg.id({ description: "only people active in a group of this 日常生活圏域" }),
    },
    resolve: (query, _root, args, ctx) => listLapses(ctx, query, lapseFilter(args)),
  }),
  insuranceLapsesCsv: t.field({
    type: CsvFileRef,
    nullable: true,
    description:
      "加入申込 CSV of the lapse list (staff): UTF-8 with a BOM, Japanese headers, the same filters as insuranceLapses. Audited as an export.",
    authScopes: { staff: true },
    complexity: EXPENSIVE_FIELD,
    args: {
      fiscalYear: t.arg.int({ validate: fiscalYearArg }),
      programmeCode: t.arg.string({ validate: programmeCodeArg }),
      groupId: t.arg.id(),
      areaId: t.arg.id(),
    },
    resolve: (_root, args, ctx) => lapsesCsv(ctx, lapseFilter(args)),
  }),
  insuranceEnrolments: t.prismaField({
    type: ["InsuranceEnrolment"],
    nullable: true,
    description: "The organisation's enrolments for a 年度, in 五十音 order of the person (staff)",
    authScopes: { staff: true },
    complexity: EXPENSIVE_FIELD / 2,
    args: { fiscalYear: t.arg.int({ required: true, validate: fiscalYearArg }) },
    resolve: (query, _root, args, ctx) =>
      prisma().insuranceEnrolment.findMany({
        ...query,
        where: { orgId: signedIn(ctx).orgId, fiscalYear: args.fiscalYear },
        orderBy: [{ person: { legalNameKana: "asc" } }, { id: "asc" }],
      }),
  }),
}));

// ───────────────────────── recording ─────────────────────────

const planSchema = textOf({ ja: "プラン", en: "plan" }, 100);
const referenceSchema = optionalTextOf({ ja: "受付番号", en: "reference number" }, 50);
const enrolledOnSchema = dayOf({ ja: "加入日", en: "enrolment date" });

const EnrolInsuranceInput = builder.inputType("EnrolInsuranceInput", {
  fields: (t) => ({
    personIds: t.idList({ required: true, description: "the people to enrol (1–500), all or nothing" }),
    fiscalYear: t.int({ required: true, description: "年度: last year, this year or the next" }),
    plan: t.string({ required: true, description: "プラン, e.g. ボランティア活動保険（基本タイプ）" }),
    enrolledOn: t.field({ type: "Date", required: true, description: "加入日 (申込日), not in the future" }),
    reference: t.string({ description: "受付番号 / receipt number" }),
  }),
  validate: z.object({
    personIds: z
      .array(uuidOf({ ja: "人", en: "person" }))
      .min(1, bilingual({ ja: "加入する人を選んでください。", en: "Choose at least one person." }))
      .max(500, bilingual({ ja: "一度に加入できるのは500人までです。", en: "At most 500 people at once." })),
    fiscalYear: fiscalYearArg,
    plan: planSchema,
    enrolledOn: enrolledOnSchema,
    reference: referenceSchema.nullish(),
  }),
});

const CorrectInsuranceEnrolmentInput = builder.inputType("CorrectInsuranceEnrolmentInput", {
  description: 'Only the fields given change; reference "" clears it',
  fields: (t) => ({
    plan: t.string(),
    enrolledOn: t.field({ type: "Date" }),
    reference: t.string(),
  }),
  validate: z.object({
    plan: planSchema.nullish(),
    enrolledOn: enrolledOnSchema.nullish(),
    reference: referenceSchema.nullish(),
  }),
});

const ApplyInsuranceRolloverInput = builder.inputType("ApplyInsuranceRolloverInput", {
  fields: (t) => ({
    fiscalYear: t.int({ required: true, description: "the 年度 to enrol into (this one or the next)" }),
    enrolledOn: t.field({ type: "Date", description: "加入日 of every new enrolment; default today" }),
    reference: t.string({ description: "受付番号 of the batch, if any" }),
  }),
  validate: z.object({
    fiscalYear: fiscalYearArg,
    enrolledOn: enrolledOnSchema.nullish(),
    reference: referenceSchema.nullish(),
  }),
});

builder.mutationFields((t) => ({
  enrolInsurance: t.prismaField({
    type: ["InsuranceEnrolment"],
    description:
      "ボランティア活動保険に加入を記録する (staff): one person or many at once for a 年度, all or nothing — a person unknown, named twice or already enrolled for the year is an issue at input.personIds.N and nothing is saved",
    errors: { types: mutationErrors },
    authScopes: { staff: true },
    args: { input: t.arg({ type: EnrolInsuranceInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const ids = await enrolInsurance(ctx, { ...input, personIds: input.personIds.map(String) });
      return prisma().insuranceEnrolment.findMany({
        ...query,
        where: { id: { in: ids } },
        orderBy: [{ person: { legalNameKana: "asc" } }, { id: "asc" }],
      });
    },
  }),
  correctInsuranceEnrolment: t.prismaField({
    type: "InsuranceEnrolment",
    description: "加入記録の訂正 (staff): plan, enrolment date or reference number",
    errors: { types: mutationErrors },
    authScopes: { staff: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: CorrectInsuranceEnrolmentInput, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      prisma().insuranceEnrolment.findUniqueOrThrow({
        ...query,
        where: { id: await correctInsuranceEnrolment(ctx, String(args.id), args.input) },
      }),
  }),
  cancelInsuranceEnrolment: t.field({
    type: "ID",
    description: "加入の取消 (staff): deletes the enrolment; its audit entry keeps what it was. Returns the id cancelled",
    errors: { types: mutationErrors },
    authScopes: { staff: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => cancelInsuranceEnrolment(ctx, String(args.id)),
  }),
}));

// ───────────────────────── 年度更新 (rollover) ─────────────────────────

const RolloverEntryRef = builder.objectRef<InsuranceRolloverEntry>("InsuranceRolloverEntry").implement({
  description: "A person the rollover would enrol, with last year's plan",
  fields: (t) => ({
    personId: t.exposeID("personId"),
    name: t.exposeString("name", { description: "表示名, else the legal name" }),
    legalNameKana: t.exposeString("legalNameKana"),
    plan: t.exposeString("plan", { description: "last year's plan, carried" }),
    groupNames: t.exposeStringList("groupNames", { description: "the groups of the person's current memberships" }),
  }),
});

const RolloverPlanRef = builder.objectRef<InsuranceRolloverPlan>("InsuranceRollover").implement({
  description: "年度更新: who carrying last year's insured into the 年度 would enrol; nothing has been written",
  fields: (t) => ({
    fiscalYear: t.exposeInt("fiscalYear"),
    fromFiscalYear: t.exposeInt("fromFiscalYear"),
    opensOn: t.expose("opensOn", { type: "Date", description: "March 1 before the year: the usual day to run it from" }),
    early: t.exposeBoolean("early", { description: "today is before opensOn (allowed; the web app asks twice)" }),
    entries: t.field({ type: [RolloverEntryRef], description: "in 五十音 order", resolve: (p) => p.entries }),
    alreadyEnrolledCount: t.exposeInt("alreadyEnrolledCount", { description: "skipped: enrolled for the year already" }),
    notCurrentCount: t.exposeInt("notCurrentCount", { description: "not carried: insured last year without a current membership" }),
  }),
});

const RolloverResultRef = builder.objectRef<InsuranceRolloverResult>("InsuranceRolloverResult").implement({
  fields: (t) => ({
    fiscalYear: t.exposeInt("fiscalYear"),
    enrolledCount: t.exposeInt("enrolledCount", { description: "enrolled by this run (0 when run again)" }),
  }),
});

builder.queryField("previewInsuranceRollover", (t) =>
  t.field({
    type: RolloverPlanRef,
    nullable: true,
    description: "年度更新のプレビュー (staff): who carrying last year's insured into `fiscalYear` would enrol; writes nothing",
    authScopes: { staff: true },
    complexity: EXPENSIVE_FIELD / 2,
    args: { fiscalYear: t.arg.int({ required: true, validate: fiscalYearArg }) },
    resolve: (_root, args, ctx) => {
      checkRolloverYear(args.fiscalYear);
      return planInsuranceRollover(ctx, prisma(), args.fiscalYear);
    },
  }),
);

builder.mutationField("applyInsuranceRollover", (t) =>
  t.field({
    type: RolloverResultRef,
    description:
      "年度更新 (staff): enrols everyone the preview lists, with last year's plan; idempotent (a second run enrols nobody again)",
    errors: { types: mutationErrors },
    authScopes: { staff: true },
    args: { input: t.arg({ type: ApplyInsuranceRolloverInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      checkRolloverYear(input.fiscalYear, "input.fiscalYear");
      return applyInsuranceRollover(ctx, { ...input, enrolledOn: input.enrolledOn ?? todayInJapan() });
    },
  }),
);
