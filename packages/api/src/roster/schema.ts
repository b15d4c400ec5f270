// roster — 名簿: who belongs to a group, in which role (GroupRole), from when to when. A role change
// or a transfer ends one Membership and starts another, so history is kept.
//  - Group.roster: a group's members in 五十音 order, with search, filters, insurance and hours of
//    the fiscal year (loaded for the whole page at once). Readable by the viewers whose role
//    reaches the group (auth scope `group`); a non-staff read of a tier-restricted roster is audited.
//  - addMembership / endMembership / transferMembership / changeMembershipRole: staff, or the
//    coordinator / subcommittee member / salon leader of the group (membership.ts).
//  - createPerson: staff register a new volunteer.
//  - rosterCsv: the roster as a CSV for Excel (csv.ts); never anything of the juvenile programme.
//  - Person.memberships: a person's memberships over time (the person page), under the rule of
//    Person.name; besides staff and the person themself, only rows of groups the viewer's role reaches.
import DataLoader from "dataloader";
import type { GraphQLResolveInfo } from "graphql";
import { z } from "zod";

import { currentFiscalYear, todayInJapan } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { auditRestrictedRead } from "../audit/audit.ts";
import { builder, EXPENSIVE_FIELD } from "../builder.ts";
import { memo, signedIn, type Context } from "../context.ts";
import { mutationErrors } from "../error-types.ts";
import type { Bilingual } from "../errors.ts";
import { groupAccess, groupAccessSelect, groupPrivacy, scopedGroupIds } from "../organization/access.ts";
import { personVisibility } from "../person/access.ts";
import { blankToNull, personFieldRules, storedKana, storedPhone } from "../person/fields.ts";
import { bilingual, dayUntil, uuid } from "../validation.ts";
import { rosterCsv, type CsvFile } from "./csv.ts";
import { addMembership, changeMembershipRole, createPerson, endMembership, transferMembership } from "./membership.ts";
import { readRoster, rosterFieldsCovered, type RosterFigures } from "./page.ts";
import { pageIds, rosterOrder, sortRoster } from "./query.ts";
import { approvedMinutes, insuredPeople, loadByYear, loaderKey, minutesToHours } from "./stats.ts";

builder.prismaObject("GroupRole", {
  description: "団体内の役割 — 代表, 部会長, 副代表, 会計, 書記, メンバー, 子ども福祉委員, サポーター (data)",
  fields: (t) => ({
    id: t.exposeID("id"),
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    nameEn: t.exposeString("nameEn"),
    isLeader: t.exposeBoolean("isLeader"),
    singleHolder: t.exposeBoolean("singleHolder", {
      description: "at most one current holder per group (代表, 部会長): a new holder needs endCurrentHolder (hand-over)",
    }),
  }),
});

/**
 * The fiscal year a roster row was read for (the roster's `fiscalYear` argument), so that
 * insuredThisYear and hoursThisYear answer for that year; rows read elsewhere use the current one.
 */
const rowFiscalYear = new WeakMap<object, number>();

/** Insurance and minutes of a row read by the one-statement roster read (page.ts), for its fiscal year. */
const rowFigures = new WeakMap<object, RosterFigures>();

interface FigureLoaders {
  insured: DataLoader<string, boolean>;
  hours: DataLoader<string, number>;
}
const loadersOf = new WeakMap<Context, FigureLoaders>();

/** Per request: insurance and hours of rows read elsewhere, one statement each per page (stats.ts). */
function figureLoaders(ctx: Context): FigureLoaders {
  let loaders = loadersOf.get(ctx);
  if (!loaders) {
    const orgId = signedIn(ctx).orgId;
    loaders = {
      insured: new DataLoader((keys: readonly string[]) =>
        loadByYear(keys, async (fy, ids) => {
          const insured = await insuredPeople(orgId, fy, ids);
          return (id) => insured.has(id);
        }),
      ),
      hours: new DataLoader((keys: readonly string[]) =>
        loadByYear(keys, async (fy, ids) => {
          const minutes = await approvedMinutes(orgId, fy, ids);
          return (id) => minutesToHours(minutes.get(id) ?? 0);
        }),
      ),
    };
    loadersOf.set(ctx, loaders);
  }
  return loaders;
}

