// event — what a group (usually a 部会 of the 草の根ネットワーク) plans: events with tasks, shifts
// and sign-ups (CONFIRMED while places are left, then a waiting list), the minutes of its
// (bi-monthly) meetings, and the activity log made from an event's attendance.
// Everything here is visible to, and changed by, accounts whose role reaches the event's group
// (the `group` auth scope: staff of the organisation, or the 部会's own members); nobody else.
// Each mutation calls its service, which runs in one transaction with its audit entry:
// plan-event.ts, task.ts, shift.ts, sign-up.ts, activity-log.ts, meeting-minutes.ts.
import { z } from "zod";

import { prisma } from "@tsunagu/db/client";

import { auditRestrictedRead } from "../audit/audit.ts";
import { builder } from "../builder.ts";
import { signedIn, type Context } from "../context.ts";
import { mutationErrors } from "../error-types.ts";
import { groupAccess, groupAccessSelect } from "../organization/access.ts";
import { ACKNOWLEDGE_NAME_WARNING, bilingual, uuid } from "../validation.ts";
import { canSeeEvent, eventRecordScope } from "./access.ts";
import { recordEventActivityLog } from "./activity-log.ts";
import { recordMeetingMinutes } from "./meeting-minutes.ts";
import { cancelEvent, createEvent, updateEvent } from "./plan-event.ts";
import { addShift, markAttendance, updateShift } from "./shift.ts";
import { cancelSignUp, signUp } from "./sign-up.ts";
import { addEventTask, removeEventTask, updateEventTask } from "./task.ts";

// ───────────────────────── validation (messages: bilingual({ ja, en })) ─────────────────────────

const id = uuid({ ja: "ID の形式が正しくありません。", en: "Not a valid ID." });
const title = z
  .string()
  .trim()
  .min(1, bilingual({ ja: "件名を入力してください。", en: "Enter a title." }))
  .max(200, bilingual({ ja: "件名は200文字以内で入力してください。", en: "Titles are at most 200 characters." }));
const place = z
  .string()
  .trim()
  .max(200, bilingual({ ja: "場所は200文字以内で入力してください。", en: "Places are at most 200 characters." }));
const description = z
  .string()
  .max(4000, bilingual({ ja: "説明は4000文字以内で入力してください。", en: "Descriptions are at most 4,000 characters." }));
const capacity = z
  .number()
  .int()
  .min(0, bilingual({ ja: "定員は0以上で入力してください。", en: "The capacity cannot be negative." }))
  .max(1000, bilingual({ ja: "定員は1000以下で入力してください。", en: "The capacity is at most 1,000." }));
const endsAfterStart = <T extends { startsAt?: Date | null; endsAt?: Date | null }>(v: T) =>
  !v.startsAt || !v.endsAt || v.endsAt.getTime() >= v.startsAt.getTime();
const endsAfterStartIssue = {
  message: bilingual({ ja: "終了日時は開始日時より後にしてください。", en: "The end must not be before the start." }),
  path: ["endsAt"],
};

// ───────────────────────── types ─────────────────────────

const EventStatusEnum = builder.enumType("EventStatus", {
  description: "PLANNED 予定 / HELD 実施済み / CANCELLED 中止",
  values: ["PLANNED", "HELD", "CANCELLED"] as const,
});

const SignUpStatusEnum = builder.enumType("SignUpStatus", {
  description: "CONFIRMED 確定 / WAITLISTED キャンセル待ち / CANCELLED キャンセル",
  values: ["CONFIRMED", "WAITLISTED", "CANCELLED"] as const,
});

/** Staff see their organisation's events without a look-up; others need the event's group. */
function eventTypeScope(ctx: Context, record: { orgId: string; groupId: string }) {
  if (ctx.viewer?.isStaff) return record.orgId === ctx.viewer.orgId;
  return { group: record.groupId };
}

