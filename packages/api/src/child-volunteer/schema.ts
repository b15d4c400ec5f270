// child-volunteer — 子ども福祉委員: pupils who volunteer through their school's group. Children are
// minors (docs/domain.md, privacy tier CHILD): a child's record — name, school, grade, guardian contact,
// consents — is seen only by staff and by the coordinators of the child's school; every read by
// anyone else than staff is audited (one entry per request). Registration one by one or by CSV, and
// the April school-year rollover (学年 +1, leavers become alumni, never deleted).
import { z } from "zod";

import { fiscalYearOf, todayInJapan } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { auditRestrictedRead } from "../audit/audit.ts";
import { builder, EXPENSIVE_FIELD } from "../builder.ts";
import { ConsentFormInput, consentState, ConsentStateEnum } from "../consent/schema.ts";
import { signedIn, type Context } from "../context.ts";
import { mutationErrors } from "../error-types.ts";
import { fieldIssue, ForbiddenError, InvalidInputError } from "../errors.ts";
import { personLegalNameVisibleWhere, primePersonLegalNames } from "../person/access.ts";
import { required } from "../required.ts";
import { bilingual, uuidOf } from "../validation.ts";
import {
  auditChildRead,
  canSeeChild,
  managedSchoolGroup,
  managesSchoolGroup,
  managesSchoolGroupSelect,
  type SchoolGroup,
} from "./access.ts";
import {
  previewImport,
  previewIssues,
  type ImportIssue,
  type ImportPreview,
  type ImportRow,
  type ImportRowStatus,
  type PreviewParams,
} from "./csv.ts";
import { importChildVolunteers } from "./import.ts";
import { existingChildrenByName, registerChildVolunteer } from "./register.ts";
import { applySchoolYearRollover, planRollover, type RolloverEntry, type RolloverOutcome, type RolloverPlan } from "./rollover.ts";
import { childDetailsSchema, normalizeText, notInFuture, type ConsentTerms } from "./validation.ts";

const SchoolKindEnum = builder.enumType("SchoolKind", {
  description: "PRIMARY 小学校 (学年 1–6), JUNIOR_HIGH 中学校 (1–3), COMPULSORY 義務教育学校 (1–9)",
  values: ["PRIMARY", "JUNIOR_HIGH", "COMPULSORY"] as const,
});

const ChildVolunteerStatusEnum = builder.enumType("ChildVolunteerStatus", {
  description: "ACTIVE, or ALUMNI (卒業生: kept, never deleted)",
  values: ["ACTIVE", "ALUMNI"] as const,
});

builder.prismaObject("School", {
  description: "学校 — a school with 子ども福祉委員",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: SchoolKindEnum }),
  }),
});

/**
 * Every consent of the child, in the order the `consents` field lists them: the flags and that
 * field then share one selection, so a roster loads consents in one statement.
 */
const consentOrder = [{ recordedAt: "asc" as const }, { id: "asc" as const }];
const consentsSelect = { consents: { orderBy: consentOrder, select: { kind: true, granted: true, withdrawnAt: true } } };

type ConsentFlags = { consents: Array<{ kind: string; granted: boolean; withdrawnAt: Date | null }> };
const inForce = (child: ConsentFlags, kind: "GUARDIAN_ACTIVITY" | "PHOTO_PUBLICATION") =>
  child.consents.some((c) => c.kind === kind && c.granted && c.withdrawnAt === null);

