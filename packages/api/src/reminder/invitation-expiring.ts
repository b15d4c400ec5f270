// INVITATION_EXPIRING: an invitation neither accepted nor revoked whose link expires within the
// next 24 hours: the organisation's staff are told, once per invitation and expiry (key
// `<invitationId>:<expiresAt>`: a re-sent invitation has a new expiry, and reminds again if it too
// is about to lapse). The text gives the expiry, never the invitee (the アカウント screen the link
// opens shows who, and can re-send). An invitation that expired while no scan ran (a downtime) is
// skipped with an info line: re-sending is then the staff's call, on that screen.
import { notify } from "../notification/notify.ts";
import { notToldYet, staffOf, toldKeys, type Finder } from "./due.ts";

const KIND = "INVITATION_EXPIRING";

/** how long before its expiry an invitation is reminded of */
const INVITATION_WARNING_MS = 24 * 3_600_000;

const select = { id: true, orgId: true, expiresAt: true } as const;
const pending = { acceptedAt: null, revokedAt: null } as const;
const keyOf = (i: { id: string; expiresAt: Date }) => `${i.id}:${i.expiresAt.toISOString()}`;

export const remindInvitations: Finder = async (tx, { now, since }, log) => {
  const expiring = await tx.invitation.findMany({
    where: { ...pending, expiresAt: { gt: now, lte: new Date(now.getTime() + INVITATION_WARNING_MS) } },
    select,
    orderBy: { expiresAt: "asc" },
  });
  const expired = await tx.invitation.findMany({ where: { ...pending, expiresAt: { gt: since, lte: now } }, select });
  const staff = await staffOf(
    tx,
    expiring.map((i) => i.orgId),
  );
  const due = (i: (typeof expiring)[number]) => ({ invitation: i, dedupeKey: keyOf(i), recipients: staff.get(i.orgId) ?? [] });
  let sent = 0;
  for (const { invitation, dedupeKey, recipients } of await notToldYet(tx, KIND, expiring.map(due))) {
    sent += await notify(tx, {
      kind: KIND,
      recipients,
      subject: { type: "INVITATION", id: invitation.id },
      params: { count: 1, expiresAt: invitation.expiresAt.toISOString() },
      dedupeKey,
    });
  }
  // expired since the last scan without a reminder (a downtime over its last 24 hours): too late
  const told = await toldKeys(tx, KIND, expired.map(keyOf));
  let skipped = 0;
  for (const invitation of expired) {
    if (told.has(keyOf(invitation))) continue;
    skipped++;
    log.info(
      { kind: KIND, invitationId: invitation.id, expiresAt: invitation.expiresAt.toISOString() },
      "reminder skipped: the invitation expired before it could be sent",
    );
  }
  return { sent, skipped };
};