builder.prismaObject("Event", {
  description: "イベント — an event a group plans: a bazaar stall, a visit, a course",
  authScopes: (event, ctx) => eventTypeScope(ctx, event),
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    description: t.exposeString("description", { nullable: true }),
    place: t.exposeString("place", { nullable: true }),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    status: t.expose("status", { type: EventStatusEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    group: t.relation("group"),
    tasks: t.relation("tasks", { query: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] } }),
    shifts: t.relation("shifts", { query: { orderBy: [{ startsAt: "asc" }, { id: "asc" }] } }),
    meetingMinutes: t.relation("meetingMinutes", { query: { orderBy: [{ heldOn: "desc" }, { id: "asc" }] } }),
    activityLogId: t.exposeID("activityLogId", { nullable: true }),
    activityLog: t.relation("activityLog", {
      nullable: true,
      description: "the activity log (活動記録) made from the attendance, once recorded (same group as the event)",
    }),
  }),
});

builder.prismaObject("EventTask", {
  description: "A task of an event: who does it, by when, done or not",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    assignee: t.relation("assignee", { nullable: true }),
    dueOn: t.expose("dueOn", { type: "Date", nullable: true }),
    done: t.boolean({ select: { doneAt: true }, resolve: (task) => task.doneAt !== null }),
    doneAt: t.expose("doneAt", { type: "DateTime", nullable: true }),
    sortOrder: t.exposeInt("sortOrder"),
    event: t.relation("event"),
  }),
});

const SignUpRef = builder.prismaObject("SignUp", {
  description: "申し込み — one person's sign-up to a shift",
  fields: (t) => ({
    id: t.exposeID("id"),
    // nullable so that a person the viewer may not name (someone staff signed up from outside the
    // 部会) nulls only this sign-up's person, not the whole list
    person: t.relation("person", { nullable: true }),
    status: t.expose("status", { type: SignUpStatusEnum }),
    signedUpAt: t.expose("signedUpAt", { type: "DateTime" }),
    cancelledAt: t.expose("cancelledAt", { type: "DateTime", nullable: true }),
    attended: t.exposeBoolean("attended", { nullable: true, description: "null until attendance is taken" }),
    shift: t.relation("shift"),
  }),
});

/** A shift's sign-ups in queue order, loaded once (one query for all shifts) for the three lists. */
const queueQuery = { orderBy: [{ signedUpAt: "asc" as const }, { id: "asc" as const }] };

builder.prismaObject("Shift", {
  description: "シフト — a slot of an event with a number of places; beyond it sign-ups wait",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    capacity: t.exposeInt("capacity"),
    confirmedCount: t.relationCount("signUps", { where: { status: "CONFIRMED" } }),
    placesLeft: t.int({
      description: "places not yet confirmed (0 when full)",
      select: { capacity: true, _count: { select: { signUps: { where: { status: "CONFIRMED" } } } } },
      resolve: (shift) => Math.max(0, shift.capacity - shift._count.signUps),
    }),
    confirmed: t.field({
      type: [SignUpRef],
      description: "confirmed sign-ups, in the order they came",
      select: (_args, _ctx, nestedSelection) => ({ signUps: nestedSelection(queueQuery) }),
      resolve: (shift) => shift.signUps.filter((s) => s.status === "CONFIRMED"),
    }),
    waitlist: t.field({
      type: [SignUpRef],
      description: "キャンセル待ち: waiting sign-ups, first in line first",
      select: (_args, _ctx, nestedSelection) => ({ signUps: nestedSelection(queueQuery) }),
      resolve: (shift) => shift.signUps.filter((s) => s.status === "WAITLISTED"),
    }),
    cancelled: t.field({
      type: [SignUpRef],
      description: "cancelled sign-ups (kept; signing up again reuses them)",
      select: (_args, _ctx, nestedSelection) => ({ signUps: nestedSelection(queueQuery) }),
      resolve: (shift) => shift.signUps.filter((s) => s.status === "CANCELLED"),
    }),
    event: t.relation("event"),
  }),
});