builder.prismaObject("ChildVolunteer", {
  description: "子ども福祉委員 — a child volunteer: staff and the coordinators of the child's school only",
  runScopesOnType: true,
  authScopes: async (child, ctx) => {
    if (!(await canSeeChild(ctx, child))) return false;
    await auditChildRead(ctx, child.id);
    return true;
  },
  fields: (t) => ({
    id: t.exposeID("id"),
    person: t.relation("person"),
    school: t.relation("school"),
    grade: t.exposeInt("grade", { description: "学年 within the school" }),
    status: t.expose("status", { type: ChildVolunteerStatusEnum }),
    alumniSince: t.expose("alumniSince", { type: "Date", nullable: true }),
    guardianName: t.exposeString("guardianName"),
    guardianKana: t.exposeString("guardianKana", { nullable: true }),
    guardianRelation: t.exposeString("guardianRelation", { nullable: true, description: "続柄 (母, 父, 祖母 …)" }),
    guardianPhone: t.exposeString("guardianPhone", { nullable: true }),
    guardianEmail: t.exposeString("guardianEmail", { nullable: true }),
    registeredAt: t.expose("createdAt", { type: "DateTime" }),
    consents: t.relation("consents", {
      description: "every consent recorded, withdrawn ones included, oldest first",
      query: { orderBy: consentOrder },
    }),
    hasActivityConsent: t.boolean({
      description: "保護者同意: a granted, unwithdrawn GUARDIAN_ACTIVITY consent exists (needed before any activity is logged)",
      select: consentsSelect,
      resolve: (child) => inForce(child, "GUARDIAN_ACTIVITY"),
    }),
    photoConsent: t.boolean({
      description: "写真掲載同意: a granted, unwithdrawn PHOTO_PUBLICATION consent exists",
      select: consentsSelect,
      resolve: (child) => inForce(child, "PHOTO_PUBLICATION"),
    }),
    activityConsentState: t.field({
      type: ConsentStateEnum,
      description: "保護者同意 as the list shows it: 未提出, 同意, 不同意 or 撤回",
      select: consentsSelect,
      resolve: (child) => consentState(child.consents, "GUARDIAN_ACTIVITY"),
    }),
    photoConsentState: t.field({
      type: ConsentStateEnum,
      description: "写真掲載同意 as the list shows it: 未提出, 同意, 不同意 or 撤回",
      select: consentsSelect,
      resolve: (child) => consentState(child.consents, "PHOTO_PUBLICATION"),
    }),
  }),
});

/** The school group, or FORBIDDEN: the scope check of every field here. */
async function requireSchoolGroup(ctx: Context, groupId: string | number): Promise<SchoolGroup> {
  const group = await managedSchoolGroup(ctx, String(groupId));
  if (!group) throw new ForbiddenError();
  return group;
}

const canManage = async (ctx: Context, groupId: string | number) => (await managedSchoolGroup(ctx, String(groupId))) !== null;

const kanaOrder = [{ person: { legalNameKana: "asc" as const } }, { id: "asc" as const }];

// ───────────────────────── reading ─────────────────────────

builder.prismaObjectFields("Group", (t) => ({
  viewerCanManageChildVolunteers: t.boolean({
    description: "Whether this is a school group whose 子ども福祉委員 the viewer may see and manage (staff, or its coordinator)",
    select: managesSchoolGroupSelect,
    resolve: (group, _args, ctx) => managesSchoolGroup(ctx.viewer, group),
  }),
}));

