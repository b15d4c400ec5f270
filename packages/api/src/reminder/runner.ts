// The reminder loop every server instance runs (apps/server/src/main.ts): one scan when it starts —
// the catch-up after a downtime; main.ts lets the server serve its first requests for 10 s first —
// and one every intervalMs (TSUNAGU_REMINDER_INTERVAL_MS, default a
// minute; 0 turns the loop off on that instance). Each scan after the first looks back only to the
// one before it for reminders to log as skipped. Like the mail loop (../auth/mail-delivery.ts): a
// failed round is logged and the next one runs as planned; stop() lets a running scan finish the kind
// it is on (one transaction) and waits for it.
import type { Logger } from "pino";

import { scanReminders, type ScanOptions, type ScanResult } from "./scan.ts";

export interface Reminders {
  /** stops the loop and waits for a running scan to finish the kind it is on */
  stop(): Promise<void>;
}

export interface ReminderLoopOptions extends Omit<ScanOptions, "since" | "signal"> {
  intervalMs?: number;
  /** the wait before the first scan (default none) */
  firstScanDelayMs?: number;
  /** the clock (tests set the day) */
  clock?: () => Date;
  /** called after each scan (tests) */
  onScan?: (result: ScanResult) => void;
}

export function startReminders(log: Logger, options: ReminderLoopOptions = {}): Reminders {
  const intervalMs = options.intervalMs ?? 60_000;
  const clock = options.clock ?? (() => new Date());
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  /** the previous scan's moment; undefined before the first (which looks a week back) */
  let last: Date | undefined;
  const tick = () => {
    const now = clock();
    round = scanReminders(now, log, { ...options, since: last, signal: stopping.signal })
      .then((result) => {
        // a kind that failed looks back from the same moment next time
        if (!Object.values(result).includes("failed")) last = now;
        options.onScan?.(result);
      })
      .catch((err: unknown) => log.error({ err }, "reminder scan failed"))
      .finally(schedule);
  };
  const schedule = () => {
    if (!stopping.signal.aborted) timer = setTimeout(tick, intervalMs);
  };
  if (intervalMs > 0) timer = setTimeout(tick, options.firstScanDelayMs ?? 0);
  else log.info("reminders are off on this instance (TSUNAGU_REMINDER_INTERVAL_MS=0)");
  return {
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      await round;
    },
  };
}
