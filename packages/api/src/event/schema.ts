// event — what a group (usually a 部会 of the 草の根ネットワーク) plans: events with tasks, shifts
// and sign-ups (CONFIRMED while places are left, then a waiting list), the minutes of its
// (bi-monthly) meetings, and the activity log made from an event's attendance.
// Everything here is visible to, and changed by, accounts whose role reaches the event's group
// (the `group` auth scope: staff of the organisation, or the 部会's own members); nobody else.
import { z } from "zod";

import { prisma } from "@tsunagu/db/client";

import { audit, auditRestrictedRead } from "../audit/audit.ts";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { mutationErrors } from "../error-types.ts";
import { ConflictError, InvalidInputError } from "../errors.ts";
import { assertEligiblePeople, eventRecordScope, notFound } from "./access.ts";
import { recordEventActivityLog } from "./activity-log.ts";
import { cancelSignUp, lockShift, promoteFromWaitlist, QUEUED_TRANSACTION, signUp } from "./sign-up.ts";

// ───────────────────────── validation (messages: 日本語 / English) ─────────────────────────

const id = z.guid("ID の形式が正しくありません。 / Not a valid ID.");
const title = z
  .string()
  .trim()
  .min(1, "件名を入力してください。 / Enter a title.")
  .max(200, "件名は200文字以内で入力してください。 / Titles are at most 200 characters.");
const place = z.string().trim().max(200, "場所は200文字以内で入力してください。 / Places are at most 200 characters.");
const description = z.string().max(4000, "説明は4000文字以内で入力してください。 / Descriptions are at most 4,000 characters.");
const capacity = z
  .number()
  .int()
  .min(0, "定員は0以上で入力してください。 / The capacity cannot be negative.")
  .max(1000, "定員は1000以下で入力してください。 / The capacity is at most 1,000.");
const endsAfterStart = <T extends { startsAt?: Date | null; endsAt?: Date | null }>(v: T) =>
  !v.startsAt || !v.endsAt || v.endsAt.getTime() >= v.startsAt.getTime();
const endsAfterStartIssue = {
  message: "終了日時は開始日時より後にしてください。 / The end must not be before the start.",
  path: ["endsAt"],
};

/** The start and end an update leaves, checked against the stored values. */
function checkPeriod(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() < startsAt.getTime()) {
    throw new InvalidInputError([
      { path: "input.endsAt", message: "終了日時は開始日時より後にしてください。", messageEn: "The end must not be before the start." },
    ]);
  }
}

const trimmed = (s: string | null | undefined) => (s == null ? s : s.trim() || null);

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
          orgId: ctx.viewer!.orgId,
          ...(args.groupId ? { groupId: String(args.groupId) } : {}),
          ...(args.from ? { endsAt: { gte: args.from } } : {}),
          ...(args.to ? { startsAt: { lt: args.to } } : {}),
        },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      });
      // events carry members' (and children's) names: non-staff reads are audited
      await auditRestrictedRead(ctx, "Event", events.map((e) => e.id));
      return events;
    },
  }),
  event: t.prismaField({
    type: "Event",
    nullable: true,
    args: { id: t.arg.id({ required: true, validate: id }) },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "event", String(args.id)),
    resolve: async (query, _root, args, ctx) => {
      const event = await prisma().event.findFirst({ ...query, where: { id: String(args.id), orgId: ctx.viewer!.orgId } });
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
          orgId: ctx.viewer!.orgId,
          groupId: String(args.groupId),
          heldOn: { ...(args.from ? { gte: args.from } : {}), ...(args.to ? { lte: args.to } : {}) },
        },
        orderBy: [{ heldOn: "desc" }, { id: "asc" }],
      });
      await auditRestrictedRead(ctx, "MeetingMinutes", minutes.map((m) => m.id));
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
  }),
  validate: z
    .looseObject({ startsAt: z.date().nullish(), endsAt: z.date().nullish() })
    .refine(endsAfterStart, endsAfterStartIssue),
});

