// `npm start`: the API (and, once built, the web app) on one port, PORT (default 4000).
import { pino } from "pino";

import { deliverPendingMail, readApiEnv } from "@tsunagu/api";
import { getDatabase } from "@tsunagu/db/client";

import { createServer } from "./app.ts";
import { readServerEnv } from "./env.ts";
import { prepareDatabase } from "./start.ts";

const apiEnv = readApiEnv();
const serverEnv = readServerEnv();
const log = pino({ level: apiEnv.logLevel });

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
const mail = setInterval(() => {
  deliverPendingMail(log).catch((err: unknown) => log.error({ err }, "mail delivery failed"));
}, 2_000);

async function shutdown(signal: string) {
  log.info({ signal }, "shutting down");
  clearInterval(mail);
  server.close();
  await (await getDatabase()).close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