builder.queryFields((t) => ({
  childVolunteers: t.prismaField({
    type: ["ChildVolunteer"],
    nullable: true,
    description: "The children of a school's 子ども福祉委員 group, in 五十音 order (staff and that school's coordinators)",
    args: {
      groupId: t.arg.id({ required: true, description: "the school's 子ども福祉委員 group" }),
      status: t.arg({ type: ChildVolunteerStatusEnum, description: "ACTIVE or ALUMNI; both when omitted" }),
    },
    authScopes: (_root, args, ctx) => canManage(ctx, args.groupId),
    resolve: async (query, _root, args, ctx) => {
      const group = await requireSchoolGroup(ctx, args.groupId);
      const where = { orgId: group.orgId, schoolId: group.schoolId, ...(args.status ? { status: args.status } : {}) };
      const viewer = signedIn(ctx);
      const asked = query as { include?: { person?: unknown }; select?: { person?: unknown } };
      if (viewer.isStaff || !(asked.include?.person ?? asked.select?.person)) {
        return prisma().childVolunteer.findMany({ ...query, where, orderBy: kanaOrder });
      }
      // a coordinator: a child's name fields select no legal name (../person/access.ts); the legal
      // names the coordinator may see (the children without a nickname) come in the same statement,
      // through the school, for personLegalName
      const school = await prisma().school.findUniqueOrThrow({
        where: { id: group.schoolId },
        select: {
          childVolunteers: { ...query, where, orderBy: kanaOrder },
          organization: {
            select: {
              people: {
                where: { childVolunteer: { is: where }, AND: [personLegalNameVisibleWhere(viewer) ?? {}] },
                select: { id: true, legalName: true, legalNameKana: true },
              },
            },
          },
        },
      });
      primePersonLegalNames(ctx, school.organization.people);
      return school.childVolunteers;
    },
  }),
  childVolunteer: t.prismaField({
    type: "ChildVolunteer",
    nullable: true,
    description:
      "One child volunteer: staff and the coordinators of the child's school; null for anyone else, as for an unknown id (existence is not revealed)",
    args: { id: t.arg.id({ required: true, validate: uuidOf({ ja: "子ども福祉委員", en: "child volunteer" }) }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) => {
      const where = { id: String(args.id), orgId: signedIn(ctx).orgId };
      const found = await prisma().childVolunteer.findFirst({ where, select: { orgId: true, schoolId: true } });
      if (!found || !(await canSeeChild(ctx, found))) return null;
      return prisma().childVolunteer.findFirst({ ...query, where });
    },
  }),
}));

// ───────────────────────── registering one child ─────────────────────────

const RegisterChildVolunteerInput = builder.inputType("RegisterChildVolunteerInput", {
  fields: (t) => ({
    groupId: t.id({ required: true, description: "the school's 子ども福祉委員 group; the child's school is its school" }),
    legalName: t.string({ required: true, description: "氏名" }),
    legalNameKana: t.string({ required: true, description: "ふりがな (katakana is turned into hiragana)" }),
    grade: t.int({ required: true, description: "学年: 小学校 1–6, 中学校 1–3" }),
    guardianName: t.string({ required: true, description: "保護者氏名" }),
    guardianKana: t.string(),
    guardianRelation: t.string({ description: "続柄 (母, 父, 祖母 …)" }),
    guardianPhone: t.string(),
    guardianEmail: t.string(),
    joinedOn: t.field({ type: "Date", description: "the day the child joined the group; default today" }),
    activityConsent: t.field({ type: ConsentFormInput, description: "保護者同意 (活動参加), if the form came back" }),
    photoConsent: t.field({ type: ConsentFormInput, description: "写真掲載同意, if the form came back" }),
  }),
  validate: childDetailsSchema.extend({
    groupId: z.string(),
    joinedOn: notInFuture({ ja: "参加日", en: "joining date" }).nullish(),
    activityConsent: z.custom<ConsentTerms>().nullish(),
    photoConsent: z.custom<ConsentTerms>().nullish(),
  }),
});

builder.mutationField("registerChildVolunteer", (t) =>
  t.prismaField({
    type: "ChildVolunteer",
    description: "Registers a child: Person, ChildVolunteer, membership of the school group (子ども福祉委員) and consents, at once",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: RegisterChildVolunteerInput, required: true }) },
    authScopes: (_root, { input }, ctx) => canManage(ctx, input.groupId),
    resolve: async (query, _root, { input }, ctx) => {
      const group = await requireSchoolGroup(ctx, input.groupId);
      const childVolunteerId = await registerChildVolunteer(ctx, group, input);
      return prisma().childVolunteer.findUniqueOrThrow({ ...query, where: { id: childVolunteerId } });
    },
  }),
);

// ───────────────────────── CSV import ─────────────────────────

const CsvEncodingEnum = builder.enumType("CsvEncoding", {
  description:
    "How the csv argument is sent. TEXT: the CSV text itself (a UTF-8 BOM is ignored). BASE64: the file's bytes in base64, " +
    "as read from disk — UTF-8 (with or without BOM) or Shift_JIS/CP932 (Excel's 「CSV（コンマ区切り）」 in Japan), detected",
  values: ["TEXT", "BASE64"] as const,
});