const MembershipRef = builder.prismaObject("Membership", {
  description: "A person's place in a group for a period (所属). History rows have endedOn set.",
  fields: (t) => ({
    id: t.exposeID("id"),
    person: t.relation("person"),
    group: t.relation("group"),
    groupRole: t.relation("groupRole"),
    startedOn: t.expose("startedOn", { type: "Date", description: "first day in this role" }),
    joinedOn: t.field({
      type: "Date",
      description: "the day the person joined the group: kept across role changes (startedOn when this row is the first)",
      select: { startedOn: true, joinedOn: true },
      resolve: (m) => m.joinedOn ?? m.startedOn,
    }),
    endedOn: t.expose("endedOn", { type: "Date", nullable: true }),
    endReason: t.exposeString("endReason", { nullable: true }),
    isCurrent: t.boolean({
      description: "not ended, or ending today or later",
      select: { endedOn: true },
      resolve: (m) => m.endedOn === null || m.endedOn >= todayInJapan(),
    }),
    insuredThisYear: t.field({
      type: "Boolean",
      description: "enrolled in ボランティア活動保険 for the roster's fiscal year (年度)",
      // rows of the one-statement roster read carry it (page.ts); others are loaded a page at once
      resolve: (m, _args, ctx) =>
        rowFigures.get(m)?.insured ?? figureLoaders(ctx).insured.load(loaderKey(rowFiscalYear.get(m) ?? currentFiscalYear(), m.personId)),
    }),
    hoursThisYear: t.field({
      type: "Float",
      description: "hours of approved activity in the roster's fiscal year, across all groups",
      resolve: (m, _args, ctx) => {
        const figures = rowFigures.get(m);
        if (figures) return minutesToHours(figures.minutes);
        return figureLoaders(ctx).hours.load(loaderKey(rowFiscalYear.get(m) ?? currentFiscalYear(), m.personId));
      },
    }),
  }),
});

builder.prismaObjectFields("Person", (t) => ({
  memberships: t.field({
    type: [MembershipRef],
    nullable: true,
    description:
      "所属の履歴: current and ended memberships, newest start first. Visible to whoever may see the person's name; other than staff and the person, only the groups the viewer's role reaches",
    select: (_args, _ctx, nestedSelection) => ({
      id: true,
      displayName: true,
      childVolunteer: { select: { id: true, schoolId: true } },
      // the same relation personVisibility reads (groupId), so the two selections merge
      // into one query; ordered here rather than by orderBy, which would make them differ
      memberships: nestedSelection({ select: { groupId: true, startedOn: true, id: true } }),
    }),
    authScopes: (person, _args, ctx) => personVisibility(ctx, person).name,
    resolve: (person, _args, ctx) => {
      const viewer = signedIn(ctx);
      const all = viewer.isStaff || viewer.personId === person.id;
      const reach = new Set(scopedGroupIds(viewer));
      return person.memberships
        .filter((m) => all || reach.has(m.groupId))
        .sort((a, b) => b.startedOn.getTime() - a.startedOn.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)) as never;
    },
  }),
}));

const fiscalYearArg = z
  .number()
  .int()
  .min(2000, bilingual({ ja: "年度は2000〜2100の範囲で指定してください。", en: "The fiscal year must be between 2000 and 2100." }))
  .max(2100, bilingual({ ja: "年度は2000〜2100の範囲で指定してください。", en: "The fiscal year must be between 2000 and 2100." }));

interface RosterArgs {
  search?: string | null;
  includeEnded?: boolean | null;
  roleCode?: string | null;
  insured?: boolean | null;
  fiscalYear?: number | null;
}

