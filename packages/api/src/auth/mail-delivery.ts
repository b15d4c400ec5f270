// Delivery of the mail outbox (./mail.ts): a loop in every server instance claims due rows, sends
// them with nodemailer and records the outcome.
//
// - Claiming: one UPDATE moves the claimed rows' nextAttemptAt a lease ahead and counts an attempt;
//   its sub-select locks them FOR UPDATE SKIP LOCKED, so two instances on one PostgreSQL never claim
//   the same row (a row claimed by the other is skipped while locked and no longer due once its
//   claim has committed). No transaction stays open while mail is sent.
// - Outcome: sent → SENT with sentAt; a temporary failure (network, SMTP 4xx) → still PENDING with
//   lastError and nextAttemptAt by exponential backoff; a permanent one (SMTP 5xx) or the last
//   attempt → FAILED. An instance that dies mid-send leaves the row due again when the lease ends.
// - Transports: SMTP when SMTP_URL is set; otherwise, outside production, each mail is written as an
//   .eml file to MAIL_DIR (git-ignored .data/mail) for the developer to open; in production without
//   SMTP_URL nothing is sent (the server says so at start) and mail waits in the outbox.
// Mail bodies carry links with tokens: no line of this module logs a body or a link, and a body is
// erased from the outbox ("text" = '') once the mail is sent or given up — the row keeps who, what
// subject, when and the outcome.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import type * as Nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";
import type { Logger } from "pino";

import type { PrismaClient } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import type { ApiEnv } from "../env.ts";

interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  attempts: number;
}

export interface MailSender {
  kind: "smtp" | "file";
  /** sends one mail; resolves to what to log about it (the SMTP response or the file written) */
  send(mail: OutboxMail): Promise<Record<string, unknown>>;
  close(): void;
}

type MailEnv = Pick<ApiEnv, "production" | "smtpUrl" | "mailFrom" | "mailDir" | "publicUrl">;

/**
 * The sender for this environment, or null in production without SMTP_URL — which is logged at
 * error level, so that a server that cannot mail anyone says so when it starts.
 */
export function createMailSender(env: MailEnv, log: Logger): MailSender | null {
  // the Message-ID is the outbox row's: a receiver can tell a re-sent copy from a new mail
  const message = (mail: OutboxMail) => ({
    from: env.mailFrom,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    messageId: `<${mail.id}@${new URL(env.publicUrl).hostname}>`,
  });
  if (env.smtpUrl) {
    const smtpUrl = env.smtpUrl;
    const transport = lazyTransport(() => ({
      url: smtpUrl,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
      // nodemailer's own logger would print the SMTP conversation, bodies included
      logger: false,
      debug: false,
    }));
    const server = new URL(env.smtpUrl);
    log.info({ smtp: `${server.protocol}//${server.host}`, from: env.mailFrom }, "mail is sent by SMTP");
    return {
      kind: "smtp",
      async send(mail) {
        const info = await (await transport.get()).sendMail(message(mail));
        return { response: info.response };
      },
      close: () => transport.close(),
    };
  }
  if (env.production) {
    log.error(
      "SMTP_URL が設定されていません。招待・パスワード再設定のメールは送信されず、送信待ちのまま残ります / SMTP_URL is not set: no mail (invitations, password resets) is sent; it waits in the outbox until SMTP_URL is set",
    );
    return null;
  }
  const transport = lazyTransport(() => ({ streamTransport: true, buffer: true, newline: "unix" }));
  log.info({ mailDir: env.mailDir }, "SMTP_URL is not set: each mail is written to an .eml file in mailDir, not sent");
  return {
    kind: "file",
    async send(mail) {
      const info = await (await transport.get()).sendMail(message(mail));
      await mkdir(env.mailDir, { recursive: true });
      const file = path.join(env.mailDir, `${mail.id}.eml`);
      await writeFile(file, info.message as Buffer);
      return { file };
    },
    close: () => transport.close(),
  };
}

/**
 * A nodemailer transport made on the first mail: nodemailer is loaded then, not when the server
 * starts (about 15 MB of memory a server without mail to send never needs).
 */
function lazyTransport(options: () => Parameters<typeof Nodemailer.createTransport>[0]) {
  let made: Promise<Transporter> | undefined;
  return {
    get(): Promise<Transporter> {
      made ??= import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport(options()));
      return made;
    },
    close(): void {
      void made?.then((t) => t.close());
    },
  };
}