builder.prismaObject("MeetingMinutes", {
  description: "議事録 — minutes of a group's (bi-monthly) meeting",
  authScopes: (minutes, ctx) => eventTypeScope(ctx, minutes),
  fields: (t) => ({
    id: t.exposeID("id"),
    heldOn: t.expose("heldOn", { type: "Date" }),
    title: t.exposeString("title"),
    body: t.exposeString("body"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    group: t.relation("group"),
    event: t.relation("event", { nullable: true }),
  }),
});

// ───────────────────────── queries ─────────────────────────

builder.prismaObjectFields("Group", (t) => ({
  viewerCanPlanEvents: t.boolean({
    description: "Whether the viewer may list, plan and change this group's events and minutes (createEvent's `group` scope)",
    select: groupAccessSelect,
    resolve: (group, _args, ctx) => groupAccess(ctx.viewer, group),
  }),
}));

builder.queryFields((t) => ({
  events: t.prismaField({
    type: ["Event"],
    description: "A group's events (staff may omit the group for the whole organisation), by start",
    args: {
      groupId: t.arg.id({ validate: id }),
      from: t.arg({ type: "DateTime", description: "events ending at or after this instant" }),
      to: t.arg({ type: "DateTime", description: "events starting before this instant" }),
    },
    authScopes: (_root, args) => (args.groupId ? { group: String(args.groupId) } : { staff: true }),
    resolve: async (query, _root, args, ctx) => {
      const events = await prisma().event.findMany({
        ...query,
        where: {
          orgId: signedIn(ctx).orgId,
          ...(args.groupId ? { groupId: String(args.groupId) } : {}),
          ...(args.from ? { endsAt: { gte: args.from } } : {}),
          ...(args.to ? { startsAt: { lt: args.to } } : {}),
        },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      });
      // events carry members' (and children's) names: non-staff reads are audited
      await auditRestrictedRead(
        ctx,
        "Event",
        events.map((e) => e.id),
      );
      return events;
    },
  }),
  event: t.prismaField({
    type: "Event",
    nullable: true,
    args: { id: t.arg.id({ required: true, validate: id }) },
    description: "One event; null when it is unknown or outside the viewer's groups (the same answer, so existence is not revealed)",
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) => {
      if (!(await canSeeEvent(ctx, String(args.id)))) return null;
      const event = await prisma().event.findFirst({ ...query, where: { id: String(args.id), orgId: signedIn(ctx).orgId } });
      if (event) await auditRestrictedRead(ctx, "Event", [event.id]);
      return event;
    },
  }),
  meetingMinutes: t.prismaField({
    type: ["MeetingMinutes"],
    description: "議事録 of a group, newest first",
    args: {
      groupId: t.arg.id({ required: true, validate: id }),
      from: t.arg({ type: "Date" }),
      to: t.arg({ type: "Date" }),
    },
    authScopes: (_root, args) => ({ group: String(args.groupId) }),
    resolve: async (query, _root, args, ctx) => {
      const minutes = await prisma().meetingMinutes.findMany({
        ...query,
        where: {
          orgId: signedIn(ctx).orgId,
          groupId: String(args.groupId),
          heldOn: { ...(args.from ? { gte: args.from } : {}), ...(args.to ? { lte: args.to } : {}) },
        },
        orderBy: [{ heldOn: "desc" }, { id: "asc" }],
      });
      await auditRestrictedRead(
        ctx,
        "MeetingMinutes",
        minutes.map((m) => m.id),
      );
      return minutes;
    },
  }),
}));

// ───────────────────────── events ─────────────────────────

const CreateEventInput = builder.inputType("CreateEventInput", {
  fields: (t) => ({
    groupId: t.id({ required: true, validate: id }),
    title: t.string({ required: true, validate: title }),
    description: t.string({ validate: description }),
    place: t.string({ validate: place }),
    startsAt: t.field({ type: "DateTime", required: true }),
    endsAt: t.field({ type: "DateTime", required: true }),
    acknowledgeNameWarning: t.boolean({ description: ACKNOWLEDGE_NAME_WARNING }),
  }),
  validate: z.looseObject({ startsAt: z.date(), endsAt: z.date() }).refine(endsAfterStart, endsAfterStartIssue),
});

