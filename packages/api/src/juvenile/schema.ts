// juvenile — 少年院ボランティア (泉南学寮 グリーンサポーター): cohorts of youths known only by a
// pseudonymous code (少年法61条). Only staff and the institution liaison see anything of it; every
// read by the liaison leaves an audit entry. Also group achievements (「バリ旨わかめ」完売), which
// any group may have; a cohort's are shown on its cohort view.
import { z } from "zod";

import type { Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { auditRestrictedRead } from "../audit/audit.ts";
import { builder } from "../builder.ts";
import { signedIn, type Context } from "../context.ts";
import { mutationErrors } from "../error-types.ts";
import { visibleGroupsWhere } from "../organization/access.ts";
import { ACKNOWLEDGE_NAME_WARNING, bilingual, dayOf, optionalTextOf, textOf, uuidOf } from "../validation.ts";
import { recordGroupAchievement } from "./group-achievement.ts";

builder.prismaObject("JuvenileParticipant", {
  description: "A youth of a juvenile cohort, known only by a pseudonymous code: no name exists anywhere (少年法61条)",
  authScopes: { juvenileProgramme: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    code: t.exposeString("code"),
    joinedOn: t.expose("joinedOn", { type: "Date" }),
    leftOn: t.expose("leftOn", { type: "Date", nullable: true }),
  }),
});

builder.prismaObject("GroupAchievement", {
  description: "A group's achievement, e.g. 「バリ旨わかめ」完売",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    description: t.exposeString("description", { nullable: true }),
    achievedOn: t.expose("achievedOn", { type: "Date" }),
    group: t.relation("group"),
  }),
});

const JuvenileCohort = builder.prismaObject("Group", {
  variant: "JuvenileCohort",
  description: "受入れ期 — a cohort of the juvenile programme: its codes, achievements and approved thank-yous",
  authScopes: { juvenileProgramme: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    institution: t.exposeString("institution", { nullable: true }),
    description: t.exposeString("description", { nullable: true }),
    venue: t.exposeString("venue", { nullable: true }),
    meetingSchedule: t.exposeString("meetingSchedule", { nullable: true }),
    startedOn: t.expose("startedOn", { type: "Date", nullable: true }),
    endedOn: t.expose("endedOn", { type: "Date", nullable: true }),
    participants: t.relation("juvenileParticipants", { query: { orderBy: [{ joinedOn: "asc" }, { code: "asc" }] } }),
    activeParticipantCount: t.relationCount("juvenileParticipants", { where: { leftOn: null } }),
    achievements: t.relation("achievements", { query: { orderBy: [{ achievedOn: "desc" }, { id: "desc" }] } }),
    thankYous: t.relation("thankYouMessages", {
      description: "approved thank-yous addressed to the cohort",
      query: { where: { status: "APPROVED" }, orderBy: [{ receivedOn: "desc" }, { id: "desc" }] },
    }),
  }),
});

/** Cohorts the viewer may see: staff all of the organisation's, the liaison those of their programmes. */
function cohortsWhere(ctx: Context): Prisma.GroupWhereInput {
  const viewer = signedIn(ctx);
  return {
    orgId: viewer.orgId,
    programme: { privacyTier: "JUVENILE" },
    ...(viewer.isStaff ? {} : { programmeId: { in: viewer.liaisonProgrammeIds } }),
  };
}

/** Audits the liaison's read of cohorts, naming the participants whose codes were loaded. */
async function auditCohortRead(ctx: Context, cohorts: Array<{ id: string; juvenileParticipants?: Array<{ id: string }> }>) {
  await auditRestrictedRead(
    ctx,
    "JuvenileCohort",
    cohorts.map((c) => c.id),
  );
  await auditRestrictedRead(
    ctx,
    "JuvenileParticipant",
    cohorts.flatMap((c) => (c.juvenileParticipants ?? []).map((p) => p.id)),
  );
}