export interface DeliveryOptions {
  /** the database client (default: the process's) — tests run two instances on one database */
  db?: PrismaClient;
  /** rows claimed at once */
  batchSize?: number;
  /** a claimed row is due again after this long if its instance never recorded the outcome */
  leaseMs?: number;
  /** the wait after the first failure, doubled after each further one, up to maxDelayMs */
  retryDelayMs?: number;
  maxDelayMs?: number;
  /** attempts before a mail is given up (FAILED) */
  maxAttempts?: number;
}

const DEFAULTS = { batchSize: 20, leaseMs: 5 * 60_000, retryDelayMs: 30_000, maxDelayMs: 60 * 60_000, maxAttempts: 10 };

export interface DeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
}

/** the wait before attempt `attempts + 1`, after `attempts` failed ones */
export function retryDelay(attempts: number, options: { retryDelayMs: number; maxDelayMs: number }): number {
  return Math.min(options.retryDelayMs * 2 ** Math.max(0, attempts - 1), options.maxDelayMs);
}

/** Claims the due rows of the outbox (up to batchSize), sends them and records each outcome. */
export async function deliverPendingMail(sender: MailSender, log: Logger, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const { batchSize, leaseMs, retryDelayMs, maxDelayMs, maxAttempts } = { ...DEFAULTS, ...options };
  const db = options.db ?? prisma();
  const claimed = await db.$queryRaw<OutboxMail[]>`
    UPDATE "MailOutbox"
    SET "attempts" = "attempts" + 1, "nextAttemptAt" = now() + ${leaseMs}::int * interval '1 millisecond'
    WHERE "id" IN (
      SELECT "id" FROM "MailOutbox"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= now()
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${batchSize}::int
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "to", "subject", "text", "attempts"`;
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  for (const mail of claimed) {
    try {
      const sent = await sender.send(mail);
      await db.$executeRaw`
        UPDATE "MailOutbox" SET "status" = 'SENT', "sentAt" = now(), "lastError" = NULL, "text" = ''
        WHERE "id" = ${mail.id}::uuid AND "status" = 'PENDING'`;
      result.sent++;
      log.info({ mailId: mail.id, to: mail.to, attempts: mail.attempts, transport: sender.kind, ...sent }, "mail sent");
    } catch (err) {
      const responseCode = (err as { responseCode?: unknown }).responseCode;
      const permanent = typeof responseCode === "number" && responseCode >= 500 && responseCode < 600;
      const giveUp = permanent || mail.attempts >= maxAttempts;
      const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const delayMs = retryDelay(mail.attempts, { retryDelayMs, maxDelayMs });
      await db.$executeRaw`
        UPDATE "MailOutbox"
        SET "status" = ${giveUp ? "FAILED" : "PENDING"}::"MailStatus", "lastError" = ${lastError},
            "text" = CASE WHEN ${giveUp} THEN '' ELSE "text" END,
            "nextAttemptAt" = now() + ${delayMs}::int * interval '1 millisecond'
        WHERE "id" = ${mail.id}::uuid AND "status" = 'PENDING'`;
      const line = { mailId: mail.id, to: mail.to, attempts: mail.attempts, transport: sender.kind, error: lastError };
      if (giveUp) {
        result.failed++;
        log.error(line, permanent ? "mail refused: given up" : `mail not sent after ${mail.attempts} attempts: given up`);
      } else {
        result.retrying++;
        log.warn({ ...line, retryInMs: delayMs }, "mail not sent: will retry");
      }
    }
  }
  return result;
}

export interface MailDelivery {
  /** stops the loop and waits for a running round to finish */
  stop(): Promise<void>;
}

/** Runs deliverPendingMail every intervalMs (at once again while batches come back full). */
export function startMailDelivery(sender: MailSender, log: Logger, options: DeliveryOptions & { intervalMs?: number } = {}): MailDelivery {
  const intervalMs = options.intervalMs ?? 2_000;
  const batchSize = options.batchSize ?? DEFAULTS.batchSize;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  const tick = () => {
    round = deliverPendingMail(sender, log, options).then(
      (r) => schedule(r.sent + r.retrying + r.failed >= batchSize ? 0 : intervalMs),
      (err: unknown) => {
        log.error({ err }, "mail delivery failed");
        schedule(intervalMs);
      },
    );
  };
  const schedule = (ms: number) => {
    if (!stopped) timer = setTimeout(tick, ms);
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
      sender.close();
    },
  };
}