builder.mutationFields((t) => ({
  createEvent: t.prismaField({
    type: "Event",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CreateEventInput, required: true }) },
    authScopes: (_root, args) => ({ group: String(args.input.groupId) }),
    resolve: async (query, _root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      return prisma().$transaction(async (tx) => {
        const event = await tx.event.create({
          ...query,
          data: {
            orgId: viewer.orgId,
            groupId: String(input.groupId),
            title: input.title.trim(),
            description: trimmed(input.description) ?? null,
            place: trimmed(input.place) ?? null,
            startsAt: input.startsAt,
            endsAt: input.endsAt,
            createdById: viewer.userId,
          },
        });
        await audit(ctx, { action: "create", entity: "Event", entityId: event.id, details: { groupId: event.groupId } }, tx);
        return event;
      });
    },
  }),

  updateEvent: t.prismaField({
    type: "Event",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateEventInput, required: true }) },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "event", String(args.input.id)),
    resolve: async (query, _root, { input }, ctx) => {
      const orgId = ctx.viewer!.orgId;
      const eventId = String(input.id);
      return prisma().$transaction(async (tx) => {
        const before = await tx.event.findFirst({ where: { id: eventId, orgId }, select: { startsAt: true, endsAt: true, status: true } });
        if (!before) throw notFound("event");
        if (before.status === "CANCELLED") {
          throw new ConflictError("中止になったイベントは変更できません。", "A cancelled event cannot be changed.");
        }
        checkPeriod(input.startsAt ?? before.startsAt, input.endsAt ?? before.endsAt);
        const data = {
          ...(input.title != null ? { title: input.title.trim() } : {}),
          ...(input.description !== undefined ? { description: trimmed(input.description) ?? null } : {}),
          ...(input.place !== undefined ? { place: trimmed(input.place) ?? null } : {}),
          ...(input.startsAt ? { startsAt: input.startsAt } : {}),
          ...(input.endsAt ? { endsAt: input.endsAt } : {}),
        };
        const event = await tx.event.update({ ...query, where: { id: eventId }, data });
        await audit(ctx, { action: "update", entity: "Event", entityId: eventId, details: { fields: Object.keys(data) } }, tx);
        return event;
      });
    },
  }),

  cancelEvent: t.prismaField({
    type: "Event",
    description: "中止: the event stays (with its sign-ups) as a record; no more sign-ups",
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true, validate: id }) },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "event", String(args.id)),
    resolve: async (query, _root, args, ctx) => {
      const orgId = ctx.viewer!.orgId;
      const eventId = String(args.id);
      return prisma().$transaction(async (tx) => {
        const before = await tx.event.findFirst({ where: { id: eventId, orgId }, select: { status: true, activityLogId: true } });
        if (!before) throw notFound("event");
        if (before.status === "CANCELLED") {
          throw new ConflictError("このイベントはすでに中止になっています。", "The event is already cancelled.");
        }
        if (before.activityLogId) {
          throw new ConflictError(
            "活動記録を作成済みのイベントは中止にできません。",
            "An activity log was made from this event; it cannot be cancelled.",
          );
        }
        const event = await tx.event.update({ ...query, where: { id: eventId }, data: { status: "CANCELLED" } });
        await audit(ctx, { action: "update", entity: "Event", entityId: eventId, details: { status: "CANCELLED" } }, tx);
        return event;
      });
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
  }),
});