const UpdateEventInput = builder.inputType("UpdateEventInput", {
  description: "Only the fields given change",
  fields: (t) => ({
    id: t.id({ required: true, validate: id }),
    title: t.string({ validate: title }),
    description: t.string({ validate: description }),
    place: t.string({ validate: place }),
    startsAt: t.field({ type: "DateTime" }),
    endsAt: t.field({ type: "DateTime" }),
    acknowledgeNameWarning: t.boolean({ description: ACKNOWLEDGE_NAME_WARNING }),
  }),
  validate: z.looseObject({ startsAt: z.date().nullish(), endsAt: z.date().nullish() }).refine(endsAfterStart, endsAfterStartIssue),
});

builder.mutationFields((t) => ({
  createEvent: t.prismaField({
    type: "Event",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CreateEventInput, required: true }) },
    authScopes: (_root, args) => ({ group: String(args.input.groupId) }),
    resolve: async (query, _root, { input }, ctx) => {
      const eventId = await createEvent(ctx, { ...input, groupId: String(input.groupId) });
      return prisma().event.findUniqueOrThrow({ ...query, where: { id: eventId } });
    },
  }),

  updateEvent: t.prismaField({
    type: "Event",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateEventInput, required: true }) },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "event", String(args.input.id)),
    resolve: async (query, _root, { input }, ctx) => {
      const eventId = await updateEvent(ctx, { ...input, id: String(input.id) });
      return prisma().event.findUniqueOrThrow({ ...query, where: { id: eventId } });
    },
  }),

  cancelEvent: t.prismaField({
    type: "Event",
    description: "中止: the event stays (with its sign-ups) as a record; no more sign-ups",
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true, validate: id }) },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "event", String(args.id)),
    resolve: async (query, _root, args, ctx) => {
      const eventId = await cancelEvent(ctx, String(args.id));
      return prisma().event.findUniqueOrThrow({ ...query, where: { id: eventId } });
    },
  }),
}));

// ───────────────────────── tasks ─────────────────────────

const AddEventTaskInput = builder.inputType("AddEventTaskInput", {
  fields: (t) => ({
    eventId: t.id({ required: true, validate: id }),
    title: t.string({ required: true, validate: title }),
    assigneeId: t.id({ validate: id, description: "a member of the 部会 or its network" }),
    dueOn: t.field({ type: "Date" }),
    acknowledgeNameWarning: t.boolean({ description: ACKNOWLEDGE_NAME_WARNING }),
  }),
});

const UpdateEventTaskInput = builder.inputType("UpdateEventTaskInput", {
  description: "Only the fields given change; assigneeId or dueOn null clears them",
  fields: (t) => ({
    id: t.id({ required: true, validate: id }),
    title: t.string({ validate: title }),
    assigneeId: t.id({ validate: id.nullable() }),
    dueOn: t.field({ type: "Date" }),
    done: t.boolean(),
    acknowledgeNameWarning: t.boolean({ description: ACKNOWLEDGE_NAME_WARNING }),
  }),
});

