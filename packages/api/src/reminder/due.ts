// What every reminder finder shares: Japan's clock (when the sending hours of a day begin), who the
// staff of an organisation are, and the "told already" filter that keeps a scan from calling notify
// again for a reminder every recipient has had.
import type { Logger } from "pino";

import { addDays, type NotificationKind, type Prisma } from "@tsunagu/db";

const JST_OFFSET_MS = 9 * 3_600_000;

/** Reminders of a day are sent from 09:00 in Japan (none is mailed at night as it becomes due). */
const SENDING_HOUR_JST = 9;

/** Whether the sending hours of `now`'s day in Japan have begun (09:00 JST or later). */
export function sendingHoursBegun(now: Date): boolean {
  return new Date(now.getTime() + JST_OFFSET_MS).getUTCHours() >= SENDING_HOUR_JST;
}

/** The Monday of the week (Monday to Sunday) of a day (a UTC-midnight Date): the week's key, YYYY-MM-DD. */
export function weekOf(day: Date): string {
  return isoDay(addDays(day, -((day.getUTCDay() + 6) % 7)));
}

/** A UTC-midnight Date as YYYY-MM-DD. */
export const isoDay = (day: Date): string => day.toISOString().slice(0, 10);

/** The accounts holding an active STAFF role in each organisation asked for. */
export async function staffOf(tx: Prisma.TransactionClient, orgIds: readonly string[]): Promise<Map<string, string[]>> {
  const roles = await tx.accessRoleAssignment.findMany({
    where: { orgId: { in: [...new Set(orgIds)] }, role: "STAFF", revokedAt: null },
    select: { orgId: true, userId: true },
    orderBy: { userId: "asc" },
  });
  const byOrg = new Map<string, string[]>();
  for (const r of roles) byOrg.set(r.orgId, [...(byOrg.get(r.orgId) ?? []), r.userId]);
  return byOrg;
}

/** A reminder a finder found due: its subject, its key and whom it would tell. */
export interface DueReminder {
  dedupeKey: string;
  recipients: string[];
}

/**
 * Of the due reminders, each with only the recipients not told of it yet (a reminder with nobody
 * left is dropped). notify would insert nothing for them anyway; this keeps a minute's scan to one
 * read when nothing is new. Recipients notify drops (no access to the record) stay in, as nothing of
 * them is stored: notify is asked again, and drops them again.
 */
export async function notToldYet<R extends DueReminder>(
  tx: Prisma.TransactionClient,
  kind: NotificationKind,
  due: readonly R[],
): Promise<R[]> {
  if (due.length === 0) return [];
  const told = await tx.notification.findMany({
    where: { kind, dedupeKey: { in: [...new Set(due.map((d) => d.dedupeKey))] } },
    select: { recipientId: true, dedupeKey: true },
  });
  const seen = new Set(told.map((t) => `${t.dedupeKey}\n${t.recipientId}`));
  return due
    .map((d) => ({ ...d, recipients: [...new Set(d.recipients)].filter((r) => !seen.has(`${d.dedupeKey}\n${r}`)) }))
    .filter((d) => d.recipients.length > 0);
}

/** Of `keys`, those of which somebody has been told (a reminder sent, to some recipient at least). */
export async function toldKeys(tx: Prisma.TransactionClient, kind: NotificationKind, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const told = await tx.notification.findMany({
    where: { kind, dedupeKey: { in: [...new Set(keys)] } },
    select: { dedupeKey: true },
    distinct: ["dedupeKey"],
  });
  return new Set(told.map((t) => t.dedupeKey));
}

/** What one finder did in one scan. */
export interface FinderResult {
  /** notifications newly inserted (one per recipient told) */
  sent: number;
  /** reminders found no longer worth sending (the shift began, the invitation expired) — each logged */
  skipped: number;
}

/** A finder: reads what is due at `now` and notifies, in the scan's transaction. */
export type Finder = (tx: Prisma.TransactionClient, at: { now: Date; since: Date }, log: Logger) => Promise<FinderResult>;