builder.mutationFields((t) => ({
  addEventTask: t.prismaField({
    type: "EventTask",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AddEventTaskInput, required: true }) },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "event", String(args.input.eventId)),
    resolve: async (query, _root, { input }, ctx) => {
      const orgId = ctx.viewer!.orgId;
      const eventId = String(input.eventId);
      return prisma().$transaction(async (tx) => {
        const event = await tx.event.findFirst({
          where: { id: eventId, orgId },
          select: { groupId: true, startsAt: true, tasks: { select: { sortOrder: true }, orderBy: { sortOrder: "desc" }, take: 1 } },
        });
        if (!event) throw notFound("event");
        const assigneeId = input.assigneeId ? String(input.assigneeId) : null;
        if (assigneeId) await assertEligiblePeople(ctx, tx, event.groupId, [assigneeId], event.startsAt);
        const task = await tx.eventTask.create({
          ...query,
          data: {
            orgId,
            eventId,
            title: input.title.trim(),
            assigneeId,
            dueOn: input.dueOn ?? null,
            sortOrder: (event.tasks[0]?.sortOrder ?? 0) + 1,
          },
        });
        await audit(ctx, { action: "create", entity: "EventTask", entityId: task.id, details: { eventId, assigneeId } }, tx);
        return task;
      });
    },
  }),

  updateEventTask: t.prismaField({
    type: "EventTask",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateEventTaskInput, required: true }) },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "task", String(args.input.id)),
    resolve: async (query, _root, { input }, ctx) => {
      const orgId = ctx.viewer!.orgId;
      const taskId = String(input.id);
      return prisma().$transaction(async (tx) => {
        const before = await tx.eventTask.findFirst({
          where: { id: taskId, orgId },
          select: { doneAt: true, event: { select: { groupId: true, startsAt: true } } },
        });
        if (!before) throw notFound("task");
        const assigneeId = input.assigneeId === undefined ? undefined : input.assigneeId === null ? null : String(input.assigneeId);
        if (assigneeId) await assertEligiblePeople(ctx, tx, before.event.groupId, [assigneeId], before.event.startsAt);
        const data = {
          ...(input.title != null ? { title: input.title.trim() } : {}),
          ...(assigneeId !== undefined ? { assigneeId } : {}),
          ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
          // toggling keeps the first completion time; un-doing clears it
          ...(input.done != null ? { doneAt: input.done ? (before.doneAt ?? new Date()) : null } : {}),
        };
        const task = await tx.eventTask.update({ ...query, where: { id: taskId }, data });
        await audit(ctx, { action: "update", entity: "EventTask", entityId: taskId, details: { fields: Object.keys(data) } }, tx);
        return task;
      });
    },
  }),

  removeEventTask: t.prismaField({
    type: "Event",
    description: "Removes a task; returns its event",
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true, validate: id }) },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "task", String(args.id)),
    resolve: async (query, _root, args, ctx) => {
      const orgId = ctx.viewer!.orgId;
      const taskId = String(args.id);
      return prisma().$transaction(async (tx) => {
        const task = await tx.eventTask.findFirst({ where: { id: taskId, orgId }, select: { eventId: true, title: true } });
        if (!task) throw notFound("task");
        await tx.eventTask.delete({ where: { id: taskId } });
        await audit(ctx, { action: "delete", entity: "EventTask", entityId: taskId, details: { eventId: task.eventId, title: task.title } }, tx);
        return tx.event.findUniqueOrThrow({ ...query, where: { id: task.eventId } });
      });
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
  }),
  validate: z
    .looseObject({ startsAt: z.date().nullish(), endsAt: z.date().nullish() })
    .refine(endsAfterStart, endsAfterStartIssue),
});

