// organization — the 社協 itself, its areas, programmes (事業), group kinds and groups. Programmes
// and kinds are data. Group names and aggregate counts are visible to every signed-in account of
// the organisation, except juvenile-programme groups (staff and the institution liaison only).
import { prisma } from "@tsunagu/db/client";

import { auditRestrictedRead } from "../audit/audit.ts";
import { builder } from "../builder.ts";
import { signedIn, type Context } from "../context.ts";
import { canSeeJuvenileProgramme, visibleGroupsWhere } from "./access.ts";

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
    activeMemberCount: t.relationCount("memberships", { where: { endedOn: null } }),
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
    resolve: async (query, _root, args, ctx) => {
      const group = await prisma().group.findFirst({ ...query, where: { id: String(args.id), ...visibleGroupsWhere(ctx) } });
      if (group) await auditJuvenileGroupReads(ctx, [group]);
      return group;
    },
  }),
}));
