// organization — the 社協 itself, its areas, programmes (事業), group kinds and groups. Programmes
// and kinds are data. Group names and aggregate counts are visible to every signed-in account of
// the organisation, except juvenile-programme groups (staff and the institution liaison only).
// Staff create, edit and close groups (createGroup / updateGroup / closeGroup, group.ts).
import { z } from "zod";

import { prisma } from "@tsunagu/db/client";

import { auditRestrictedRead } from "../audit/audit.ts";
import { builder } from "../builder.ts";
import { signedIn, type Context } from "../context.ts";
import { mutationErrors } from "../error-types.ts";
import type { Bilingual } from "../errors.ts";
import { normaliseKana } from "../roster/kana.ts";
import { selectsOnly } from "../selection.ts";
import { ACKNOWLEDGE_NAME_WARNING, bilingual, dayUntil, optionalTextOf, pastDayOf, textOf, uuidOf } from "../validation.ts";
import { canSeeJuvenileProgramme, groupPrivacy, isVisibleGroup, visibleGroupsWhere, type GroupAccessInput } from "./access.ts";
import { closeGroup, createGroup, updateGroup, type GroupFields } from "./group.ts";

const PrivacyTierEnum = builder.enumType("PrivacyTier", {
  values: ["CHILD", "NETWORK", "SALON", "JUVENILE", "OPEN"] as const,
});

builder.prismaObject("Organization", {
  fields: (t) => ({
    id: t.exposeID("id"),
    slug: t.exposeString("slug"),
    name: t.exposeString("name"),
    nameEn: t.exposeString("nameEn"),
    municipality: t.exposeString("municipality"),
    areas: t.relation("areas", { query: { orderBy: { sortOrder: "asc" } } }),
    schools: t.relation("schools", { description: "学校 (for a school group's form)", query: { orderBy: { name: "asc" } } }),
  }),
});

builder.prismaObject("Area", {
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    nameKana: t.exposeString("nameKana"),
  }),
});

builder.prismaObject("Programme", {
  description: "事業 — a programme of the volunteer centre",
  fields: (t) => ({
    id: t.exposeID("id"),
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    nameEn: t.exposeString("nameEn"),
    description: t.exposeString("description", { nullable: true }),
    privacyTier: t.expose("privacyTier", { type: PrivacyTierEnum }),
    groupKinds: t.relation("groupKinds"),
  }),
});

builder.prismaObject("GroupKind", {
  fields: (t) => ({
    id: t.exposeID("id"),
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    nameEn: t.exposeString("nameEn"),
  }),
});

/**
 * The Group fields that the group's privacy row (access.ts groupPrivacy: its organisation, programme
 * and privacy tier) answers: its id, the roster (which needs only the id) and viewerCanManageRoster
 * (groupAccessSelect).
 */
const GROUP_FIELDS_OF_PRIVACY: ReadonlySet<string> = new Set(["__typename", "id", "roster", "viewerCanManageRoster"]);

/**
 * A group by id as far as its privacy row answers (GROUP_FIELDS_OF_PRIVACY), under the rule of
 * visibleGroupsWhere: the viewer's organisation, juvenile groups only for those who may see them.
 */
async function groupOfPrivacy(ctx: Context, id: string): Promise<GroupAccessInput | null> {
  const privacy = await groupPrivacy(ctx, id);
  if (!privacy || !isVisibleGroup(ctx, privacy)) return null;
  return { id, orgId: privacy.orgId, programmeId: privacy.programmeId, programme: { privacyTier: privacy.privacyTier } };
}

/** The institution liaison's reads of juvenile groups are audited (docs/domain.md). */
async function auditJuvenileGroupReads(ctx: Context, groups: Array<{ id: string; programmeId: string }>) {
  const viewer = signedIn(ctx);
  if (viewer.isStaff) return;
  const juvenile = groups.filter((g) => viewer.liaisonProgrammeIds.includes(g.programmeId)).map((g) => g.id);
  await auditRestrictedRead(ctx, "Group", juvenile);
}

builder.prismaObject("Group", {
  description: "団体 — a school's 子ども福祉委員, the network, a 部会, a salon, a cohort …",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    nameKana: t.exposeString("nameKana", { nullable: true }),
    nickname: t.exposeString("nickname", { nullable: true }),
    description: t.exposeString("description", { nullable: true }),
    venue: t.exposeString("venue", { nullable: true }),
    hostsHokkoriConsultation: t.exposeBoolean("hostsHokkoriConsultation"),
    institution: t.exposeString("institution", { nullable: true }),
    meetingSchedule: t.exposeString("meetingSchedule", { nullable: true }),
    startedOn: t.expose("startedOn", { type: "Date", nullable: true }),
    endedOn: t.expose("endedOn", { type: "Date", nullable: true }),
    programme: t.relation("programme"),
    kind: t.relation("kind"),
    area: t.relation("area", { nullable: true }),
    parent: t.relation("parent", { nullable: true }),
    subgroups: t.relation("subgroups", { query: { orderBy: { name: "asc" } } }),
    school: t.relation("school", { nullable: true }),
    activeMemberCount: t.relationCount("memberships", { where: { endedOn: null } }),
    isClosed: t.boolean({
      description: "closed (endedOn set): history readable, no new members or events",
      select: { endedOn: true },
      resolve: (g) => g.endedOn !== null,
    }),
    availableRoles: t.prismaField({
      type: ["GroupRole"],
      description: "The roles this group's kind uses (no 部会長 for a salon): the roles a roster change may give here",
      select: (_args, _ctx, nestedSelection) => ({
        kind: { select: { roles: { select: { groupRole: nestedSelection({ select: { sortOrder: true } }) } } } },
      }),
      resolve: (_query, group) => group.kind.roles.map((r) => r.groupRole).sort((a, b) => a.sortOrder - b.sortOrder) as never,
    }),
    viewerCanEdit: t.boolean({
      description: "Whether the viewer may edit and close this group (staff of its organisation)",
      select: { orgId: true },
      resolve: (group, _args, ctx) => Boolean(ctx.viewer?.isStaff && ctx.viewer.orgId === group.orgId),
    }),
  }),
});