const ImportConsentTermsInput = builder.inputType("ImportConsentTermsInput", {
  description:
    "The consent forms the file's 活動同意 / 写真同意 columns refer to. Omitted: the scope and version of the latest consent " +
    "of each kind recorded in the organisation",
  fields: (t) => ({
    policyVersion: t.string({ required: true }),
    activityScope: t.string({ description: "scope of the 保護者同意 (活動参加) form" }),
    photoScope: t.string({ description: "scope of the 写真掲載同意 form" }),
  }),
  validate: z.object({
    policyVersion: z
      .string()
      .transform(normalizeText)
      .pipe(
        z
          .string()
          .min(1, bilingual({ ja: "版を入力してください。", en: "Enter the policy version." }))
          .max(40),
      ),
    activityScope: z.string().transform(normalizeText).nullish(),
    photoScope: z.string().transform(normalizeText).nullish(),
  }),
});

const ImportRowStatusEnum = builder.enumType("ChildVolunteerImportRowStatus", {
  description: "VALID: will be imported; INVALID: has errors; DUPLICATE: the same child is earlier in the file or already registered",
  values: ["VALID", "INVALID", "DUPLICATE"] satisfies ImportRowStatus[],
});

const ImportIssueRef = builder.objectRef<ImportIssue>("ChildVolunteerImportIssue").implement({
  description: "What is wrong with a row (or the whole file), in Japanese and English",
  fields: (t) => ({
    path: t.exposeString("path", { description: "rows.N.column (N: the file's row, the header being row 1), or csv" }),
    rowNumber: t.exposeInt("rowNumber", { nullable: true }),
    column: t.exposeString("column", { nullable: true }),
    message: t.exposeString("message"),
    messageEn: t.exposeString("messageEn"),
  }),
});

const ImportRowRef = builder.objectRef<ImportRow>("ChildVolunteerImportRow").implement({
  description: "One row of the file as it would be imported (values normalised: kana in hiragana, …)",
  fields: (t) => ({
    rowNumber: t.exposeInt("rowNumber", { description: "the file's row number; the header is row 1" }),
    status: t.field({ type: ImportRowStatusEnum, resolve: (r) => r.status }),
    legalName: t.exposeString("legalName", { nullable: true }),
    legalNameKana: t.exposeString("legalNameKana", { nullable: true }),
    grade: t.exposeInt("grade", { nullable: true }),
    guardianName: t.exposeString("guardianName", { nullable: true }),
    guardianKana: t.exposeString("guardianKana", { nullable: true }),
    guardianRelation: t.exposeString("guardianRelation", { nullable: true }),
    guardianPhone: t.exposeString("guardianPhone", { nullable: true }),
    guardianEmail: t.exposeString("guardianEmail", { nullable: true }),
    activityConsent: t.exposeBoolean("activityConsent", { nullable: true, description: "true 同意, false 不同意, null no form" }),
    photoConsent: t.exposeBoolean("photoConsent", { nullable: true }),
    issues: t.field({ type: [ImportIssueRef], resolve: (r) => r.issues }),
  }),
});

const ImportColumnRef = builder.objectRef<ImportPreview["headers"][number]>("ChildVolunteerImportColumn").implement({
  fields: (t) => ({
    header: t.exposeString("header", { description: "as written in row 1" }),
    field: t.exposeString("column", { nullable: true, description: "what it was read as (legalName, grade …); null: ignored" }),
  }),
});

const ImportPreviewRef = builder.objectRef<ImportPreview>("ChildVolunteerImportPreview").implement({
  description: "What importing the file would do; nothing has been written",
  fields: (t) => ({
    charset: t.exposeString("charset", { description: "UTF-8 or Shift_JIS, as detected" }),
    canImport: t.boolean({ resolve: (p) => previewIssues(p).length === 0 }),
    rowCount: t.int({ resolve: (p) => p.rows.length }),
    validCount: t.int({ resolve: (p) => p.rows.filter((r) => r.status === "VALID").length }),
    invalidCount: t.int({ description: "rows INVALID or DUPLICATE", resolve: (p) => p.rows.filter((r) => r.status !== "VALID").length }),
    columns: t.field({ type: [ImportColumnRef], resolve: (p) => p.headers }),
    rows: t.field({ type: [ImportRowRef], resolve: (p) => p.rows }),
    fileIssues: t.field({ type: [ImportIssueRef], description: "problems of the file as a whole", resolve: (p) => p.fileIssues }),
    issues: t.field({ type: [ImportIssueRef], description: "every problem, file and rows", resolve: (p) => previewIssues(p) }),
  }),
});

