// An event's tasks: who does what by when, done or not. An assignee must be someone the viewer may
// put on the event (assertEligiblePeople). Each change runs in one transaction with its audit entry.
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { guardFreeText, isJuvenileGroup } from "../juvenile/code-in-text.ts";
import { assertEligiblePeople, findEvent, findTask } from "./access.ts";

export interface AddEventTaskInput {
  eventId: string;
  title: string;
  assigneeId?: string | null;
  dueOn?: Date | null;
  /** saves juvenile-programme text that seems to name someone next to a code (../juvenile/code-in-text.ts) */
  acknowledgeNameWarning?: boolean | null;
}

const taskTitle = (title: string | null | undefined) => [{ path: "input.title", text: title, what: { ja: "タスク名", en: "task title" } }];

/** Adds a task at the end of the event's list; returns the task's id. */
export function addEventTask(ctx: Context, input: AddEventTaskInput): Promise<string> {
  const orgId = signedIn(ctx).orgId;
  const { eventId } = input;
  return prisma().$transaction(async (tx) => {
    const event = await findEvent(tx, ctx, eventId, {
      groupId: true,
      startsAt: true,
      tasks: { select: { sortOrder: true }, orderBy: { sortOrder: "desc" }, take: 1 },
    });
    const juvenile = await isJuvenileGroup(tx, orgId, event.groupId);
    await guardFreeText(tx, orgId, { juvenile, acknowledgeNameWarning: input.acknowledgeNameWarning }, taskTitle(input.title));
    const assigneeId = input.assigneeId ?? null;
    if (assigneeId) await assertEligiblePeople(ctx, tx, event.groupId, [assigneeId], event.startsAt);
    const task = await tx.eventTask.create({
      data: {
        orgId,
        eventId,
        title: input.title.trim(),
        assigneeId,
        dueOn: input.dueOn ?? null,
        sortOrder: (event.tasks[0]?.sortOrder ?? 0) + 1,
      },
      select: { id: true },
    });
    await audit(ctx, { action: "create", entity: "EventTask", entityId: task.id, details: { eventId, assigneeId } }, tx);
    return task.id;
  });
}

/** Only the fields given change; assigneeId or dueOn null clears them. */
export interface UpdateEventTaskInput {
  id: string;
  title?: string | null;
  assigneeId?: string | null;
  dueOn?: Date | null;
  done?: boolean | null;
  /** saves juvenile-programme text that seems to name someone next to a code (../juvenile/code-in-text.ts) */
  acknowledgeNameWarning?: boolean | null;
}

export function updateEventTask(ctx: Context, input: UpdateEventTaskInput): Promise<string> {
  const taskId = input.id;
  return prisma().$transaction(async (tx) => {
    const before = await findTask(tx, ctx, taskId, { doneAt: true, event: { select: { groupId: true, startsAt: true } } });
    const orgId = signedIn(ctx).orgId;
    const juvenile = await isJuvenileGroup(tx, orgId, before.event.groupId);
    await guardFreeText(tx, orgId, { juvenile, acknowledgeNameWarning: input.acknowledgeNameWarning }, taskTitle(input.title));
    const { assigneeId } = input;
    if (assigneeId) await assertEligiblePeople(ctx, tx, before.event.groupId, [assigneeId], before.event.startsAt);
    const data = {
      ...(input.title != null ? { title: input.title.trim() } : {}),
      ...(assigneeId !== undefined ? { assigneeId } : {}),
      ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
      // toggling keeps the first completion time; un-doing clears it
      ...(input.done != null ? { doneAt: input.done ? (before.doneAt ?? new Date()) : null } : {}),
    };
    await tx.eventTask.update({ where: { id: taskId }, data, select: { id: true } });
    await audit(ctx, { action: "update", entity: "EventTask", entityId: taskId, details: { fields: Object.keys(data) } }, tx);
    return taskId;
  });
}

/** Removes a task; returns its event's id. */
export function removeEventTask(ctx: Context, taskId: string): Promise<string> {
  return prisma().$transaction(async (tx) => {
    const task = await findTask(tx, ctx, taskId, { eventId: true, title: true });
    await tx.eventTask.delete({ where: { id: taskId } });
    await audit(
      ctx,
      { action: "delete", entity: "EventTask", entityId: taskId, details: { eventId: task.eventId, title: task.title } },
      tx,
    );
    return task.eventId;
  });
}