/**
 * A roster's rows in 五十音 order, once per request and filter: in one statement with every field
 * when the roster's fields are all ones page.ts answers and there is no search (then `rows` has
 * them by id), else the ids by query.ts rosterOrder (the page then read by Prisma).
 */
function rosterRead(
  ctx: Context,
  groupId: string,
  args: RosterArgs,
  info: GraphQLResolveInfo,
): Promise<{ ids: string[]; rows: Map<string, object> | null }> {
  const filter = rosterFilter(args);
  const fields = filter.search ? null : rosterFieldsCovered(info);
  if (!fields?.covered) return rosterOrder(ctx, groupId, filter).then((ids) => ({ ids, rows: null }));
  return memo(ctx, `roster-read:${groupId}:${fields.figures}:${JSON.stringify(filter)}`, async () => {
    const read = await readRoster(signedIn(ctx), groupId, filter, fields.figures);
    for (const { row, figures } of read) if (figures) rowFigures.set(row, figures);
    const sorted = sortRoster(
      ctx,
      read.map((r) => r.row),
    );
    return { ids: sorted.map((r) => r.id), rows: new Map(sorted.map((r) => [r.id, r])) };
  });
}

const rosterFilter = (args: RosterArgs) => ({
  search: args.search,
  includeEnded: args.includeEnded,
  roleCode: args.roleCode,
  insured: args.insured,
  fiscalYear: args.fiscalYear ?? currentFiscalYear(),
});

builder.prismaObjectFields("Group", (t) => ({
  viewerCanManageRoster: t.boolean({
    description: "Whether the viewer may read this group's roster and change its memberships (the roster's `group` scope)",
    select: groupAccessSelect,
    resolve: (group, _args, ctx) => groupAccess(ctx.viewer, group),
  }),
}));

builder.prismaObjectField("Group", "roster", (t) =>
  t.prismaConnection({
    type: "Membership",
    cursor: "id",
    nullable: true,
    description: "名簿: members in 五十音 order (by ふりがな). Current members unless includeEnded (then the role history too).",
    authScopes: (group) => ({ group: group.id }),
    args: {
      search: t.arg.string({
        description: "part of the name, ふりがな (hiragana or katakana) or 表示名; several words must all match",
        validate: z
          .string()
          .max(100, bilingual({ ja: "検索語は100文字以内にしてください。", en: "The search is limited to 100 characters." })),
      }),
      includeEnded: t.arg.boolean({ defaultValue: false, description: "include ended memberships (history)" }),
      roleCode: t.arg.string({ description: "only this group role, e.g. representative" }),
      insured: t.arg.boolean({ description: "only people insured (true) or not insured (false) in the fiscal year" }),
      fiscalYear: t.arg.int({ description: "年度 of insurance and hours; default the current one", validate: fiscalYearArg }),
    },
    totalCount: async (group, args, ctx, info) => (await rosterRead(ctx, group.id, args, info)).ids.length,
    resolve: async ({ cursor, take, skip, ...selection }, group, args, ctx, info) => {
      const filter = rosterFilter(args);
      // 五十音 order is decided here, not by the database's collation (query.ts): the order
      // of the whole roster (a group's members: small), then the page's rows
      const read = await rosterRead(ctx, group.id, args, info);
      const ids = pageIds(read.ids, {
        take,
        skip,
        cursor: cursor as { id?: unknown } | undefined,
      });
      let rows: object[];
      if (read.rows) {
        // the one-statement read (page.ts) has every row already
        const byId = read.rows;
        rows = ids.flatMap((id) => byId.get(id) ?? []);
      } else {
        const found = await prisma().membership.findMany({ ...selection, where: { id: { in: ids } } });
        const byId = new Map(found.map((r) => [r.id, r]));
        rows = ids.flatMap((id) => byId.get(id) ?? []);
      }
      // rows of the one-statement read carry their figures (rowFigures) already
      if (!read.rows) for (const row of rows) rowFiscalYear.set(row, filter.fiscalYear);
      const privacy = await groupPrivacy(ctx, group.id);
      if (privacy && privacy.privacyTier !== "OPEN") {
        // the page itself, without the extra row fetched to know whether there is a next page
        const page = rows.length === Math.abs(take) ? (take < 0 ? rows.slice(1) : rows.slice(0, -1)) : rows;
        await auditRestrictedRead(
          ctx,
          "Membership",
          page.map((r) => (r as { id: string }).id),
        );
      }
      return rows as never;
    },
  }),
);

