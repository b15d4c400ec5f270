// The notifications that existing mutations make, in the mutation's own transaction (so a change
// that rolls back tells nobody). Nobody is told of what they did themselves: the acting account is
// left out. Who may read the record is notify's check (./notify.ts).
//
// - a log approved or returned (差し戻し) → the account that submitted it;
// - a thank-you to a group approved → the group's leaders (../roster/leaders.ts);
// - a sign-up moved up from the waiting list → the person, when their account may read the event,
//   and the event's organisers: the account that planned it (Event.createdBy) and the group's
//   leaders (its 部会長 / 代表).
import type { Prisma } from "@tsunagu/db";

import { groupLeaderAccounts } from "../roster/leaders.ts";
import { notify, notifyMany } from "./notify.ts";
import { eventGroupTier, eventTitles } from "./text.ts";

type Tx = Prisma.TransactionClient;

const day = (d: Date) => d.toISOString().slice(0, 10);
const others = (ids: Array<string | null | undefined>, actorId: string) =>
  [...new Set(ids)].filter((id): id is string => typeof id === "string" && id !== actorId);

/** ACTIVITY_LOG_APPROVED / ACTIVITY_LOG_RETURNED to each log's submitter (once per log and version). */
export async function notifyActivityLogsDecided(tx: Tx, actorId: string, orgId: string, ids: string[], decision: "APPROVED" | "REJECTED") {
  const logs = await tx.activityLog.findMany({
    where: { orgId, id: { in: ids }, status: decision },
    select: {
      id: true,
      version: true,
      date: true,
      submittedById: true,
      group: { select: { name: true } },
      activityType: { select: { name: true, nameEn: true } },
    },
  });
  // one notifyMany for the whole batch: a bulk approval costs the same few statements as one
  await notifyMany(
    tx,
    logs.map((log) => {
      const params = {
        group: log.group.name,
        date: day(log.date),
        activityType: { ja: log.activityType.name, en: log.activityType.nameEn },
      };
      const common = { recipients: others([log.submittedById], actorId), subject: { type: "ACTIVITY_LOG" as const, id: log.id }, params };
      // approval is once per log (a correction later keeps it approved); a log can be returned again
      // after a resubmission, so each return is its own version
      return decision === "APPROVED"
        ? { ...common, kind: "ACTIVITY_LOG_APPROVED" as const, dedupeKey: log.id }
        : { ...common, kind: "ACTIVITY_LOG_RETURNED" as const, dedupeKey: `${log.id}:${log.version}` };
    }),
  );
}

/** THANK_YOU_APPROVED to the leaders of each group thanked (a thank-you to a person tells nobody here). */
export async function notifyThankYousApproved(tx: Tx, actorId: string, orgId: string, ids: string[]) {
  const messages = await tx.thankYouMessage.findMany({
    where: { orgId, id: { in: ids }, status: "APPROVED", toGroupId: { not: null } },
    select: { id: true, toGroupId: true, receivedOn: true, toGroup: { select: { name: true } } },
  });
  const leaders = new Map<string, string[]>();
  for (const groupId of new Set(messages.flatMap((m) => m.toGroupId ?? [])))
    leaders.set(groupId, await groupLeaderAccounts(tx, orgId, groupId));
  await notifyMany(
    tx,
    messages.flatMap((m) =>
      m.toGroupId && m.toGroup
        ? [
            {
              kind: "THANK_YOU_APPROVED" as const,
              recipients: others(leaders.get(m.toGroupId) ?? [], actorId),
              subject: { type: "THANK_YOU" as const, id: m.id },
              params: { group: m.toGroup.name, receivedOn: day(m.receivedOn) },
              dedupeKey: m.id,
            },
          ]
        : [],
    ),
  );
}

/** WAITLIST_PROMOTED to the person moved up (if they have an account) and to the event's organisers. */
export async function notifyWaitlistPromoted(tx: Tx, actorId: string, orgId: string, signUpIds: string[]) {
  const signUps = await tx.signUp.findMany({
    where: { orgId, id: { in: signUpIds }, status: "CONFIRMED" },
    select: {
      id: true,
      signedUpAt: true,
      person: { select: { user: { select: { id: true } } } },
      shift: {
        select: {
          title: true,
          startsAt: true,
          event: { select: { id: true, title: true, groupId: true, createdById: true, ...eventGroupTier } },
        },
      },
    },
  });
  for (const s of signUps) {
    const { event } = s.shift;
    const base = { ...eventTitles(event, s.shift.title), eventId: event.id, startsAt: s.shift.startsAt.toISOString() };
    const subject = { type: "EVENT" as const, id: event.id };
    // one promotion per sign-up and queue place: a sign-up cancelled and made again is a new one
    const dedupeKey = `${s.id}:${s.signedUpAt.toISOString()}`;
    const person = others([s.person.user?.id], actorId);
    // the person first: when they are an organiser too, they get the personal text
    await notify(tx, { kind: "WAITLIST_PROMOTED", recipients: person, subject, params: { ...base, mine: true }, dedupeKey });
    const organisers = others([event.createdById, ...(await groupLeaderAccounts(tx, orgId, event.groupId))], actorId);
    await notify(tx, { kind: "WAITLIST_PROMOTED", recipients: organisers, subject, params: { ...base, mine: false }, dedupeKey });
  }
}