type GivenTerms = { policyVersion: string; activityScope?: string | null; photoScope?: string | null } | null | undefined;

/** The consent forms rows refer to: as given, else the latest recorded of each kind. */
async function importTerms(group: SchoolGroup, given: GivenTerms): Promise<PreviewParams["terms"]> {
  const latest = async (kind: "GUARDIAN_ACTIVITY" | "PHOTO_PUBLICATION") =>
    prisma().consent.findFirst({
      where: { orgId: group.orgId, kind },
      orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      select: { scope: true, policyVersion: true },
    });
  const pick = async (scope: string | null | undefined, kind: "GUARDIAN_ACTIVITY" | "PHOTO_PUBLICATION") =>
    given && scope ? { scope, policyVersion: given.policyVersion } : await latest(kind);
  return { activity: await pick(given?.activityScope, "GUARDIAN_ACTIVITY"), photo: await pick(given?.photoScope, "PHOTO_PUBLICATION") };
}

builder.queryField("previewChildVolunteerImport", (t) =>
  t.field({
    type: ImportPreviewRef,
    nullable: true,
    description: "Checks a CSV of children row by row (duplicates in the file and at the school included); writes nothing",
    complexity: EXPENSIVE_FIELD,
    args: {
      groupId: t.arg.id({ required: true }),
      csv: t.arg.string({ required: true, description: "the CSV: its text, or its bytes in base64 (see encoding)" }),
      encoding: t.arg({ type: CsvEncodingEnum, defaultValue: "TEXT" }),
      consentTerms: t.arg({ type: ImportConsentTermsInput }),
    },
    authScopes: (_root, args, ctx) => canManage(ctx, args.groupId),
    resolve: async (_root, args, ctx) => {
      const group = await requireSchoolGroup(ctx, args.groupId);
      const preview = previewImport({
        group,
        csv: args.csv,
        encoding: args.encoding ?? "TEXT",
        existing: await existingChildrenByName(prisma(), group.orgId, group.schoolId),
        terms: await importTerms(group, args.consentTerms),
        today: todayInJapan(),
      });
      // the preview tells which of the school's children the file names again
      await auditRestrictedRead(ctx, "ChildVolunteer", preview.duplicateOfExisting);
      return preview;
    },
  }),
);

builder.mutationField("importChildVolunteers", (t) =>
  t.prismaField({
    type: ["ChildVolunteer"],
    description:
      "Imports a CSV of children, all or nothing: only when every row is valid; otherwise INVALID_INPUT naming each bad row " +
      "(path rows.N.column) and nothing is written. Returns the children imported, in 五十音 order",
    errors: { types: mutationErrors },
    complexity: EXPENSIVE_FIELD,
    args: {
      groupId: t.arg.id({ required: true }),
      csv: t.arg.string({ required: true }),
      encoding: t.arg({ type: CsvEncodingEnum, defaultValue: "TEXT" }),
      consentTerms: t.arg({ type: ImportConsentTermsInput }),
    },
    authScopes: (_root, args, ctx) => canManage(ctx, args.groupId),
    resolve: async (query, _root, args, ctx) => {
      const group = await requireSchoolGroup(ctx, args.groupId);
      const terms = await importTerms(group, args.consentTerms);
      const ids = await importChildVolunteers(ctx, group, { csv: args.csv, encoding: args.encoding ?? "TEXT", terms });
      return prisma().childVolunteer.findMany({ ...query, where: { id: { in: ids } }, orderBy: kanaOrder });
    },
  }),
);

// ───────────────────────── the April school-year rollover ─────────────────────────

const RolloverOutcomeEnum = builder.enumType("SchoolYearRolloverOutcome", {
  description: "PROMOTED: 学年 +1; GRADUATES: leaves the school and becomes alumni; UNCHANGED: registered in the new school year already",
  values: ["PROMOTED", "GRADUATES", "UNCHANGED"] satisfies RolloverOutcome[],
});

