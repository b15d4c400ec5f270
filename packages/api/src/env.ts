// The one place of @tsunagu/api that reads process.env.
import path from "node:path";

import { repoRoot } from "@tsunagu/db/env";

export interface ApiEnv {
  production: boolean;
  /** secret for session cookies and tokens; a fixed development secret when unset outside production */
  authSecret: string;
  /** where the app is reached, for links in mail (invitations, password reset) */
  publicUrl: string;
  /**
   * smtp://user:pass@host:port (smtps:// for TLS from the start) — mail is sent by SMTP. Unset: in
   * production mail stays in the outbox (the server says so at start); elsewhere each mail is
   * written as an .eml file to mailDir
   */
  smtpUrl: string | undefined;
  /** MAIL_FROM: the sender of every mail, e.g. `ツナグ <no-reply@example.jp>` */
  mailFrom: string;
  /** MAIL_DIR: where mail is written without SMTP_URL outside production (default .data/mail, git-ignored) */
  mailDir: string;
  logLevel: string;
  /**
   * TRUST_PROXY: which proxies' X-Forwarded-For names the client (Express's "trust proxy": "loopback",
   * a hop count such as "1", or addresses). Unset: none, the client is the connection's address —
   * otherwise anyone could dodge the sign-in rate limit by sending a different header each time.
   */
  trustProxy: boolean | number | string;
  /**
   * TSUNAGU_REMINDER_INTERVAL_MS: how often this instance scans for due reminders (reminder/runner.ts),
   * besides once at start; 0 turns the scan off on this instance. Default 60000 (a minute)
   */
  reminderIntervalMs: number;
}

export function readApiEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  const production = env.NODE_ENV === "production";
  const authSecret = env.BETTER_AUTH_SECRET ?? (production ? "" : "tsunagu-development-secret-do-not-use-in-production");
  if (!authSecret) throw new Error("BETTER_AUTH_SECRET must be set in production");
  const port = env.PORT ?? "4000";
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  return {
    production,
    authSecret,
    publicUrl,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || `Tsunagu <no-reply@${new URL(publicUrl).hostname}>`,
    mailDir: env.MAIL_DIR || path.join(repoRoot, ".data/mail"),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
    trustProxy: trustProxySetting(env.TRUST_PROXY),
    reminderIntervalMs: reminderInterval(env.TSUNAGU_REMINDER_INTERVAL_MS),
  };
}

function trustProxySetting(value: string | undefined): boolean | number | string {
  if (!value || value === "false") return false;
  if (value === "true") return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function reminderInterval(value: string | undefined): number {
  if (value === undefined || value === "") return 60_000;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0)
    throw new Error(`TSUNAGU_REMINDER_INTERVAL_MS must be a whole number of milliseconds, 0 for off (got ${value})`);
  return ms;
}
