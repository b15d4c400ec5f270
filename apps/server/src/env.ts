// The one place of the server that reads process.env (the API and the database read their own).
import path from "node:path";

import { repoRoot } from "@tsunagu/db/env";

export interface ServerEnv {
  port: number;
  host: string;
  /** the built web app (WEB_DIST, default apps/web/dist) */
  webDir: string;
}

export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got ${env.PORT})`);
  return { port, host: env.HOST ?? "0.0.0.0", webDir: env.WEB_DIST ?? path.join(repoRoot, "apps/web/dist") };
}
