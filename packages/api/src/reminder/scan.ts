// The reminder scan: each finder reads, from the database as it is now, which reminders are due at
// `now` and tells their recipients through notify (../notification/notify.ts).
//
// - Sent once: notify inserts a notification only once per (recipient, kind, dedupeKey) — a unique
//   key in the database, with ON CONFLICT DO NOTHING — and mails only the rows it inserted; a
//   scan repeated, on this instance or another, finds nothing new.
// - Scanned once: each kind's scan runs in one transaction that first takes
//   pg_try_advisory_xact_lock('Reminder', kind); an instance that finds the lock held skips that kind
//   for this round (the other is scanning it) instead of doing the same reads and waiting on the
//   same rows. The lock ends with the transaction (commit, rollback or lost connection). On the
//   embedded database (PGlite: one process, one connection) the lock is always free.
// - Catch-up: a scan reads what is due now, not what was due at a moment it missed, so the first
//   scan after a start sends what fell due while the server was stopped. A finder whose reminder
//   no longer makes sense (the shift began, the invitation expired) since `since` — the previous
//   scan, or a week back on the first — logs an info line and sends nothing.
import type { Logger } from "pino";

import { Prisma, type NotificationKind, type PrismaClient } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { remindConsents } from "./consent-overdue.ts";
import type { Finder, FinderResult } from "./due.ts";
import { remindInsurance } from "./insurance-next-year.ts";
import { remindInvitations } from "./invitation-expiring.ts";
import { remindShifts } from "./shift-tomorrow.ts";

/** The scheduled kinds and their finders, in the order a scan runs them. */
const FINDERS = {
  SHIFT_TOMORROW: remindShifts,
  CONSENT_OVERDUE_DIGEST: remindConsents,
  INSURANCE_NEXT_YEAR_MISSING: remindInsurance,
  INVITATION_EXPIRING: remindInvitations,
} satisfies Partial<Record<NotificationKind, Finder>>;

export type ReminderKind = keyof typeof FINDERS;

/**
 * Per kind: what its finder did, "busy" (another instance held its lock) or "failed" (logged); a
 * kind not reached before the scan was stopped (options.signal) is absent.
 */
export type ScanResult = Partial<Record<ReminderKind, FinderResult | "busy" | "failed">>;

export interface ScanOptions {
  /** the database client (default: the process's) — tests run two instances on one database */
  db?: PrismaClient;
  /** a reminder that became pointless after this moment is logged as skipped (default: a week before now) */
  since?: Date;
  /** the longest one kind's transaction may run */
  timeoutMs?: number;
  /** once aborted (the server stops), no further kind is scanned: a stop waits for one kind at most */
  signal?: AbortSignal;
}

/** how far back the first scan of a process looks for reminders that became pointless (a downtime) */
const FIRST_SCAN_LOOKBACK_MS = 7 * 86_400_000;

/** Runs every finder at `now`, one transaction per kind; a kind that fails is logged and the others still run. */
export async function scanReminders(now: Date, log: Logger, options: ScanOptions = {}): Promise<ScanResult> {
  const db = options.db ?? prisma();
  const since = options.since ?? new Date(now.getTime() - FIRST_SCAN_LOOKBACK_MS);
  const result = {} as ScanResult;
  for (const [kind, finder] of Object.entries(FINDERS) as Array<[ReminderKind, Finder]>) {
    if (options.signal?.aborted) break;
    try {
      result[kind] = await db.$transaction(
        async (tx) => {
          const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>(
            Prisma.sql`SELECT pg_try_advisory_xact_lock(hashtext('Reminder'), hashtext(${kind}::text)) AS "locked"`,
          );
          if (!locked) return "busy" as const;
          return finder(tx, { now, since }, log);
        },
        { timeout: options.timeoutMs ?? 60_000, maxWait: 10_000 },
      );
    } catch (err) {
      // the error's message and stack only: notify's inputs (mail bodies with links) are never logged
      log.error({ err, kind }, "reminder scan failed");
      result[kind] = "failed";
    }
  }
  const sent = Object.values(result).reduce((n, r) => n + (typeof r === "object" ? r.sent : 0), 0);
  if (sent > 0) log.info({ reminders: result }, "reminders sent");
  return result;
}