builder.queryFields((t) => ({
  groupRoles: t.prismaField({
    type: ["GroupRole"],
    description: "The organisation's group roles, for roster forms",
    resolve: (query, _root, _args, ctx) =>
      prisma().groupRole.findMany({ ...query, where: { orgId: signedIn(ctx).orgId }, orderBy: { sortOrder: "asc" } }),
  }),
}));

// ───────────────────────── CSV export ─────────────────────────

export const CsvFileRef = builder.objectRef<CsvFile>("CsvFile").implement({
  description: "A CSV file for download: UTF-8 with a BOM and CRLF line endings (for Excel on Japanese Windows)",
  fields: (t) => ({
    filename: t.exposeString("filename"),
    mimeType: t.exposeString("mimeType"),
    text: t.exposeString("text"),
  }),
});

builder.queryField("rosterCsv", (t) =>
  t.field({
    type: CsvFileRef,
    nullable: true,
    description:
      "名簿のCSV: the columns the viewer may see only; refused for juvenile-programme groups (少年法61条). Audited as an export.",
    authScopes: (_root, args) => ({ group: String(args.groupId) }),
    complexity: EXPENSIVE_FIELD,
    args: {
      groupId: t.arg.id({ required: true }),
      fiscalYear: t.arg.int({ validate: fiscalYearArg }),
      includeEnded: t.arg.boolean({ defaultValue: false }),
    },
    resolve: (_root, args, ctx) =>
      rosterCsv(ctx, String(args.groupId), {
        fiscalYear: args.fiscalYear ?? currentFiscalYear(),
        includeEnded: args.includeEnded ?? false,
      }),
  }),
);

// ───────────────────────── changes ─────────────────────────

const id = (what: Bilingual) => uuid({ ja: `${what.ja}のIDが正しくありません。`, en: `Not a valid ${what.en} id.` });

const date = (what: Bilingual) =>
  dayUntil({ ja: `${what.ja}は1年以内の日付にしてください。`, en: `The ${what.en} must be within a year from today.` }, 366).min(
    new Date("1950-01-01T00:00:00Z"),
    bilingual({ ja: `${what.ja}が古すぎます（1950年以降）。`, en: `The ${what.en} must be in 1950 or later.` }),
  );

const roleCode = z
  .string()
  .trim()
  .min(1, bilingual({ ja: "役割を選んでください。", en: "Choose a role." }))
  .max(50, bilingual({ ja: "役割コードが長すぎます。", en: "The role code is too long." }));

const reason = (required: boolean) => {
  const s = z
    .string()
    .trim()
    .max(200, bilingual({ ja: "理由は200文字以内にしてください。", en: "The reason is limited to 200 characters." }));
  return required ? s.min(1, bilingual({ ja: "終了の理由を入力してください。", en: "Give a reason for ending." })) : s;
};

const handOverRules = { endCurrentHolder: z.boolean().nullish(), previousHolderRoleCode: roleCode.nullish() };

// Each input is validated as a whole, so every problem of a form is reported at once (a schema
// per field would stop at the first). Paths come out as "input.<field>".

