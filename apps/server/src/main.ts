// `npm start`: the API (and, once built, the web app) on one port, PORT (default 4000).
//
// One way to stop (SIGINT or SIGTERM, once): stop accepting connections, let the requests in flight
// finish (at most SHUTDOWN_GRACE_MS), stop the mail and reminder loops, close the database (which releases the
// embedded folder's lock), exit 0. Another signal while stopping forces exit 1 — except the same
// Ctrl-C delivered twice within a moment (the terminal signals npm and node together, and npm relays
// it). `npm start` runs the compiled server (dist/main.js, built by `turbo run build`) in node
// itself, through `exec`: no TypeScript loader and no wrapper whose signal relay could send the
// server a late second SIGTERM.
import http from "node:http";

import { createLogger, createMailSender, readApiEnv, startMailDelivery, startReminders } from "@tsunagu/api";
import { serveBackups } from "@tsunagu/db/backup-service";
import { getDatabase } from "@tsunagu/db/client";

import { createServer } from "./app.ts";
import { readServerEnv } from "./env.ts";
import { describeStartupError, listenErrorMessage, prepareDatabase } from "./start.ts";

const SHUTDOWN_GRACE_MS = 10_000;
/** a signal this soon after the first is the same stop delivered twice (by the terminal to the group, and relayed by npm) */
const DUPLICATE_SIGNAL_MS = 2_000;
/** the wait before an instance's first reminder scan */
const FIRST_REMINDER_SCAN_MS = 10_000;

const apiEnv = readApiEnv();
const serverEnv = readServerEnv();
// redacting: no cookie, authorization header, token or mail body reaches the log
const log = createLogger(apiEnv.logLevel);

let stopping: { at: number } | undefined;
/** set once the server listens: stops serving (not the database) */
const serving: { stop?: () => Promise<void> } = {};

async function exitAfterClosingDatabase(code: number): Promise<never> {
  try {
    await (await getDatabase()).close();
  } catch (err) {
    log.error({ err }, "closing the database failed");
    code = code || 1;
  }
  process.exit(code);
}

function onSignal(signal: NodeJS.Signals) {
  if (stopping) {
    if (Date.now() - stopping.at < DUPLICATE_SIGNAL_MS) return;
    log.warn({ signal }, "停止中に再度シグナルを受けたため強制終了します / second signal while stopping: exiting now");
    process.exit(1);
  }
  stopping = { at: Date.now() };
  log.info({ signal }, "shutting down");
  if (!serving.stop) {
    // still starting (migrations, demo data): nothing is served yet; the folder lock is released by
    // this process's end (a lock whose holder is gone is free)
    log.warn("起動中に停止しました / stopped while starting");
    process.exit(1);
  }
  void serving.stop().then(
    () => exitAfterClosingDatabase(0),
    (err: unknown) => {
      log.error({ err }, "shutdown failed");
      return exitAfterClosingDatabase(1);
    },
  );
}
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

try {
  await prepareDatabase(log);
} catch (err) {
  log.fatal(describeStartupError(err));
  process.exit(1);
}
// on the embedded database, `npm run db:backup` asks this process for the backup (it cannot open
// the folder this process holds): a listener on 127.0.0.1 with a secret in the data folder
const db = await getDatabase();
const backups = db.kind === "embedded" ? await serveBackups(db, { dataDir: db.location, log }) : null;
const { app, apollo } = await createServer(apiEnv, log, serverEnv.webDir);
const server = http.createServer(app);
try {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(serverEnv.port, serverEnv.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
} catch (err) {
  log.fatal(listenErrorMessage(err, serverEnv));
  await backups?.close();
  await exitAfterClosingDatabase(1);
}
log.info(`ツナグ / Tsunagu: http://localhost:${serverEnv.port}/`);

// the outbox: SMTP with SMTP_URL; a file per mail outside production; in production without
// SMTP_URL, createMailSender logs an error and mail waits in the outbox
const sender = createMailSender(apiEnv, log);
const mail = sender ? startMailDelivery(sender, log) : null;
// due reminders: a scan shortly after start (what fell due while the server was stopped) and every
// minute; safe with several instances (packages/api/src/reminder/scan.ts). The first scan waits 10 s
// (or one interval, if shorter): on the embedded database its queries share the one connection, and
// the process, with the first requests
const reminders = startReminders(log, {
  intervalMs: apiEnv.reminderIntervalMs,
  firstScanDelayMs: Math.min(FIRST_REMINDER_SCAN_MS, apiEnv.reminderIntervalMs),
});

// while stopping, a connection whose response is done is closed at once (no keep-alive wait)
server.on("request", (_req: http.IncomingMessage, res: http.ServerResponse) => {
  res.once("finish", () => {
    if (stopping) setImmediate(() => server.closeIdleConnections());
  });
});

serving.stop = async () => {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const grace = setTimeout(() => {
    log.warn({ graceMs: SHUTDOWN_GRACE_MS }, "requests still running after the grace period: closing their connections");
    server.closeAllConnections();
  }, SHUTDOWN_GRACE_MS);
  await Promise.all([closed.finally(() => clearTimeout(grace)), mail?.stop(), reminders.stop(), backups?.close()]);
  await apollo.stop();
};