builder.mutationFields((t) => ({
  addEventTask: t.prismaField({
    type: "EventTask",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AddEventTaskInput, required: true }) },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "event", String(args.input.eventId)),
    resolve: async (query, _root, { input }, ctx) => {
      const assigneeId = input.assigneeId ? String(input.assigneeId) : null;
      const taskId = await addEventTask(ctx, { ...input, eventId: String(input.eventId), assigneeId });
      return prisma().eventTask.findUniqueOrThrow({ ...query, where: { id: taskId } });
    },
  }),

  updateEventTask: t.prismaField({
    type: "EventTask",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateEventTaskInput, required: true }) },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "task", String(args.input.id)),
    resolve: async (query, _root, { input }, ctx) => {
      const assigneeId = input.assigneeId == null ? input.assigneeId : String(input.assigneeId);
      const taskId = await updateEventTask(ctx, { ...input, id: String(input.id), assigneeId });
      return prisma().eventTask.findUniqueOrThrow({ ...query, where: { id: taskId } });
    },
  }),

  removeEventTask: t.prismaField({
    type: "Event",
    description: "Removes a task; returns its event",
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true, validate: id }) },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "task", String(args.id)),
    resolve: async (query, _root, args, ctx) => {
      const eventId = await removeEventTask(ctx, String(args.id));
      return prisma().event.findUniqueOrThrow({ ...query, where: { id: eventId } });
    },
  }),
}));

// ───────────────────────── shifts and sign-ups ─────────────────────────

const AddShiftInput = builder.inputType("AddShiftInput", {
  fields: (t) => ({
    eventId: t.id({ required: true, validate: id }),
    title: t.string({ required: true, validate: title }),
    startsAt: t.field({ type: "DateTime", required: true }),
    endsAt: t.field({ type: "DateTime", required: true }),
    capacity: t.int({ required: true, validate: capacity }),
    acknowledgeNameWarning: t.boolean({ description: ACKNOWLEDGE_NAME_WARNING }),
  }),
  validate: z.looseObject({ startsAt: z.date(), endsAt: z.date() }).refine(endsAfterStart, endsAfterStartIssue),
});

const UpdateShiftInput = builder.inputType("UpdateShiftInput", {
  description: "Only the fields given change; a larger capacity confirms people waiting, in order",
  fields: (t) => ({
    id: t.id({ required: true, validate: id }),
    title: t.string({ validate: title }),
    startsAt: t.field({ type: "DateTime" }),
    endsAt: t.field({ type: "DateTime" }),
    capacity: t.int({ validate: capacity }),
    acknowledgeNameWarning: t.boolean({ description: ACKNOWLEDGE_NAME_WARNING }),
  }),
  validate: z.looseObject({ startsAt: z.date().nullish(), endsAt: z.date().nullish() }).refine(endsAfterStart, endsAfterStartIssue),
});

