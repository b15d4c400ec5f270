// Planning an event: create it, change it, cancel it (中止). Each runs in one transaction with its
// audit entry, so a refused change writes nothing, and returns the event's id for the resolver to
// re-read with the client's selection.
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { ConflictError, fieldIssue, InvalidInputError } from "../errors.ts";
import { guardFreeText, isJuvenileGroup } from "../juvenile/code-in-text.ts";
import { findEvent } from "./access.ts";

/** The start and end a change leaves, checked against the stored values. */
export function checkPeriod(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() < startsAt.getTime()) {
    throw new InvalidInputError([
      fieldIssue("input.endsAt", { ja: "終了日時は開始日時より後にしてください。", en: "The end must not be before the start." }),
    ]);
  }
}

const trimmed = (s: string | null | undefined) => (s == null ? s : s.trim() || null);

export interface CreateEventInput {
  groupId: string;
  title: string;
  description?: string | null;
  place?: string | null;
  startsAt: Date;
  endsAt: Date;
  /** saves juvenile-programme text that seems to name someone next to a code (../juvenile/code-in-text.ts) */
  acknowledgeNameWarning?: boolean | null;
}

/** An event's texts, checked for juvenile codes (../juvenile/code-in-text.ts). */
const eventTexts = (input: { title?: string | null; description?: string | null; place?: string | null }) => [
  { path: "input.title", text: input.title, what: { ja: "タイトル", en: "title" } },
  { path: "input.description", text: input.description, what: { ja: "説明", en: "description" } },
  { path: "input.place", text: input.place, what: { ja: "場所", en: "place" } },
];

export function createEvent(ctx: Context, input: CreateEventInput): Promise<string> {
  const viewer = signedIn(ctx);
  return prisma().$transaction(async (tx) => {
    const juvenile = await isJuvenileGroup(tx, viewer.orgId, input.groupId);
    await guardFreeText(tx, viewer.orgId, { juvenile, acknowledgeNameWarning: input.acknowledgeNameWarning }, eventTexts(input));
    // a closed group keeps its events' history but plans no new one (organization/group.ts)
    const group = await tx.group.findFirst({ where: { id: input.groupId, orgId: viewer.orgId }, select: { name: true, endedOn: true } });
    if (group?.endedOn) {
      throw new ConflictError({
        ja: `「${group.name}」は ${group.endedOn.toISOString().slice(0, 10)} に活動を終了しています。新しいイベントは作成できません。`,
        en: `The group was closed on ${group.endedOn.toISOString().slice(0, 10)}; it cannot plan new events.`,
      });
    }
    const event = await tx.event.create({
      data: {
        orgId: viewer.orgId,
        groupId: input.groupId,
        title: input.title.trim(),
        description: trimmed(input.description) ?? null,
        place: trimmed(input.place) ?? null,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        createdById: viewer.userId,
      },
      select: { id: true },
    });
    await audit(ctx, { action: "create", entity: "Event", entityId: event.id, details: { groupId: input.groupId } }, tx);
    return event.id;
  });
}

/** Only the fields given change (null clears a description or place). */
export interface UpdateEventInput {
  id: string;
  title?: string | null;
  description?: string | null;
  place?: string | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  /** saves juvenile-programme text that seems to name someone next to a code (../juvenile/code-in-text.ts) */
  acknowledgeNameWarning?: boolean | null;
}

export function updateEvent(ctx: Context, input: UpdateEventInput): Promise<string> {
  return prisma().$transaction(async (tx) => {
    const before = await findEvent(tx, ctx, input.id, { groupId: true, startsAt: true, endsAt: true, status: true });
    if (before.status === "CANCELLED") {
      throw new ConflictError({ ja: "中止になったイベントは変更できません。", en: "A cancelled event cannot be changed." });
    }
    checkPeriod(input.startsAt ?? before.startsAt, input.endsAt ?? before.endsAt);
    const orgId = signedIn(ctx).orgId;
    const juvenile = await isJuvenileGroup(tx, orgId, before.groupId);
    await guardFreeText(tx, orgId, { juvenile, acknowledgeNameWarning: input.acknowledgeNameWarning }, eventTexts(input));
    const data = {
      ...(input.title != null ? { title: input.title.trim() } : {}),
      ...(input.description !== undefined ? { description: trimmed(input.description) ?? null } : {}),
      ...(input.place !== undefined ? { place: trimmed(input.place) ?? null } : {}),
      ...(input.startsAt ? { startsAt: input.startsAt } : {}),
      ...(input.endsAt ? { endsAt: input.endsAt } : {}),
    };
    // the iCal SEQUENCE grows with every change (../calendar/ics.ts)
    await tx.event.update({ where: { id: input.id }, data: { ...data, sequence: { increment: 1 } }, select: { id: true } });
    await audit(ctx, { action: "update", entity: "Event", entityId: input.id, details: { fields: Object.keys(data) } }, tx);
    return input.id;
  });
}

/** 中止: the event stays (with its sign-ups) as a record; no more sign-ups. */
export function cancelEvent(ctx: Context, eventId: string): Promise<string> {
  return prisma().$transaction(async (tx) => {
    const before = await findEvent(tx, ctx, eventId, { status: true, activityLogId: true });
    if (before.status === "CANCELLED") {
      throw new ConflictError({ ja: "このイベントはすでに中止になっています。", en: "The event is already cancelled." });
    }
    if (before.activityLogId) {
      throw new ConflictError({
        ja: "活動記録を作成済みのイベントは中止にできません。",
        en: "An activity log was made from this event; it cannot be cancelled.",
      });
    }
    // a subscribed calendar sees the event and its shifts cancelled (a new SEQUENCE, ../calendar/ics.ts)
    await tx.event.update({ where: { id: eventId }, data: { status: "CANCELLED", sequence: { increment: 1 } }, select: { id: true } });
    await tx.shift.updateMany({ where: { eventId }, data: { sequence: { increment: 1 } } });
    await audit(ctx, { action: "update", entity: "Event", entityId: eventId, details: { status: "CANCELLED" } }, tx);
    return eventId;
  });
}
