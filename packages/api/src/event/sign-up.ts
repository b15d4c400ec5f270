// Sign-ups to a shift: CONFIRMED while places are left, else WAITLISTED; a cancellation of a
// confirmed place promotes the first person waiting. Every change to a shift's sign-ups first locks
// the shift row (SELECT … FOR UPDATE) inside its transaction, so on PostgreSQL concurrent requests
// count the confirmed places one after another (PGlite runs transactions one at a time anyway).
// Queue order is (signedUpAt, id), with signedUpAt taken after the lock is held.
import type { Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { ConflictError } from "../errors.ts";
import { notifyWaitlistPromoted } from "../notification/triggers.ts";
import { assertEligiblePeople, notFound } from "./access.ts";
import { inShiftQueue } from "./shift-queue.ts";

/**
 * Sign-ups queue for a shift's lock: many may wait (50 at once in the tests), so a transaction
 * may wait long for its turn without being an error.
 */
export const QUEUED_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;

const queueOrder = [{ signedUpAt: "asc" as const }, { id: "asc" as const }];

/** Locks the shift row for the rest of the transaction; returns its event's group and state. */
export async function lockShift(tx: Prisma.TransactionClient, orgId: string, shiftId: string) {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Shift" WHERE "id" = ${shiftId}::uuid AND "orgId" = ${orgId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound("shift");
  return tx.shift.findUniqueOrThrow({
    where: { id: shiftId },
    select: {
      id: true,
      capacity: true,
      startsAt: true,
      event: { select: { id: true, groupId: true, status: true } },
    },
  });
}

function confirmedCount(tx: Prisma.TransactionClient, orgId: string, shiftId: string): Promise<number> {
  return tx.signUp.count({ where: { orgId, shiftId, status: "CONFIRMED" } });
}

/**
 * Confirms waiting people, first come first served, while the shift has places. The caller holds
 * the shift's lock. Returns the promoted sign-ups' ids.
 */
export async function promoteFromWaitlist(
  ctx: Context,
  tx: Prisma.TransactionClient,
  shift: { id: string; capacity: number },
): Promise<string[]> {
  const orgId = signedIn(ctx).orgId;
  const free = shift.capacity - (await confirmedCount(tx, orgId, shift.id));
  if (free <= 0) return [];
  const waiting = await tx.signUp.findMany({
    where: { orgId, shiftId: shift.id, status: "WAITLISTED" },
    orderBy: queueOrder,
    take: free,
    select: { id: true },
  });
  if (waiting.length === 0) return [];
  const ids = waiting.map((w) => w.id);
  await tx.signUp.updateMany({ where: { id: { in: ids } }, data: { status: "CONFIRMED" } });
  for (const id of ids) {
    await audit(ctx, { action: "update", entity: "SignUp", entityId: id, details: { status: "CONFIRMED", was: "WAITLISTED" } }, tx);
  }
  await notifyWaitlistPromoted(tx, signedIn(ctx).userId, orgId, ids);
  return ids;
}

/**
 * Signs a person up to a shift (or re-signs a cancelled sign-up, at the back of the queue). Sign-ups
 * to one shift queue in this process first (shift-queue.ts), holding no connection while they wait.
 */
export async function signUp(ctx: Context, shiftId: string, personId: string): Promise<string> {
  const orgId = signedIn(ctx).orgId;
  return inShiftQueue(shiftId, () => signUpNow(ctx, orgId, shiftId, personId));
}

function signUpNow(ctx: Context, orgId: string, shiftId: string, personId: string): Promise<string> {
  return prisma().$transaction(async (tx) => {
    const shift = await lockShift(tx, orgId, shiftId);
    if (shift.event.status === "CANCELLED") {
      throw new ConflictError({ ja: "中止になったイベントには申し込めません。", en: "The event has been cancelled; sign-ups are closed." });
    }
    await assertEligiblePeople(ctx, tx, shift.event.groupId, [personId], shift.startsAt);
    const existing = await tx.signUp.findUnique({
      where: { shiftId_personId: { shiftId, personId } },
      select: { id: true, status: true },
    });
    if (existing && existing.status !== "CANCELLED") {
      throw new ConflictError({
        ja:
          existing.status === "CONFIRMED"
            ? "この人はすでにこのシフトに申し込み済みです。"
            : "この人はすでにこのシフトのキャンセル待ちです。",
        en:
          existing.status === "CONFIRMED"
            ? "This person is already signed up to this shift."
            : "This person is already on this shift's waiting list.",
      });
    }
    const status = (await confirmedCount(tx, orgId, shiftId)) < shift.capacity ? "CONFIRMED" : "WAITLISTED";
    const data = { status, signedUpAt: new Date(), cancelledAt: null, attended: null } as const;
    const row = existing
      ? await tx.signUp.update({ where: { id: existing.id }, data })
      : await tx.signUp.create({ data: { orgId, shiftId, personId, ...data } });
    await audit(
      ctx,
      { action: existing ? "update" : "create", entity: "SignUp", entityId: row.id, details: { shiftId, personId, status } },
      tx,
    );
    return row.id;
  }, QUEUED_TRANSACTION);
}

/**
 * Cancels a sign-up; a confirmed place that frees up goes to the first person waiting. It locks the
 * shift as a sign-up does, so it queues with the sign-ups to that shift (shift-queue.ts).
 */
export async function cancelSignUp(ctx: Context, signUpId: string): Promise<string> {
  const orgId = signedIn(ctx).orgId;
  const before = await prisma().signUp.findFirst({ where: { id: signUpId, orgId }, select: { shiftId: true } });
  if (!before) throw notFound("signUp");
  return inShiftQueue(before.shiftId, () => cancelSignUpNow(ctx, orgId, signUpId, before.shiftId));
}

function cancelSignUpNow(ctx: Context, orgId: string, signUpId: string, shiftId: string): Promise<string> {
  return prisma().$transaction(async (tx) => {
    const shift = await lockShift(tx, orgId, shiftId);
    // read again under the lock: a concurrent cancellation may have come first
    const current = await tx.signUp.findUniqueOrThrow({ where: { id: signUpId }, select: { status: true } });
    if (current.status === "CANCELLED") {
      throw new ConflictError({ ja: "この申し込みはすでにキャンセルされています。", en: "This sign-up has already been cancelled." });
    }
    const row = await tx.signUp.update({
      where: { id: signUpId },
      data: { status: "CANCELLED", cancelledAt: new Date(), attended: null },
    });
    const promoted = current.status === "CONFIRMED" ? await promoteFromWaitlist(ctx, tx, shift) : [];
    await audit(
      ctx,
      { action: "update", entity: "SignUp", entityId: signUpId, details: { status: "CANCELLED", was: current.status, promoted } },
      tx,
    );
    return row.id;
  }, QUEUED_TRANSACTION);
}
