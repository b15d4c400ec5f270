// activity-log — 活動記録: who did what, for which group, when, for how long, where, for how many
// people. Leaders, coordinators, subcommittee members and the institution liaison log for the
// groups their role reaches; staff approve or reject in bulk. A juvenile participant appears only
// as its pseudonymous code, and only to staff and the institution liaison (少年法61条).
import { z } from "zod";

import { prisma } from "@tsunagu/db/client";

import { auditRestrictedRead } from "../audit/audit.ts";
import { builder } from "../builder.ts";
import { signedIn } from "../context.ts";
import { mutationErrors } from "../error-types.ts";
import { StaleVersionError } from "../errors.ts";
import { canSeeJuvenileProgramme, groupAccess, groupAccessSelect } from "../organization/access.ts";
import { selectsField } from "../selection.ts";
import { ACKNOWLEDGE_NAME_WARNING, bilingual, isUuid, pastDayOf } from "../validation.ts";
import { canEditActivityLog, visibleActivityLogsWhere } from "./access.ts";
import { activityLogsWhere, countActivityLogs } from "./list.ts";
import { logActivity } from "./log-activity.ts";
import { approveActivityLogs, rejectActivityLogs, submitActivityLog } from "./review.ts";
import { updateActivityLog } from "./update-activity-log.ts";

const ActivityLogStatusEnum = builder.enumType("ActivityLogStatus", {
  description: "下書き → 提出済み → 承認済み / 差し戻し",
  values: ["DRAFT", "SUBMITTED", "APPROVED", "REJECTED"] as const,
});

builder.prismaObject("ActivityType", {
  description: "活動種別 — 見守り, サロン運営, 困りごと支援 … (data)",
  fields: (t) => ({
    id: t.exposeID("id"),
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    nameEn: t.exposeString("nameEn"),
    programme: t.relation("programme", { nullable: true, description: "null: usable in every programme" }),
  }),
});

interface Actor {
  id: string;
  name: string;
  person: { displayName: string | null } | null;
}

const ActivityLogActorRef = builder.objectRef<Actor>("ActivityLogActor").implement({
  description: "The account that submitted or reviewed a log (a volunteer's nickname if they use one)",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.string({ resolve: (a) => a.person?.displayName ?? a.name }),
  }),
});

const actorSelect = { select: { id: true, name: true, person: { select: { displayName: true } } } } as const;

