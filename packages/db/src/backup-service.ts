// Backups of the embedded database while the server runs (README "Backups", docs/data-model.md).
//
// The server holds the embedded folder's lock, and no second process may open the folder (that
// destroys data), nor may anyone copy it while it is written. So the server itself writes the
// backup: it listens on 127.0.0.1 only, on a port the system picks, and writes the port and a
// random secret to `<data folder>/.tsunagu-backup.json`, readable by its owner only (0600; the
// folder holds the data itself, so whoever can read that file can read the data anyway).
// `npm run db:backup` finding the folder held reads that file, checks it belongs to the lock's
// holder (same pid), and sends `POST /backup { file }` with the secret; the server runs
// writeBackup on its own connection — one REPEATABLE READ transaction, the same logical format as
// every other backup — to that file, and answers with the row counts. One backup at a time.
import { randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { BackupError, writeBackup } from "./backup.ts";
import type { Database } from "./database.ts";

/** the file in the data folder that tells db:backup where the running server listens */
export const BACKUP_ENDPOINT_FILE = ".tsunagu-backup.json";

interface Endpoint {
  pid: number;
  port: number;
  secret: string;
}

export interface BackupResult {
  file: string;
  tables: Record<string, number>;
}

/** what the server reports (pino's shape); nothing secret is passed to it */
interface BackupLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const MAX_BODY = 16 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) reject(new Error("request too large"));
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function answer(res: http.ServerResponse, status: number, body: object): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/**
 * Answers backup requests for the embedded database `db` (held by this process) until closed.
 * `close()` waits for a backup in progress, then removes the endpoint file.
 */
export async function serveBackups(db: Database, options: { dataDir: string; log?: BackupLog }): Promise<{ close(): Promise<void> }> {
  const secret = randomBytes(32).toString("hex");
  let queue: Promise<unknown> = Promise.resolve();
  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.method !== "POST" || req.url !== "/backup") return answer(res, 404, { error: "not found" });
      if (!sameSecret(req.headers.authorization ?? "", `Bearer ${secret}`)) return answer(res, 401, { error: "unauthorized" });
      let file: unknown;
      try {
        file = (JSON.parse(await readBody(req)) as { file?: unknown }).file;
      } catch {
        return answer(res, 400, { error: "bad request" });
      }
      if (typeof file !== "string" || !path.isAbsolute(file)) return answer(res, 400, { error: "file must be an absolute path" });
      // one backup at a time: a second request waits for the first
      const run = queue.then(() => writeBackup(db, { file, dir: path.dirname(file) }));
      queue = run.catch(() => undefined);
      try {
        const result = await run;
        options.log?.info({ file: result.file }, "backup written for npm run db:backup");
        answer(res, 200, result);
      } catch (err) {
        options.log?.error({ err }, "backup requested by npm run db:backup failed");
        answer(res, 500, { error: err instanceof Error ? err.message : String(err) });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  server.unref(); // never keeps the process alive by itself
  const endpoint: Endpoint = { pid: process.pid, port: (server.address() as AddressInfo).port, secret };
  const file = path.join(options.dataDir, BACKUP_ENDPOINT_FILE);
  const temp = `${file}.${randomBytes(6).toString("hex")}`;
  await fs.writeFile(temp, JSON.stringify(endpoint), { mode: 0o600, flag: "wx" });
  await fs.rename(temp, file);
  return {
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue;
      const current = await readEndpoint(options.dataDir);
      if (current?.secret === secret) await fs.rm(file, { force: true });
    },
  };
}

async function readEndpoint(dataDir: string): Promise<Endpoint | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(path.join(dataDir, BACKUP_ENDPOINT_FILE), "utf8")) as Partial<Endpoint>;
    if (typeof parsed.pid !== "number" || typeof parsed.port !== "number" || typeof parsed.secret !== "string") return undefined;
    return parsed as Endpoint;
  } catch {
    return undefined;
  }
}

/**
 * Asks the server holding the embedded folder `dataDir` (process `holderPid`, from its lock) to
 * write a backup to `file`. Resolves to undefined when that process does not answer backups
 * (no endpoint file, or one left by another process).
 */
export async function requestBackup(dataDir: string, holderPid: number, file: string): Promise<BackupResult | undefined> {
  const endpoint = await readEndpoint(dataDir);
  if (!endpoint || endpoint.pid !== holderPid) return undefined;
  const body = JSON.stringify({ file: path.resolve(file) });
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: endpoint.port,
        path: "/backup",
        method: "POST",
        headers: {
          authorization: `Bearer ${endpoint.secret}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  }).catch((err: unknown) => {
    throw new BackupError(
      `実行中のサーバー（プロセス ${holderPid}）にバックアップを依頼できませんでした: ${String(err)}。サーバーが止まった場合は、もう一度実行してください。`,
      `Could not ask the running server (process ${holderPid}) for the backup: ${String(err)}. If the server stopped, run this again.`,
    );
  });
  if (status !== 200) {
    const reason = (JSON.parse(text || "{}") as { error?: string }).error ?? `HTTP ${status}`;
    throw new BackupError(
      `実行中のサーバーがバックアップに失敗しました（何も書き込んでいません）: ${reason}`,
      `The running server could not write the backup (no file was written): ${reason}`,
    );
  }
  return JSON.parse(text) as BackupResult;
}
