// Who may touch an event's records: the `group` auth scope of the event's group. Tasks, shifts and
// sign-ups are reached through their event, so their group is looked up once per request (memo),
// always within the viewer's organisation — a row of another 社協 is simply not found.
import { todayInJapan, type Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { memo, signedIn, type Context } from "../context.ts";
import { ForbiddenError, NotFoundError, type Bilingual } from "../errors.ts";
import { assertNoNamedPersonInCohort } from "../juvenile/cohort-people.ts";
import { canAccessGroup } from "../organization/access.ts";

type EventRecordKind = "event" | "task" | "shift" | "signUp";

/** The group of an event (or of the event a task, shift or sign-up belongs to); null if not found. */
function eventGroupOf(ctx: Context, kind: EventRecordKind, id: string): Promise<string | null> {
  const orgId = signedIn(ctx).orgId;
  return memo(ctx, `event-group:${kind}:${id}`, async () => {
    const db = prisma();
    switch (kind) {
      case "event":
        return (await db.event.findFirst({ where: { id, orgId }, select: { groupId: true } }))?.groupId ?? null;
      case "task":
        return (
          (await db.eventTask.findFirst({ where: { id, orgId }, select: { event: { select: { groupId: true } } } }))?.event.groupId ?? null
        );
      case "shift":
        return (
          (await db.shift.findFirst({ where: { id, orgId }, select: { event: { select: { groupId: true } } } }))?.event.groupId ?? null
        );
      case "signUp":
        return (
          (await db.signUp.findFirst({ where: { id, orgId }, select: { shift: { select: { event: { select: { groupId: true } } } } } }))
            ?.shift.event.groupId ?? null
        );
    }
  });
}

/**
 * The auth scope of a mutation on an event record: the `group` scope of its group. A record that
 * is not found (or belongs to another organisation) passes on to the resolver, which answers
 * NOT_FOUND without saying more.
 */
export async function eventRecordScope(ctx: Context, kind: EventRecordKind, id: string) {
  const groupId = await eventGroupOf(ctx, kind, id);
  return groupId ? { group: groupId } : { signedIn: true };
}

/**
 * Whether the viewer may read an event (the `group` scope of its group). The root `event(id)` read
 * answers null both for an unknown id and for an event outside the viewer's reach, so the answer
 * does not reveal that the event exists.
 */
export async function canSeeEvent(ctx: Context, id: string): Promise<boolean> {
  const groupId = await eventGroupOf(ctx, "event", id);
  return groupId !== null && (await canAccessGroup(ctx, groupId));
}

const WHAT: Record<EventRecordKind, Bilingual> = {
  event: { ja: "イベント", en: "event" },
  task: { ja: "タスク", en: "task" },
  shift: { ja: "シフト", en: "shift" },
  signUp: { ja: "申し込み", en: "sign-up" },
};

export function notFound(kind: EventRecordKind): NotFoundError {
  return new NotFoundError(WHAT[kind]);
}

type Tx = Prisma.TransactionClient;

/** An event of the viewer's organisation, read in the caller's transaction; NOT_FOUND otherwise. */
export async function findEvent<S extends Prisma.EventSelect>(tx: Tx, ctx: Context, id: string, select: S) {
  const event = await tx.event.findFirst({ where: { id, orgId: signedIn(ctx).orgId }, select });
  if (!event) throw notFound("event");
  return event;
}

/** A task of an event of the viewer's organisation, read in the caller's transaction; NOT_FOUND otherwise. */
export async function findTask<S extends Prisma.EventTaskSelect>(tx: Tx, ctx: Context, id: string, select: S) {
  const task = await tx.eventTask.findFirst({ where: { id, orgId: signedIn(ctx).orgId }, select });
  if (!task) throw notFound("task");
  return task;
}

/**
 * Checks that people may be put on an event of `groupId` (signed up, assigned a task): they are of
 * the viewer's organisation, and — unless the viewer is staff — members of the group or of the
 * network above it (an open membership on the event's day, or today). Never for a juvenile cohort's
 * event, whatever the viewer's role (../juvenile/cohort-people.ts).
 */
export async function assertEligiblePeople(ctx: Context, tx: Tx, groupId: string, personIds: string[], on: Date): Promise<void> {
  const viewer = signedIn(ctx);
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return;
  const found = await tx.person.findMany({ where: { orgId: viewer.orgId, id: { in: ids } }, select: { id: true } });
  if (found.length !== ids.length) throw new NotFoundError({ ja: "人", en: "person" });
  const group = await tx.group.findFirstOrThrow({
    where: { id: groupId, orgId: viewer.orgId },
    select: { parentId: true, programme: { select: { privacyTier: true } } },
  });
  // a cohort's events take no named person, whoever asks (staff too)
  assertNoNamedPersonInCohort(group, "personId");
  if (viewer.isStaff) return;
  const day = todayInJapan(on);
  const today = todayInJapan();
  const members = await tx.membership.findMany({
    where: {
      orgId: viewer.orgId,
      personId: { in: ids },
      groupId: { in: group.parentId ? [groupId, group.parentId] : [groupId] },
      OR: [{ endedOn: null }, { endedOn: { gte: day < today ? day : today } }],
    },
    select: { personId: true },
    distinct: ["personId"],
  });
  if (members.length !== ids.length) {
    throw new ForbiddenError({
      ja: "部会またはネットワークのメンバーではない人は、申し込み・担当に登録できません。",
      en: "Only members of the subcommittee or its network can be signed up or assigned.",
    });
  }
}