const RolloverEntryRef = builder.objectRef<RolloverEntry>("SchoolYearRolloverEntry").implement({
  fields: (t) => ({
    childVolunteer: t.prismaField({
      type: "ChildVolunteer",
      // findUnique calls of one tick are batched by Prisma into one statement
      resolve: async (query, entry) =>
        required(
          await prisma().childVolunteer.findUnique({ ...query, where: { id: entry.childVolunteerId } }),
          "child volunteer of a grade history entry",
        ),
    }),
    gradeBefore: t.exposeInt("gradeBefore"),
    gradeAfter: t.exposeInt("gradeAfter", { nullable: true, description: "null for a leaver" }),
    becomesAlumni: t.boolean({ resolve: (e) => e.outcome === "GRADUATES" }),
    outcome: t.field({ type: RolloverOutcomeEnum, resolve: (e) => e.outcome }),
  }),
});

const RolloverPlanRef = builder.objectRef<RolloverPlan>("SchoolYearRollover").implement({
  description: "年度替わり — the school-year rollover of one school group for a fiscal year (April)",
  fields: (t) => ({
    fiscalYear: t.exposeInt("fiscalYear"),
    alumniSince: t.expose("alumniSince", { type: "Date", description: "April 1: leavers' alumniSince" }),
    membershipsEndOn: t.expose("membershipsEndOn", { type: "Date", description: "March 31: leavers' membership ends" }),
    appliedAt: t.expose("appliedAt", { type: "DateTime", nullable: true, description: "when it was applied; null if not yet" }),
    promotedCount: t.int({ resolve: (p) => p.entries.filter((e) => e.outcome === "PROMOTED").length }),
    graduatingCount: t.int({ resolve: (p) => p.entries.filter((e) => e.outcome === "GRADUATES").length }),
    entries: t.field({ type: [RolloverEntryRef], description: "the active children, in 五十音 order", resolve: (p) => p.entries }),
  }),
});

/** The rollover can be prepared and run for this 年度 (April past) or the next one (ahead of April). */
function checkRolloverYear(fiscalYear: number): void {
  const current = fiscalYearOf(todayInJapan());
  if (fiscalYear === current || fiscalYear === current + 1) return;
  throw new InvalidInputError([
    fieldIssue("fiscalYear", {
      ja: `進級処理の年度は今年度（${current}）か来年度（${current + 1}）です。`,
      en: `The rollover is for this fiscal year (${current}) or the next (${current + 1}).`,
    }),
  ]);
}

const fiscalYearArg = z
  .number()
  .int()
  .min(2000, bilingual({ ja: "年度が正しくありません。", en: "Not a valid fiscal year." }))
  .max(2100, bilingual({ ja: "年度が正しくありません。", en: "Not a valid fiscal year." }));

builder.queryField("previewSchoolYearRollover", (t) =>
  t.field({
    type: RolloverPlanRef,
    nullable: true,
    description:
      "What the April rollover of a fiscal year would do to a school group's children (grade before → after, who becomes alumni)",
    args: {
      groupId: t.arg.id({ required: true }),
      fiscalYear: t.arg.int({ required: true, description: "the 年度 that starts that April", validate: fiscalYearArg }),
    },
    authScopes: (_root, args, ctx) => canManage(ctx, args.groupId),
    resolve: async (_root, args, ctx) => {
      const group = await requireSchoolGroup(ctx, args.groupId);
      checkRolloverYear(args.fiscalYear);
      return planRollover(prisma(), group, args.fiscalYear);
    },
  }),
);

builder.mutationField("applySchoolYearRollover", (t) =>
  t.field({
    type: RolloverPlanRef,
    description:
      "Applies the April rollover at once: 学年 +1; leavers become alumni (April 1), their membership ends March 31. Once per school and year",
    errors: { types: mutationErrors },
    args: {
      groupId: t.arg.id({ required: true }),
      fiscalYear: t.arg.int({ required: true, validate: fiscalYearArg }),
    },
    authScopes: (_root, args, ctx) => canManage(ctx, args.groupId),
    resolve: async (_root, args, ctx) => {
      const group = await requireSchoolGroup(ctx, args.groupId);
      checkRolloverYear(args.fiscalYear);
      return applySchoolYearRollover(ctx, group, args.fiscalYear);
    },
  }),
);