builder.prismaObject("ActivityLog", {
  description: "活動記録 — an activity of a group on a day",
  fields: (t) => ({
    id: t.exposeID("id"),
    group: t.relation("group"),
    activityType: t.relation("activityType"),
    date: t.expose("date", { type: "Date" }),
    fiscalYear: t.exposeInt("fiscalYear", { description: "年度 (April–March)" }),
    minutes: t.exposeInt("minutes"),
    place: t.exposeString("place", { nullable: true }),
    peopleServed: t.exposeInt("peopleServed", { nullable: true }),
    description: t.exposeString("description", { nullable: true }),
    status: t.expose("status", { type: ActivityLogStatusEnum }),
    submittedBy: t.field({
      type: ActivityLogActorRef,
      nullable: true,
      select: { submittedBy: actorSelect },
      resolve: (log) => log.submittedBy,
    }),
    submittedAt: t.expose("submittedAt", { type: "DateTime", nullable: true }),
    reviewedBy: t.field({
      type: ActivityLogActorRef,
      nullable: true,
      select: { reviewedBy: actorSelect },
      resolve: (log) => log.reviewedBy,
    }),
    reviewedAt: t.expose("reviewedAt", { type: "DateTime", nullable: true }),
    rejectionReason: t.exposeString("rejectionReason", { nullable: true }),
    participants: t.relation("participants", { query: { orderBy: { id: "asc" } } }),
    version: t.exposeInt("version", { description: "raised by every edit and change of status: updateActivityLog's expectedVersion" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    viewerCanEdit: t.boolean({
      description: "Whether the viewer may edit the log (updateActivityLog): its group while a draft or returned, staff always",
      select: { status: true, group: { select: groupAccessSelect } },
      resolve: (log, _args, ctx) => canEditActivityLog(ctx.viewer, log),
    }),
    versions: t.relation("versions", {
      description: "訂正履歴: the states the log had before each edit, newest first",
      query: { orderBy: { version: "desc" } },
    }),
    participantCount: t.relationCount("participants"),
    uninsuredCount: t.int({
      description: "participants without volunteer insurance for the log's fiscal year (flagged when logged)",
      // the participants' flags, not a second relation count: Prisma counts one relation once per
      // query (participantCount), and a second count would cost a statement of its own. Ordered as
      // the participants field, so that the two selections merge when both are asked.
      select: { participants: { orderBy: { id: "asc" }, select: { uninsured: true } } },
      resolve: (log) => log.participants.filter((p) => p.uninsured).length,
    }),
  }),
});

interface VersionParticipant {
  personId?: string | null;
  juvenileParticipantId?: string | null;
  minutes?: number;
}

const versionParticipants = (json: unknown): VersionParticipant[] => (Array.isArray(json) ? (json as VersionParticipant[]) : []);

builder.prismaObject("ActivityLogVersion", {
  description: "訂正履歴: a log as it was before an edit (read by whoever may read the log)",
  fields: (t) => ({
    id: t.exposeID("id"),
    version: t.exposeInt("version"),
    status: t.expose("status", { type: ActivityLogStatusEnum }),
    activityType: t.relation("activityType"),
    date: t.expose("date", { type: "Date" }),
    minutes: t.exposeInt("minutes"),
    place: t.exposeString("place", { nullable: true }),
    peopleServed: t.exposeInt("peopleServed", { nullable: true }),
    description: t.exposeString("description", { nullable: true }),
    changedBy: t.field({
      type: ActivityLogActorRef,
      nullable: true,
      description: "the account whose edit replaced this version",
      select: { changedBy: actorSelect },
      resolve: (v) => v.changedBy,
    }),
    changedAt: t.expose("changedAt", { type: "DateTime" }),
    reason: t.exposeString("reason", { nullable: true, description: "訂正の理由" }),
    participantCount: t.int({ select: { participants: true }, resolve: (v) => versionParticipants(v.participants).length }),
    people: t.prismaField({
      type: ["Person"],
      description: "the people who took part then (names as the Person privacy rules allow)",
      select: { participants: true },
      resolve: (query, v) => {
        const ids = versionParticipants(v.participants).flatMap((p) => (p.personId ? [p.personId] : []));
        return ids.length === 0
          ? []
          : prisma().person.findMany({ ...query, where: { id: { in: ids } }, orderBy: [{ legalNameKana: "asc" }, { id: "asc" }] });
      },
    }),
    juvenileCodes: t.stringList({
      description: "仮名コード of the juvenile participants then: staff and the institution liaison only",
      authScopes: { juvenileProgramme: true },
      select: { participants: true, orgId: true },
      resolve: async (v) => {
        const ids = versionParticipants(v.participants).flatMap((p) => (p.juvenileParticipantId ? [p.juvenileParticipantId] : []));
        if (ids.length === 0) return [];
        const rows = await prisma().juvenileParticipant.findMany({
          where: { orgId: v.orgId, id: { in: ids } },
          select: { code: true },
          orderBy: { code: "asc" },
        });
        return rows.map((r) => r.code);
      },
    }),
  }),
});

builder.prismaObject("ActivityLogParticipant", {
  description: "A participant of a log: a person, or a juvenile participant known only by code",
  fields: (t) => ({
    id: t.exposeID("id"),
    person: t.relation("person", { nullable: true }),
    juvenileCode: t.string({
      nullable: true,
      description: "仮名コード of a juvenile participant: staff and the institution liaison only",
      authScopes: (p) => (p.juvenileParticipantId === null ? true : { juvenileProgramme: true }),
      select: { juvenileParticipantId: true, juvenileParticipant: { select: { code: true } } },
      resolve: (p) => p.juvenileParticipant?.code ?? null,
    }),
    minutes: t.exposeInt("minutes"),
    uninsured: t.exposeBoolean("uninsured", { description: "no volunteer insurance for the fiscal year when logged" }),
  }),
});

const fiscalYearSchema = z
  .number()
  .int()
  .min(2000, bilingual({ ja: "年度が正しくありません。", en: "Not a valid fiscal year." }))
  .max(2100, bilingual({ ja: "年度が正しくありません。", en: "Not a valid fiscal year." }));

builder.prismaObjectFields("Group", (t) => ({
  viewerCanLogActivity: t.boolean({
    description: "Whether the viewer may record an activity log for this group (logActivity's `group` scope)",
    select: groupAccessSelect,
    resolve: (group, _args, ctx) => groupAccess(ctx.viewer, group),
  }),
}));

builder.queryFields((t) => ({
  activityLogs: t.prismaConnection({
    type: "ActivityLog",
    cursor: "id",
    description: "Activity logs the viewer may read, newest first",
    args: {
      groupId: t.arg.id(),
      status: t.arg({ type: ActivityLogStatusEnum }),
      fiscalYear: t.arg.int({ validate: fiscalYearSchema.nullish() }),
    },
    authScopes: (_root, args) => (args.groupId ? { group: String(args.groupId) } : { signedIn: true }),
    totalCount: (_connection, args, ctx) => countActivityLogs(ctx, args),
    resolve: async (query, _root, args, ctx, info) => {
      // asked now, the count joins the other lists' counts of the request in one statement (list.ts)
      if (selectsField(info, "totalCount")) void countActivityLogs(ctx, args);
      const logs = await prisma().activityLog.findMany({
        ...query,
        where: activityLogsWhere(ctx, args),
        orderBy: [{ date: "desc" }, { id: "desc" }],
      });
      // every log a non-staff account reads is of a restricted tier (its own school, 部会, salon, cohort)
      await auditRestrictedRead(
        ctx,
        "ActivityLog",
        logs.map((l) => l.id),
      );
      return logs;
    },
  }),
  activityLog: t.prismaField({
    type: "ActivityLog",
    nullable: true,
    description: "One log the viewer may read (null otherwise, as for an unknown id)",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      if (!isUuid(String(args.id))) return null;
      const log = await prisma().activityLog.findFirst({
        ...query,
        where: { AND: [visibleActivityLogsWhere(ctx), { id: String(args.id) }] },
      });
      if (log) await auditRestrictedRead(ctx, "ActivityLog", [log.id]);
      return log;
    },
  }),
  approvalQueue: t.prismaField({
    type: ["ActivityLog"],
    description: "承認待ち: the organisation's submitted logs, oldest first (staff)",
    authScopes: { staff: true },
    resolve: (query, _root, _args, ctx) =>
      prisma().activityLog.findMany({
        ...query,
        where: { orgId: signedIn(ctx).orgId, status: "SUBMITTED" },
        orderBy: [{ date: "asc" }, { submittedAt: "asc" }, { id: "asc" }],
      }),
  }),
  activityTypes: t.prismaField({
    type: ["ActivityType"],
    description: "The organisation's activity types; with a programme code, those usable in that programme",
    args: { programmeCode: t.arg.string() },
    resolve: (query, _root, args, ctx) =>
      prisma().activityType.findMany({
        ...query,
        where: {
          orgId: signedIn(ctx).orgId,
          AND: [
            args.programmeCode ? { OR: [{ programmeId: null }, { programme: { code: args.programmeCode } }] } : {},
            // types of the juvenile programme only for those who may see it
            canSeeJuvenileProgramme(ctx) ? {} : { OR: [{ programmeId: null }, { programme: { privacyTier: { not: "JUVENILE" } } }] },
          ],
        },
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      }),
  }),
}));

// ───────────────────────── mutations ─────────────────────────

type SchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The fields of a log, the same when it is written (logActivity) and edited (updateActivityLog). */
const logFields = (t: PothosSchemaTypes.InputFieldBuilder<SchemaTypes, "InputObject">) => ({
  activityTypeCode: t.string({ required: true }),
  date: t.field({
    type: "Date",
    required: true,
    validate: pastDayOf({ ja: "活動日", en: "activity date" }),
  }),
  minutes: t.int({
    required: true,
    description: "minutes each participant spent (1–1440)",
    validate: z
      .number()
      .int()
      .min(1, bilingual({ ja: "活動時間は1分以上で入力してください。", en: "Minutes must be at least 1." }))
      .max(1440, bilingual({ ja: "活動時間は1日（1440分）以内で入力してください。", en: "Minutes cannot exceed one day (1440)." })),
  }),
  place: t.string({
    validate: z
      .string()
      .max(200, bilingual({ ja: "場所は200文字以内で入力してください。", en: "Place: at most 200 characters." }))
      .nullish(),
  }),
  peopleServed: t.int({
    validate: z
      .number()
      .int()
      .min(0, bilingual({ ja: "対象者数は0以上で入力してください。", en: "People served cannot be negative." }))
      .nullish(),
  }),
  description: t.string({
    validate: z
      .string()
      .max(2000, bilingual({ ja: "内容は2000文字以内で入力してください。", en: "Description: at most 2000 characters." }))
      .nullish(),
  }),
  participantPersonIds: t.idList({ description: "members of the group who took part" }),
  juvenileCodes: t.stringList({ description: "for juvenile cohorts: the participants' pseudonymous codes" }),
  acknowledgeNameWarning: t.boolean({ description: ACKNOWLEDGE_NAME_WARNING }),
});

const LogActivityInput = builder.inputType("LogActivityInput", {
  fields: (t) => ({
    groupId: t.id({ required: true }),
    ...logFields(t),
    submit: t.boolean({ required: true, description: "true: submit for approval now; false: keep as a draft" }),
  }),
});

const UpdateActivityLogInput = builder.inputType("UpdateActivityLogInput", {
  description: "A log's new content (its group stays): a draft or returned log by its group, any log by staff (訂正)",
  fields: (t) => ({
    id: t.id({ required: true }),
    expectedVersion: t.int({
      required: true,
      description: "ActivityLog.version as read: a log changed since is refused (StaleVersionError)",
      validate: z
        .number()
        .int()
        .min(1, bilingual({ ja: "版番号が正しくありません。", en: "Not a valid version." })),
    }),
    ...logFields(t),
    submit: t.boolean({ description: "a draft or returned log: true submits it for approval; ignored at other statuses" }),
    reason: t.string({
      description: "訂正の理由, kept in the 訂正履歴",
      validate: z
        .string()
        .max(500, bilingual({ ja: "訂正の理由は500文字以内で入力してください。", en: "Reason: at most 500 characters." }))
        .nullish(),
    }),
  }),
});

const LogActivityPayload = builder.objectRef<{ activityLogId: string; uninsuredPersonIds: string[] }>("LogActivityPayload").implement({
  fields: (t) => ({
    activityLog: t.prismaField({
      type: "ActivityLog",
      resolve: (query, p) => prisma().activityLog.findUniqueOrThrow({ ...query, where: { id: p.activityLogId } }),
    }),
    uninsuredCount: t.int({
      description: "participants without volunteer insurance for the fiscal year (logged, but flagged)",
      resolve: (p) => p.uninsuredPersonIds.length,
    }),
    uninsuredParticipants: t.prismaField({
      type: ["Person"],
      description: "who was flagged, so the UI can warn",
      resolve: (query, p) =>
        p.uninsuredPersonIds.length === 0
          ? []
          : prisma().person.findMany({ ...query, where: { id: { in: p.uninsuredPersonIds } }, orderBy: { legalNameKana: "asc" } }),
    }),
  }),
});

const UpdateActivityLogPayload = builder
  .objectRef<{ activityLogId: string; uninsuredPersonIds: string[]; awardIds: string[] }>("UpdateActivityLogPayload")
  .implement({
    fields: (t) => ({
      activityLog: t.prismaField({
        type: "ActivityLog",
        resolve: (query, p) => prisma().activityLog.findUniqueOrThrow({ ...query, where: { id: p.activityLogId } }),
      }),
      uninsuredCount: t.int({
        description: "participants without volunteer insurance for the fiscal year (saved, but flagged)",
        resolve: (p) => p.uninsuredPersonIds.length,
      }),
      newMilestoneAwards: t.prismaField({
        type: ["MilestoneAward"],
        description: "milestones newly reached through the correction of an approved log",
        resolve: (query, p) =>
          p.awardIds.length === 0
            ? []
            : prisma().milestoneAward.findMany({
                ...query,
                where: { id: { in: p.awardIds } },
                orderBy: [{ awardedAt: "asc" }, { id: "asc" }],
              }),
      }),
    }),
  });

const ActivityLogPayload = builder.objectRef<{ activityLogId: string }>("ActivityLogPayload").implement({
  fields: (t) => ({
    activityLog: t.prismaField({
      type: "ActivityLog",
      resolve: (query, p) => prisma().activityLog.findUniqueOrThrow({ ...query, where: { id: p.activityLogId } }),
    }),
  }),
});

const ActivityLogsPayload = builder.objectRef<{ activityLogIds: string[]; awardIds: string[] }>("ActivityLogsPayload").implement({
  fields: (t) => ({
    activityLogs: t.prismaField({
      type: ["ActivityLog"],
      resolve: (query, p) =>
        prisma().activityLog.findMany({ ...query, where: { id: { in: p.activityLogIds } }, orderBy: [{ date: "asc" }, { id: "asc" }] }),
    }),
    newMilestoneAwards: t.prismaField({
      type: ["MilestoneAward"],
      description: "milestones newly earned through these approvals",
      resolve: (query, p) =>
        p.awardIds.length === 0
          ? []
          : prisma().milestoneAward.findMany({
              ...query,
              where: { id: { in: p.awardIds } },
              orderBy: [{ awardedAt: "asc" }, { id: "asc" }],
            }),
    }),
  }),
});

const idsSchema = z
  .array(z.string())
  .min(1, bilingual({ ja: "活動記録を1件以上選んでください。", en: "Choose at least one activity log." }))
  .max(500, bilingual({ ja: "一度に扱えるのは500件までです。", en: "At most 500 logs at a time." }))
  .refine(
    (ids) => new Set(ids).size === ids.length,
    bilingual({ ja: "同じ活動記録が重複しています。", en: "The same log is listed twice." }),
  );

builder.mutationFields((t) => ({
  logActivity: t.field({
    type: LogActivityPayload,
    description: "活動を記録する (as a draft, or submitted for approval)",
    errors: { types: mutationErrors },
    authScopes: (_root, args) => ({ group: String(args.input.groupId) }),
    args: { input: t.arg({ type: LogActivityInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      logActivity(ctx, {
        ...input,
        groupId: String(input.groupId),
        participantPersonIds: input.participantPersonIds?.map(String) ?? null,
      }),
  }),
  updateActivityLog: t.field({
    type: UpdateActivityLogPayload,
    description:
      "活動記録を修正する: a draft or returned log by whoever may log for its group (submit: true resubmits it); any log by staff — an approved one is corrected and its former state kept (訂正履歴)",
    errors: { types: [...mutationErrors, StaleVersionError] },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: UpdateActivityLogInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      updateActivityLog(ctx, {
        ...input,
        id: String(input.id),
        participantPersonIds: input.participantPersonIds?.map(String) ?? null,
      }),
  }),
  submitActivityLog: t.field({
    type: ActivityLogPayload,
    description: "下書きを提出する",
    errors: { types: mutationErrors },
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => ({ activityLogId: await submitActivityLog(ctx, String(args.id)) }),
  }),
  approveActivityLogs: t.field({
    type: ActivityLogsPayload,
    description: "承認 (staff): every log must be submitted; milestones are awarded in the same transaction",
    errors: { types: mutationErrors },
    authScopes: { staff: true },
    args: { ids: t.arg.idList({ required: true, validate: idsSchema }) },
    resolve: (_root, args, ctx) => approveActivityLogs(ctx, args.ids.map(String)),
  }),
  rejectActivityLogs: t.field({
    type: ActivityLogsPayload,
    description: "差し戻し (staff): every log must be submitted",
    errors: { types: mutationErrors },
    authScopes: { staff: true },
    args: {
      ids: t.arg.idList({ required: true, validate: idsSchema }),
      reason: t.arg.string({
        required: true,
        validate: z
          .string()
          .trim()
          .min(1, bilingual({ ja: "差し戻しの理由を入力してください。", en: "Give a reason for rejecting." }))
          .max(1000, bilingual({ ja: "理由は1000文字以内で入力してください。", en: "Reason: at most 1000 characters." })),
      }),
      acknowledgeNameWarning: t.arg.boolean({ description: ACKNOWLEDGE_NAME_WARNING }),
    },
    resolve: async (_root, args, ctx) => ({
      activityLogIds: await rejectActivityLogs(ctx, args.ids.map(String), args.reason.trim(), args.acknowledgeNameWarning),
      awardIds: [],
    }),
  }),
}));