const AddMembershipInput = builder.inputType("AddMembershipInput", {
  fields: (t) => ({
    groupId: t.id({ required: true }),
    personId: t.id({ required: true }),
    roleCode: t.string({ required: true, description: "a GroupRole code of the group's kind (Group.availableRoles), e.g. member" }),
    startedOn: t.field({ type: "Date", required: true }),
    endCurrentHolder: t.boolean({
      description:
        "for a single-holder role (代表, 部会長): end the current holder's role the day before (hand-over); without it a second holder is refused",
    }),
    previousHolderRoleCode: t.string({
      description: "with endCurrentHolder: the role the previous holder continues in (e.g. member); none: they leave the group",
    }),
  }),
  validate: z.object({
    groupId: id({ ja: "団体", en: "group" }),
    personId: id({ ja: "人", en: "person" }),
    roleCode,
    startedOn: date({ ja: "開始日", en: "start date" }),
    ...handOverRules,
  }),
});

const EndMembershipInput = builder.inputType("EndMembershipInput", {
  fields: (t) => ({
    membershipId: t.id({ required: true }),
    endedOn: t.field({ type: "Date", required: true }),
    reason: t.string({ required: true, description: "終了理由, kept with the history" }),
  }),
  validate: z.object({
    membershipId: id({ ja: "所属", en: "membership" }),
    endedOn: date({ ja: "終了日", en: "end date" }),
    reason: reason(true),
  }),
});

const TransferMembershipInput = builder.inputType("TransferMembershipInput", {
  fields: (t) => ({
    membershipId: t.id({ required: true }),
    toGroupId: t.id({ required: true }),
    roleCode: t.string({ description: "the role in the target group; default the current one" }),
    on: t.field({
      type: "Date",
      required: true,
      description: "first day in the target group (the current membership ends the day before)",
    }),
    reason: t.string({ description: "end reason of the current membership; default 異動（…へ）" }),
    endCurrentHolder: t.boolean({
      description:
        "for a single-holder role (代表, 部会長): end the current holder's role the day before (hand-over); without it a second holder is refused",
    }),
    previousHolderRoleCode: t.string({
      description: "with endCurrentHolder: the role the previous holder continues in (e.g. member); none: they leave the group",
    }),
  }),
  validate: z.object({
    membershipId: id({ ja: "所属", en: "membership" }),
    toGroupId: id({ ja: "異動先の団体", en: "target group" }),
    roleCode: roleCode.nullish(),
    on: date({ ja: "異動日", en: "transfer date" }),
    reason: reason(false).nullish(),
    ...handOverRules,
  }),
});

const ChangeMembershipRoleInput = builder.inputType("ChangeMembershipRoleInput", {
  fields: (t) => ({
    membershipId: t.id({ required: true }),
    roleCode: t.string({ required: true }),
    on: t.field({
      type: "Date",
      required: true,
      description: "first day in the new role (the current membership ends the day before)",
    }),
    reason: t.string({ description: "end reason of the current membership; default 役割変更（… → …）" }),
    endCurrentHolder: t.boolean({
      description:
        "for a single-holder role (代表, 部会長): end the current holder's role the day before (hand-over); without it a second holder is refused",
    }),
    previousHolderRoleCode: t.string({
      description: "with endCurrentHolder: the role the previous holder continues in (e.g. member); none: they leave the group",
    }),
  }),
  validate: z.object({
    membershipId: id({ ja: "所属", en: "membership" }),
    roleCode,
    on: date({ ja: "変更日", en: "change date" }),
    reason: reason(false).nullish(),
    ...handOverRules,
  }),
});

const MembershipChangeRef = builder.objectRef<{ ended: { id: string }; started: { id: string } }>("MembershipChange").implement({
  description: "A transfer or role change: the membership that ended and the one that started",
  fields: (t) => ({
    ended: t.field({ type: MembershipRef, resolve: (c) => c.ended as never }),
    started: t.field({ type: MembershipRef, resolve: (c) => c.started as never }),
  }),
});