builder.queryFields((t) => ({
  organization: t.prismaField({
    type: "Organization",
    resolve: (query, _root, _args, ctx) => prisma().organization.findUniqueOrThrow({ ...query, where: { id: signedIn(ctx).orgId } }),
  }),
  programmes: t.prismaField({
    type: ["Programme"],
    description: "The organisation's programmes the viewer may see",
    resolve: (query, _root, _args, ctx) =>
      prisma().programme.findMany({
        ...query,
        where: {
          orgId: signedIn(ctx).orgId,
          ...(canSeeJuvenileProgramme(ctx) ? {} : { privacyTier: { not: "JUVENILE" } }),
        },
        orderBy: { sortOrder: "asc" },
      }),
  }),
  groups: t.prismaField({
    type: ["Group"],
    description: "The organisation's groups, optionally of one programme (by code) or kind",
    args: {
      programmeCode: t.arg.string(),
      kindCode: t.arg.string(),
      search: t.arg.string({ description: "part of the name, kana or nickname" }),
      closed: t.arg.boolean({ description: "true: only closed groups (endedOn set); false: only open ones; absent: both" }),
    },
    resolve: async (query, _root, args, ctx) => {
      const groups = await prisma().group.findMany({
        ...query,
        where: {
          // AND, so that a programme filter cannot replace the juvenile exclusion
          AND: [
            visibleGroupsWhere(ctx),
            args.programmeCode ? { programme: { code: args.programmeCode } } : {},
            args.kindCode ? { kind: { code: args.kindCode } } : {},
            args.closed === true ? { endedOn: { not: null } } : args.closed === false ? { endedOn: null } : {},
            args.search
              ? {
                  OR: [
                    { name: { contains: args.search } },
                    { nameKana: { contains: args.search } },
                    { nickname: { contains: args.search } },
                  ],
                }
              : {},
          ],
        },
        orderBy: [{ programme: { sortOrder: "asc" } }, { name: "asc" }],
      });
      await auditJuvenileGroupReads(ctx, groups);
      return groups;
    },
  }),
  group: t.prismaField({
    type: "Group",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx, info) => {
      if (selectsOnly(info, GROUP_FIELDS_OF_PRIVACY)) {
        // `group(id) { id roster … }` (the roster page): the group's privacy row answers it — the
        // same row the roster's `group` scope reads (memoised) — so the group is not read again
        const group = await groupOfPrivacy(ctx, String(args.id));
        if (group) await auditJuvenileGroupReads(ctx, [group]);
        return group as never;
      }
      const group = await prisma().group.findFirst({ ...query, where: { id: String(args.id), ...visibleGroupsWhere(ctx) } });
      if (group) await auditJuvenileGroupReads(ctx, [group]);
      return group;
    },
  }),
}));

// ───────────────────────── changes (staff) ─────────────────────────

const optional = (what: Bilingual, max: number) => optionalTextOf(what, max).nullish();

const groupFieldRules = {
  name: textOf({ ja: "団体名", en: "name" }, 100),
  nameKana: z
    .string()
    .max(100, bilingual({ ja: "ふりがなは100文字以内にしてください。", en: "The kana is limited to 100 characters." }))
    .refine(
      (s) => s.trim() === "" || normaliseKana(s) !== null,
      bilingual({ ja: "ふりがなは、ひらがなかカタカナで入力してください。", en: "Write the kana reading in hiragana or katakana." }),
    )
    .nullish(),
  nickname: optional({ ja: "愛称", en: "nickname" }, 50),
  description: optional({ ja: "説明", en: "description" }, 1000),
  venue: optional({ ja: "会場", en: "venue" }, 200),
  meetingSchedule: optional({ ja: "開催日時", en: "meeting schedule" }, 200),
  hostsHokkoriConsultation: z.boolean().nullish(),
  institution: optional({ ja: "施設名", en: "institution" }, 100),
  areaId: uuidOf({ ja: "地区", en: "area" }).nullish(),
  schoolId: uuidOf({ ja: "学校", en: "school" }).nullish(),
  parentId: uuidOf({ ja: "親の団体", en: "parent group" }).nullish(),
  startedOn: dayUntil({ ja: "開始日は1年以内の日付にしてください。", en: "The start date must be within a year from today." }, 366)
    .refine(
      (d) => d.getTime() >= Date.UTC(1950, 0, 1),
      bilingual({ ja: "開始日が古すぎます（1950年以降）。", en: "The start date must be in 1950 or later." }),
    )
    .nullish(),
  acknowledgeNameWarning: z.boolean().nullish(),
};

type InputFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

/** The fields of a group staff write, shared by createGroup and updateGroup; an absent or blank optional one is cleared. */
const groupInputFields = (t: InputFieldBuilder) => ({
  name: t.string({ required: true, description: "団体名, at most 100 characters" }),
  nameKana: t.string({ description: "ふりがな in hiragana or katakana; stored in hiragana" }),
  nickname: t.string({ description: "愛称" }),
  description: t.string(),
  venue: t.string({ description: "会場・場所" }),
  meetingSchedule: t.string({ description: "開催日時, e.g. 毎月第2・第4水曜 13:30〜15:30" }),
  hostsHokkoriConsultation: t.boolean({ description: "まちなかほっこり相談 held here (salons only)" }),
  institution: t.string({ description: "juvenile cohorts only (required there): the institution, e.g. 泉南学寮" }),
  areaId: t.id({ description: "日常生活圏域 of the organisation" }),
  schoolId: t.id({ description: "school groups (子ども福祉委員) only, required there" }),
  parentId: t.id({ description: "a 部会's network (required for a 部会, refused for other kinds)" }),
  startedOn: t.field({ type: "Date" }),
  acknowledgeNameWarning: t.boolean({ description: ACKNOWLEDGE_NAME_WARNING }),
});

const CreateGroupInput = builder.inputType("CreateGroupInput", {
  fields: (t) => ({
    kindCode: t.string({ required: true, description: "a GroupKind code (programmes { groupKinds }); never changes afterwards" }),
    ...groupInputFields(t),
  }),
  validate: z.object({
    kindCode: z
      .string()
      .trim()
      .min(1, bilingual({ ja: "団体の種類を選んでください。", en: "Choose the kind of group." }))
      .max(50),
    ...groupFieldRules,
  }),
});

const UpdateGroupInput = builder.inputType("UpdateGroupInput", {
  description: "A group's fields; an absent or blank optional field is cleared",
  fields: (t) => ({ id: t.id({ required: true }), ...groupInputFields(t) }),
  validate: z.object({ id: uuidOf({ ja: "団体", en: "group" }), ...groupFieldRules }),
});

const CloseGroupInput = builder.inputType("CloseGroupInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    endedOn: t.field({ type: "Date", required: true, description: "the last day; the open memberships end that day" }),
    reason: t.string({ description: "end reason of the open memberships; default 団体の活動終了" }),
  }),
  validate: z.object({
    id: uuidOf({ ja: "団体", en: "group" }),
    endedOn: pastDayOf({ ja: "終了日", en: "end date" }),
    reason: optional({ ja: "理由", en: "reason" }, 200),
  }),
});

type FieldsArg = Omit<typeof UpdateGroupInput.$inferInput, "id">;

const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/** The form's fields as the service takes them: blanks cleared, kana in hiragana. */
function groupFields(g: FieldsArg): GroupFields {
  return {
    name: g.name.trim(),
    nameKana: g.nameKana && g.nameKana.trim() ? normaliseKana(g.nameKana) : null,
    nickname: blank(g.nickname),
    description: blank(g.description),
    venue: blank(g.venue),
    meetingSchedule: blank(g.meetingSchedule),
    hostsHokkoriConsultation: g.hostsHokkoriConsultation ?? false,
    institution: blank(g.institution),
    areaId: g.areaId ? String(g.areaId) : null,
    schoolId: g.schoolId ? String(g.schoolId) : null,
    parentId: g.parentId ? String(g.parentId) : null,
    startedOn: g.startedOn ?? null,
    acknowledgeNameWarning: g.acknowledgeNameWarning ?? false,
  };
}

builder.mutationFields((t) => ({
  createGroup: t.prismaField({
    type: "Group",
    description: "Creates a group of a kind (staff). Juvenile cohorts too: an institution, never personal data",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CreateGroupInput, required: true }) },
    resolve: (query, _root, { input }, ctx) => createGroup(ctx, { kindCode: input.kindCode.trim(), ...groupFields(input) }, query),
  }),
  updateGroup: t.prismaField({
    type: "Group",
    description: "Edits a group (staff); its kind never changes. Closed groups too",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateGroupInput, required: true }) },
    resolve: (query, _root, { input }, ctx) => updateGroup(ctx, { id: String(input.id), ...groupFields(input) }, query),
  }),
  closeGroup: t.prismaField({
    type: "Group",
    description: "Closes a group on endedOn (staff): its open memberships end that day; history stays readable; no new members or events",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CloseGroupInput, required: true }) },
    resolve: (query, _root, { input }, ctx) =>
      closeGroup(ctx, { id: String(input.id), endedOn: input.endedOn, reason: input.reason ?? null }, query),
  }),
}));