builder.queryFields((t) => ({
  juvenileCohorts: t.prismaField({
    type: [JuvenileCohort],
    description: "The juvenile programme's cohorts, newest first (staff and the institution liaison only)",
    authScopes: { juvenileProgramme: true },
    resolve: async (query, _root, _args, ctx) => {
      const cohorts = await prisma().group.findMany({
        ...query,
        where: cohortsWhere(ctx),
        orderBy: [{ startedOn: { sort: "desc", nulls: "last" } }, { name: "asc" }],
      });
      await auditCohortRead(ctx, cohorts);
      return cohorts;
    },
  }),
  juvenileCohort: t.prismaField({
    type: JuvenileCohort,
    nullable: true,
    description: "One cohort of the juvenile programme (staff and the institution liaison only)",
    authScopes: { juvenileProgramme: true },
    args: { id: t.arg.id({ required: true, validate: uuidOf({ ja: "受入れ期", en: "cohort" }) }) },
    resolve: async (query, _root, args, ctx) => {
      const cohort = await prisma().group.findFirst({ ...query, where: { id: String(args.id), ...cohortsWhere(ctx) } });
      if (cohort) await auditCohortRead(ctx, [cohort]);
      return cohort;
    },
  }),
  groupAchievements: t.prismaField({
    type: ["GroupAchievement"],
    description: "Achievements of the groups the viewer may list (one group's when groupId is given), newest first",
    args: {
      groupId: t.arg.id({ validate: uuidOf({ ja: "団体", en: "group" }) }),
      first: t.arg.int({
        defaultValue: 20,
        validate: z
          .number()
          .int()
          .min(1, { message: bilingual({ ja: "件数は1以上にしてください。", en: "Ask for at least one." }) })
          .max(100, { message: bilingual({ ja: "件数は100件までです。", en: "At most 100." }) }),
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const rows = await prisma().groupAchievement.findMany({
        ...query,
        where: {
          orgId: signedIn(ctx).orgId,
          group: {
            ...visibleGroupsWhere(ctx),
            // the liaison: of the juvenile programme, only their own programme's cohorts
            ...(signedIn(ctx).isStaff
              ? {}
              : { OR: [{ programme: { privacyTier: { not: "JUVENILE" } } }, { programmeId: { in: signedIn(ctx).liaisonProgrammeIds } }] }),
          },
          ...(args.groupId ? { groupId: String(args.groupId) } : {}),
        },
        orderBy: [{ achievedOn: "desc" }, { id: "desc" }],
        take: args.first ?? 20,
      });
      if (rows.length > 0 && !signedIn(ctx).isStaff && signedIn(ctx).liaisonProgrammeIds.length > 0) {
        const cohortIds = new Set(
          (
            await prisma().group.findMany({ where: { id: { in: rows.map((r) => r.groupId) }, ...cohortsWhere(ctx) }, select: { id: true } })
          ).map((g) => g.id),
        );
        await auditRestrictedRead(
          ctx,
          "GroupAchievement",
          rows.filter((r) => cohortIds.has(r.groupId)).map((r) => r.id),
        );
      }
      return rows;
    },
  }),
}));

builder.mutationField("recordGroupAchievement", (t) =>
  t.prismaField({
    type: "GroupAchievement",
    description: "Records a group's achievement, e.g. 「バリ旨わかめ」完売 (staff)",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: {
      groupId: t.arg.id({ required: true, validate: uuidOf({ ja: "団体", en: "group" }) }),
      title: t.arg.string({ required: true, validate: textOf({ ja: "タイトル", en: "title" }, 200) }),
      description: t.arg.string({ validate: optionalTextOf({ ja: "説明", en: "description" }, 2000) }),
      achievedOn: t.arg({ type: "Date", required: true, validate: dayOf({ ja: "達成日", en: "day achieved" }) }),
      acknowledgeNameWarning: t.arg.boolean({ description: ACKNOWLEDGE_NAME_WARNING }),
    },
    resolve: async (query, _root, args, ctx) => {
      const achievementId = await recordGroupAchievement(ctx, { ...args, groupId: String(args.groupId) });
      return prisma().groupAchievement.findUniqueOrThrow({ ...query, where: { id: achievementId } });
    },
  }),
);