const CreatePersonInput = builder.inputType("CreatePersonInput", {
  fields: (t) => ({
    legalName: t.string({ required: true, description: "氏名" }),
    legalNameKana: t.string({ required: true, description: "ふりがな in hiragana or katakana; stored in hiragana" }),
    displayName: t.string({ description: "表示名・ニックネーム, shown instead of the legal name" }),
    phone: t.string(),
    email: t.string(),
    areaId: t.id({ description: "日常生活圏域" }),
    acknowledgeDuplicates: t.boolean({
      description:
        "save although people with the same ふりがな, or the same name and phone, are registered (the answer was CONFIRMATION_REQUIRED)",
    }),
  }),
  validate: z.object({
    legalName: personFieldRules.legalName,
    legalNameKana: personFieldRules.legalNameKana,
    displayName: personFieldRules.displayName,
    phone: personFieldRules.phone,
    email: personFieldRules.email,
    areaId: id({ ja: "地区", en: "area" }).nullish(),
    acknowledgeDuplicates: z.boolean().nullish(),
  }),
});

builder.mutationFields((t) => ({
  addMembership: t.prismaField({
    type: "Membership",
    description: "Puts a person on a group's roster in a role from a date",
    authScopes: (_root, args) => ({ group: String(args.input.groupId) }),
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AddMembershipInput, required: true }) },
    resolve: (query, _root, { input }, ctx) =>
      addMembership(
        ctx,
        {
          groupId: String(input.groupId),
          personId: String(input.personId),
          roleCode: input.roleCode.trim(),
          startedOn: input.startedOn,
          endCurrentHolder: input.endCurrentHolder ?? false,
          previousHolderRoleCode: input.previousHolderRoleCode?.trim() || null,
        },
        query,
      ),
  }),
  endMembership: t.prismaField({
    type: "Membership",
    description: "Ends a membership on a date, with a reason (the row is kept as history)",
    // the group is known only once the membership is loaded: checked inside (membership.ts)
    authScopes: { signedIn: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: EndMembershipInput, required: true }) },
    resolve: (query, _root, { input }, ctx) =>
      endMembership(ctx, { membershipId: String(input.membershipId), endedOn: input.endedOn, reason: input.reason }, query),
  }),
  transferMembership: t.field({
    type: MembershipChangeRef,
    description: "Moves a member to another group: ends the membership the day before `on`, starts one in the target on `on`",
    authScopes: (_root, args) => ({ group: String(args.input.toGroupId) }),
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: TransferMembershipInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      transferMembership(ctx, {
        membershipId: String(input.membershipId),
        toGroupId: String(input.toGroupId),
        roleCode: input.roleCode?.trim() || null,
        on: input.on,
        reason: input.reason ?? null,
        endCurrentHolder: input.endCurrentHolder ?? false,
        previousHolderRoleCode: input.previousHolderRoleCode?.trim() || null,
      }),
  }),
  changeMembershipRole: t.field({
    type: MembershipChangeRef,
    description:
      "Changes a member's role from `on`: ends the membership the day before and starts one in the new role, keeping joinedOn. A single-holder role (代表) held by someone else needs endCurrentHolder",
    authScopes: { signedIn: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: ChangeMembershipRoleInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      changeMembershipRole(ctx, {
        membershipId: String(input.membershipId),
        roleCode: input.roleCode.trim(),
        on: input.on,
        reason: input.reason ?? null,
        endCurrentHolder: input.endCurrentHolder ?? false,
        previousHolderRoleCode: input.previousHolderRoleCode?.trim() || null,
      }),
  }),
  createPerson: t.prismaField({
    type: "Person",
    description: "Registers a new volunteer (staff only); put them on a roster with addMembership",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CreatePersonInput, required: true }) },
    resolve: (query, _root, { input }, ctx) =>
      createPerson(
        ctx,
        {
          legalName: input.legalName.trim(),
          legalNameKana: storedKana(input.legalNameKana),
          displayName: blankToNull(input.displayName),
          phone: storedPhone(input.phone),
          email: blankToNull(input.email),
          areaId: input.areaId ? String(input.areaId) : null,
        },
        input.acknowledgeDuplicates ?? false,
        query,
      ),
  }),
}));
