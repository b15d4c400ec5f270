// `npm start`: the API (and, once built, the web app) on one port, PORT (default 4000).
import { createLogger, createMailSender, readApiEnv, startMailDelivery } from "@tsunagu/api";
import { getDatabase } from "@tsunagu/db/client";

import { createServer } from "./app.ts";
import { readServerEnv } from "./env.ts";
import { prepareDatabase } from "./start.ts";

const apiEnv = readApiEnv();
const serverEnv = readServerEnv();
// redacting: no cookie, authorization header, token or mail body reaches the log
const log = createLogger(apiEnv.logLevel);

try {
  await prepareDatabase(log);
} catch (err) {
  log.fatal(err instanceof Error ? err.message : err);
  process.exit(1);
}
const { app } = await createServer(apiEnv, log, serverEnv.webDir);
const server = app.listen(serverEnv.port, serverEnv.host, () => {
  log.info(`ツナグ / Tsunagu: http://localhost:${serverEnv.port}/`);
});
// the outbox: SMTP with SMTP_URL; a file per mail outside production; in production without
// SMTP_URL, createMailSender logs an error and mail waits in the outbox
const sender = createMailSender(apiEnv, log);
const mail = sender ? startMailDelivery(sender, log) : null;

async function shutdown(signal: string) {
  log.info({ signal }, "shutting down");
  await mail?.stop();
  server.close();
  await (await getDatabase()).close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
