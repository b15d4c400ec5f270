// Per account and kind: in the app only, or also by mail. No row means the default, also by mail:
// most accounts (teachers, salon leaders, 部会 members) do not open Tsunagu every day, and a notice
// that waits unseen in the inbox does not replace the 社協's phone round; the mail names no person
// (./text.ts), and turning it off is one switch on the settings screen (docs/api.md).
import { enums, type NotificationKind, type Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";

/** Whether a kind goes out by mail when the account has chosen nothing. */
const MAIL_BY_DEFAULT = true;

/** Every kind, in the order the settings screen lists them. */
export const NOTIFICATION_KINDS = Object.values(enums.NotificationKind);

/** Which of these (account, kind) pairs want mail, as `${userId} ${kind}` (one statement). */
export async function mailWanted(
  tx: Prisma.TransactionClient,
  pairs: Array<{ userId: string; kind: NotificationKind }>,
): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const chosen = await tx.notificationPreference.findMany({
    where: { userId: { in: [...new Set(pairs.map((p) => p.userId))] }, kind: { in: [...new Set(pairs.map((p) => p.kind))] } },
    select: { userId: true, kind: true, mail: true },
  });
  const choice = new Map(chosen.map((row) => [`${row.userId} ${row.kind}`, row.mail]));
  return new Set(pairs.map((p) => `${p.userId} ${p.kind}`).filter((key) => choice.get(key) ?? MAIL_BY_DEFAULT));
}

export interface NotificationPreferenceView {
  kind: NotificationKind;
  mail: boolean;
}

/** The viewer's choice for every kind (the default where they chose nothing). */
export async function listNotificationPreferences(db: Prisma.TransactionClient, userId: string): Promise<NotificationPreferenceView[]> {
  const chosen = await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, mail: true } });
  const choice = new Map(chosen.map((row) => [row.kind, row.mail]));
  return NOTIFICATION_KINDS.map((kind) => ({ kind, mail: choice.get(kind) ?? MAIL_BY_DEFAULT }));
}

/** Saves the viewer's choices (the kinds named; the others stay as they were), audited; returns every kind's. */
export function updateNotificationPreferences(ctx: Context, choices: NotificationPreferenceView[]): Promise<NotificationPreferenceView[]> {
  const viewer = signedIn(ctx);
  return prisma().$transaction(async (tx) => {
    for (const { kind, mail } of choices) {
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: viewer.userId, kind } },
        create: { orgId: viewer.orgId, userId: viewer.userId, kind, mail },
        update: { mail },
      });
    }
    await audit(
      ctx,
      {
        action: "update",
        entity: "NotificationPreference",
        entityId: null,
        details: { choices: choices.map((c) => ({ kind: c.kind, mail: c.mail })) },
      },
      tx,
    );
    return listNotificationPreferences(tx, viewer.userId);
  });
}