builder.mutationFields((t) => ({
  addShift: t.prismaField({
    type: "Shift",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AddShiftInput, required: true }) },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "event", String(args.input.eventId)),
    resolve: async (query, _root, { input }, ctx) => {
      const shiftId = await addShift(ctx, { ...input, eventId: String(input.eventId) });
      return prisma().shift.findUniqueOrThrow({ ...query, where: { id: shiftId } });
    },
  }),

  updateShift: t.prismaField({
    type: "Shift",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateShiftInput, required: true }) },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "shift", String(args.input.id)),
    resolve: async (query, _root, { input }, ctx) => {
      const shiftId = await updateShift(ctx, { ...input, id: String(input.id) });
      return prisma().shift.findUniqueOrThrow({ ...query, where: { id: shiftId } });
    },
  }),

  signUp: t.prismaField({
    type: "SignUp",
    description: "申し込み: CONFIRMED while the shift has places, else WAITLISTED (キャンセル待ち)",
    errors: { types: mutationErrors },
    args: {
      shiftId: t.arg.id({ required: true, validate: id }),
      personId: t.arg.id({ required: true, validate: id }),
    },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "shift", String(args.shiftId)),
    resolve: async (query, _root, args, ctx) => {
      const signUpId = await signUp(ctx, String(args.shiftId), String(args.personId));
      return prisma().signUp.findUniqueOrThrow({ ...query, where: { id: signUpId } });
    },
  }),

  cancelSignUp: t.prismaField({
    type: "SignUp",
    description: "キャンセル: a confirmed place that frees up goes to the first person waiting",
    errors: { types: mutationErrors },
    args: { signUpId: t.arg.id({ required: true, validate: id }) },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "signUp", String(args.signUpId)),
    resolve: async (query, _root, args, ctx) => {
      const signUpId = await cancelSignUp(ctx, String(args.signUpId));
      return prisma().signUp.findUniqueOrThrow({ ...query, where: { id: signUpId } });
    },
  }),

  markAttendance: t.prismaField({
    type: "Shift",
    description: "出席: the people listed attended; everyone else signed up (not cancelled) did not",
    errors: { types: mutationErrors },
    args: {
      shiftId: t.arg.id({ required: true, validate: id }),
      attendedPersonIds: t.arg.idList({ required: true, validate: z.array(id).max(1000) }),
    },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "shift", String(args.shiftId)),
    resolve: async (query, _root, args, ctx) => {
      const shiftId = await markAttendance(ctx, String(args.shiftId), args.attendedPersonIds.map(String));
      return prisma().shift.findUniqueOrThrow({ ...query, where: { id: shiftId } });
    },
  }),

  recordEventActivityLog: t.prismaField({
    type: "Event",
    description: "活動記録: one SUBMITTED activity log from the attendance (or confirmed sign-ups) of the event's shifts; once per event",
    errors: { types: mutationErrors },
    args: {
      eventId: t.arg.id({ required: true, validate: id }),
      activityTypeCode: t.arg.string({
        required: true,
        validate: z.string().min(1, bilingual({ ja: "活動種別を指定してください。", en: "Choose an activity type." })),
      }),
      minutes: t.arg.int({
        description: "the log's minutes; the event's length when omitted",
        validate: z
          .number()
          .int()
          .min(0, bilingual({ ja: "時間（分）は0以上で入力してください。", en: "Minutes cannot be negative." }))
          .max(1440, bilingual({ ja: "時間（分）は1440以下で入力してください。", en: "At most 1,440 minutes (a day)." })),
      }),
      peopleServed: t.arg.int({
        validate: z
          .number()
          .int()
          .min(0, bilingual({ ja: "対象人数は0以上で入力してください。", en: "People served cannot be negative." })),
      }),
    },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "event", String(args.eventId)),
    resolve: async (query, _root, args, ctx) => {
      const eventId = await recordEventActivityLog(ctx, {
        eventId: String(args.eventId),
        activityTypeCode: args.activityTypeCode,
        minutes: args.minutes,
        peopleServed: args.peopleServed,
      });
      return prisma().event.findUniqueOrThrow({ ...query, where: { id: eventId } });
    },
  }),
}));

// ───────────────────────── meeting minutes ─────────────────────────

const RecordMeetingMinutesInput = builder.inputType("RecordMeetingMinutesInput", {
  fields: (t) => ({
    groupId: t.id({ required: true, validate: id }),
    eventId: t.id({ validate: id, description: "the event the meeting was about, of the same group" }),
    heldOn: t.field({ type: "Date", required: true }),
    title: t.string({ required: true, validate: title }),
    body: t.string({
      required: true,
      validate: z
        .string()
        .trim()
        .min(1, bilingual({ ja: "本文を入力してください。", en: "Enter the minutes." }))
        .max(20_000, bilingual({ ja: "本文は20000文字以内で入力してください。", en: "The minutes are at most 20,000 characters." })),
    }),
    acknowledgeNameWarning: t.boolean({ description: ACKNOWLEDGE_NAME_WARNING }),
  }),
});

builder.mutationField("recordMeetingMinutes", (t) =>
  t.prismaField({
    type: "MeetingMinutes",
    description: "議事録 of a group's meeting (the network and its 部会 meet every two months)",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: RecordMeetingMinutesInput, required: true }) },
    authScopes: (_root, args) => ({ group: String(args.input.groupId) }),
    resolve: async (query, _root, { input }, ctx) => {
      const eventId = input.eventId ? String(input.eventId) : null;
      const minutesId = await recordMeetingMinutes(ctx, { ...input, groupId: String(input.groupId), eventId });
      return prisma().meetingMinutes.findUniqueOrThrow({ ...query, where: { id: minutesId } });
    },
  }),
);
