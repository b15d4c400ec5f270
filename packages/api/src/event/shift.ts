// An event's shifts: add one, change it (a larger capacity confirms people waiting, in order; a
// capacity below the confirmed count is refused), take its attendance. A change to an existing
// shift holds the shift's lock as sign-ups do (sign-up.ts). Each returns the shift's id.
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { ConflictError, fieldIssue, InvalidInputError } from "../errors.ts";
import { guardFreeText, isJuvenileGroup } from "../juvenile/code-in-text.ts";
import { findEvent } from "./access.ts";
import { checkPeriod } from "./plan-event.ts";
import { lockShift, promoteFromWaitlist, QUEUED_TRANSACTION } from "./sign-up.ts";

export interface AddShiftInput {
  eventId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  /** saves juvenile-programme text that seems to name someone next to a code (../juvenile/code-in-text.ts) */
  acknowledgeNameWarning?: boolean | null;
}

const shiftTitle = (title: string | null | undefined) => [
  { path: "input.title", text: title, what: { ja: "シフト名", en: "shift title" } },
];

export function addShift(ctx: Context, input: AddShiftInput): Promise<string> {
  const orgId = signedIn(ctx).orgId;
  const { eventId } = input;
  return prisma().$transaction(async (tx) => {
    const event = await findEvent(tx, ctx, eventId, { status: true, groupId: true });
    if (event.status === "CANCELLED") {
      throw new ConflictError({ ja: "中止になったイベントにはシフトを追加できません。", en: "A cancelled event cannot get new shifts." });
    }
    const juvenile = await isJuvenileGroup(tx, orgId, event.groupId);
    await guardFreeText(tx, orgId, { juvenile, acknowledgeNameWarning: input.acknowledgeNameWarning }, shiftTitle(input.title));
    const shift = await tx.shift.create({
      data: { orgId, eventId, title: input.title.trim(), startsAt: input.startsAt, endsAt: input.endsAt, capacity: input.capacity },
      select: { id: true },
    });
    await audit(ctx, { action: "create", entity: "Shift", entityId: shift.id, details: { eventId, capacity: input.capacity } }, tx);
    return shift.id;
  });
}

/** Only the fields given change. */
export interface UpdateShiftInput {
  id: string;
  title?: string | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  capacity?: number | null;
  /** saves juvenile-programme text that seems to name someone next to a code (../juvenile/code-in-text.ts) */
  acknowledgeNameWarning?: boolean | null;
}

export function updateShift(ctx: Context, input: UpdateShiftInput): Promise<string> {
  const orgId = signedIn(ctx).orgId;
  const shiftId = input.id;
  return prisma().$transaction(async (tx) => {
    const locked = await lockShift(tx, orgId, shiftId);
    const before = await tx.shift.findUniqueOrThrow({ where: { id: shiftId }, select: { startsAt: true, endsAt: true } });
    checkPeriod(input.startsAt ?? before.startsAt, input.endsAt ?? before.endsAt);
    const juvenile = await isJuvenileGroup(tx, orgId, locked.event.groupId);
    await guardFreeText(tx, orgId, { juvenile, acknowledgeNameWarning: input.acknowledgeNameWarning }, shiftTitle(input.title));
    if (input.capacity != null) {
      const confirmed = await tx.signUp.count({ where: { orgId, shiftId, status: "CONFIRMED" } });
      if (input.capacity < confirmed) {
        throw new InvalidInputError([
          fieldIssue("input.capacity", {
            ja: `定員を確定済みの人数（${confirmed}名）より少なくはできません。先に申し込みをキャンセルしてください。`,
            en: `The capacity cannot be below the ${confirmed} confirmed sign-up(s); cancel sign-ups first.`,
          }),
        ]);
      }
    }
    const data = {
      ...(input.title != null ? { title: input.title.trim() } : {}),
      ...(input.startsAt ? { startsAt: input.startsAt } : {}),
      ...(input.endsAt ? { endsAt: input.endsAt } : {}),
      ...(input.capacity != null ? { capacity: input.capacity } : {}),
    };
    // the iCal SEQUENCE grows with every change (../calendar/ics.ts)
    await tx.shift.update({ where: { id: shiftId }, data: { ...data, sequence: { increment: 1 } }, select: { id: true } });
    const promoted =
      input.capacity != null && input.capacity > locked.capacity
        ? await promoteFromWaitlist(ctx, tx, { id: shiftId, capacity: input.capacity })
        : [];
    await audit(ctx, { action: "update", entity: "Shift", entityId: shiftId, details: { fields: Object.keys(data), promoted } }, tx);
    return shiftId;
  }, QUEUED_TRANSACTION);
}

/** 出席: the people listed attended; everyone else signed up (not cancelled) did not. */
export function markAttendance(ctx: Context, shiftId: string, attendedPersonIds: string[]): Promise<string> {
  const orgId = signedIn(ctx).orgId;
  const attended = [...new Set(attendedPersonIds)];
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
        strangers.map((p) =>
          fieldIssue(`attendedPersonIds.${attendedPersonIds.indexOf(p)}`, {
            ja: "このシフトに申し込んでいない人です。先に申し込みを登録してください。",
            en: "This person is not signed up to the shift; sign them up first.",
          }),
        ),
      );
    }
    await tx.signUp.updateMany({
      where: { orgId, shiftId, status: { not: "CANCELLED" }, personId: { in: attended } },
      data: { attended: true },
    });
    await tx.signUp.updateMany({
      where: { orgId, shiftId, status: { not: "CANCELLED" }, personId: { notIn: attended } },
      data: { attended: false },
    });
    await audit(
      ctx,
      { action: "update", entity: "Shift", entityId: shiftId, details: { attendance: attended.length, signedUp: signedUp.size } },
      tx,
    );
    return shiftId;
  });
}