builder.mutationFields((t) => ({
  addShift: t.prismaField({
    type: "Shift",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AddShiftInput, required: true }) },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "event", String(args.input.eventId)),
    resolve: async (query, _root, { input }, ctx) => {
      const orgId = ctx.viewer!.orgId;
      const eventId = String(input.eventId);
      return prisma().$transaction(async (tx) => {
        const event = await tx.event.findFirst({ where: { id: eventId, orgId }, select: { status: true } });
        if (!event) throw notFound("event");
        if (event.status === "CANCELLED") {
          throw new ConflictError("中止になったイベントにはシフトを追加できません。", "A cancelled event cannot get new shifts.");
        }
        const shift = await tx.shift.create({
          ...query,
          data: { orgId, eventId, title: input.title.trim(), startsAt: input.startsAt, endsAt: input.endsAt, capacity: input.capacity },
        });
        await audit(ctx, { action: "create", entity: "Shift", entityId: shift.id, details: { eventId, capacity: input.capacity } }, tx);
        return shift;
      });
    },
  }),

  updateShift: t.prismaField({
    type: "Shift",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateShiftInput, required: true }) },
    authScopes: (_root, args, ctx) => eventRecordScope(ctx, "shift", String(args.input.id)),
    resolve: async (query, _root, { input }, ctx) => {
      const orgId = ctx.viewer!.orgId;
      const shiftId = String(input.id);
      return prisma().$transaction(async (tx) => {
        const locked = await lockShift(tx, orgId, shiftId);
        const before = await tx.shift.findUniqueOrThrow({ where: { id: shiftId }, select: { startsAt: true, endsAt: true } });
        checkPeriod(input.startsAt ?? before.startsAt, input.endsAt ?? before.endsAt);
        if (input.capacity != null) {
          const confirmed = await tx.signUp.count({ where: { orgId, shiftId, status: "CONFIRMED" } });
          if (input.capacity < confirmed) {
            throw new InvalidInputError([
              {
                path: "input.capacity",
                message: `定員を確定済みの人数（${confirmed}名）より少なくはできません。先に申し込みをキャンセルしてください。`,
                messageEn: `The capacity cannot be below the ${confirmed} confirmed sign-up(s); cancel sign-ups first.`,
              },
            ]);
          }
        }
        const data = {
          ...(input.title != null ? { title: input.title.trim() } : {}),
          ...(input.startsAt ? { startsAt: input.startsAt } : {}),
          ...(input.endsAt ? { endsAt: input.endsAt } : {}),
          ...(input.capacity != null ? { capacity: input.capacity } : {}),
        };
        await tx.shift.update({ where: { id: shiftId }, data, select: { id: true } });
        const promoted =
          input.capacity != null && input.capacity > locked.capacity
            ? await promoteFromWaitlist(ctx, tx, { id: shiftId, capacity: input.capacity })
            : [];
        await audit(ctx, { action: "update", entity: "Shift", entityId: shiftId, details: { fields: Object.keys(data), promoted } }, tx);
        return tx.shift.findUniqueOrThrow({ ...query, where: { id: shiftId } });
      }, QUEUED_TRANSACTION);
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
      const orgId = ctx.viewer!.orgId;
      const shiftId = String(args.shiftId);
      const attended = [...new Set(args.attendedPersonIds.map(String))];
      return prisma().$transaction(async (tx) => {
        await lockShift(tx, orgId, shiftId);
        const signUps = await tx.signUp.findMany({
          where: { orgId, shiftId, status: { not: "CANCELLED" } },
          select: { personId: true },
        });
        const signedUp = new Set(signUps.map((s) => s.personId));
        const strangers = attended.filter((p) => !signedUp.has(p));
        if (strangers.length > 0) {
          throw new InvalidInputError(
            strangers.map((p) => ({
              path: `attendedPersonIds.${args.attendedPersonIds.map(String).indexOf(p)}`,
              message: "このシフトに申し込んでいない人です。先に申し込みを登録してください。",
              messageEn: "This person is not signed up to the shift; sign them up first.",
            })),
          );
        }
        await tx.signUp.updateMany({ where: { orgId, shiftId, status: { not: "CANCELLED" }, personId: { in: attended } }, data: { attended: true } });
        await tx.signUp.updateMany({
          where: { orgId, shiftId, status: { not: "CANCELLED" }, personId: { notIn: attended } },
          data: { attended: false },
        });
        await audit(ctx, { action: "update", entity: "Shift", entityId: shiftId, details: { attendance: attended.length, signedUp: signedUp.size } }, tx);
        return tx.shift.findUniqueOrThrow({ ...query, where: { id: shiftId } });
      });
    },
  }),

  recordEventActivityLog: t.prismaField({
    type: "Event",
    description:
      "活動記録: one SUBMITTED activity log from the attendance (or confirmed sign-ups) of the event's shifts; once per event",
    errors: { types: mutationErrors },
    args: {
      eventId: t.arg.id({ required: true, validate: id }),
      activityTypeCode: t.arg.string({ required: true, validate: z.string().min(1, "活動種別を指定してください。 / Choose an activity type.") }),
      minutes: t.arg.int({
        description: "the log's minutes; the event's length when omitted",
        validate: z
          .number()
          .int()
          .min(0, "時間（分）は0以上で入力してください。 / Minutes cannot be negative.")
          .max(1440, "時間（分）は1440以下で入力してください。 / At most 1,440 minutes (a day)."),
      }),
      peopleServed: t.arg.int({
        validate: z.number().int().min(0, "対象人数は0以上で入力してください。 / People served cannot be negative."),
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
        .min(1, "本文を入力してください。 / Enter the minutes.")
        .max(20_000, "本文は20000文字以内で入力してください。 / The minutes are at most 20,000 characters."),
    }),
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
      const viewer = ctx.viewer!;
      const groupId = String(input.groupId);
      const eventId = input.eventId ? String(input.eventId) : null;
      return prisma().$transaction(async (tx) => {
        if (eventId) {
          const event = await tx.event.findFirst({ where: { id: eventId, orgId: viewer.orgId }, select: { groupId: true } });
          if (!event || event.groupId !== groupId) {
            throw new InvalidInputError([
              { path: "input.eventId", message: "この団体のイベントではありません。", messageEn: "Not an event of this group." },
            ]);
          }
        }
        const minutes = await tx.meetingMinutes.create({
          ...query,
          data: {
            orgId: viewer.orgId,
            groupId,
            eventId,
            heldOn: input.heldOn,
            title: input.title.trim(),
            body: input.body.trim(),
            recordedById: viewer.userId,
          },
        });
        await audit(ctx, { action: "create", entity: "MeetingMinutes", entityId: minutes.id, details: { groupId, eventId } }, tx);
        return minutes;
      });
    },
  }),
);
