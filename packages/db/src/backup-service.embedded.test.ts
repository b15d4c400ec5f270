// npm run db:backup while a server holds the embedded database and keeps writing: the server writes
// the backup itself (backup-service.ts), from one snapshot. Restoring it into an empty database gives
// a consistent state; once the writes stop, a backup restores to identical row counts and md5s.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BACKUP_ENDPOINT_FILE } from "./backup-service.ts";
import { openDatabase, type Database } from "./database.ts";
import { countRows, tableFingerprints } from "./inspect.ts";
import { runDbScript } from "./testing.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
let dir: string;
let dataDir: string;
let server: ChildProcess;
let lines = "";

function waitForLine(pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(lines);
      if (match) {
        server.stdout!.off("data", check);
        resolve(match);
      }
    };
    server.stdout!.on("data", check);
    server.once("exit", (code) => reject(new Error(`the server exited (${code}) before printing ${pattern}`)));
    check();
  });
}

async function withFolder<T>(folder: string, run: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir: folder });
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}

const writerCounts = (db: Database) =>
  Promise.all([
    db.prisma.organization.count({ where: { slug: { startsWith: "w-" } } }),
    db.prisma.auditEvent.count({ where: { entity: "Writer" } }),
  ]);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tsunagu-live-backup-"));
  dataDir = path.join(dir, "pglite");
  const migrated = await runDbScript("db:migrate", [], { TSUNAGU_DATA_DIR: dataDir });
  expect(migrated.code, migrated.stderr).toBe(0);
  // eslint-disable-next-line no-restricted-properties -- the child gets this process's environment
  const { DATABASE_URL: _ignored, ...env } = process.env;
  server = spawn(process.execPath, ["--import", "tsx", path.join(here, "fixtures", "serve-backups.ts")], {
    env: { ...env, TSUNAGU_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "inherit"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (lines += chunk.toString()));
  await waitForLine(/READY/);
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) server.kill("SIGKILL");
  await fs.rm(dir, { recursive: true, force: true });
});

describe("db:backup while the embedded server runs and writes", () => {
  it("the server writes a consistent backup; after the writes stop, backup → restore is identical", async () => {
    const endpoint = path.join(dataDir, BACKUP_ENDPOINT_FILE);
    expect((await fs.stat(endpoint)).mode & 0o777).toBe(0o600);
    // the listener wants the secret
    const { port } = JSON.parse(await fs.readFile(endpoint, "utf8")) as { port: number };
    const guess = await fetch(`http://127.0.0.1:${port}/backup`, {
      method: "POST",
      headers: { authorization: "Bearer guess" },
      body: JSON.stringify({ file: path.join(dir, "stolen.json.gz") }),
    });
    expect(guess.status).toBe(401);

    const during = path.join(dir, "during.json.gz");
    const backup = await runDbScript("db:backup", ["--out", during], { TSUNAGU_DATA_DIR: dataDir });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`written by the running server, process ${server.pid}`);
    expect(backup.stdout).toContain(during);
    expect(server.exitCode).toBeNull(); // it kept running (and writing)

    server.kill("SIGUSR2");
    const writes = Number((await waitForLine(/STOPPED (\d+)/))[1]);
    const after = path.join(dir, "after.json.gz");
    const quiet = await runDbScript("db:backup", ["--out", after], { TSUNAGU_DATA_DIR: dataDir });
    expect(quiet.code, quiet.stderr).toBe(0);

    const exited = new Promise<number | null>((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expect(fs.stat(endpoint)).rejects.toMatchObject({ code: "ENOENT" }); // removed on close

    // the snapshot taken while writing: every writer transaction whole or absent
    const restoredDuring = path.join(dir, "restored-during");
    const restore1 = await runDbScript("db:restore", [during], { TSUNAGU_DATA_DIR: restoredDuring });
    expect(restore1.code, restore1.stderr).toBe(0);
    await withFolder(restoredDuring, async (db) => {
      const [orgs, events] = await writerCounts(db);
      expect(orgs).toBeGreaterThanOrEqual(5);
      expect(orgs).toBeLessThanOrEqual(writes);
      expect(events).toBe(orgs);
    });

    // after the writes stopped: identical to the server's database
    const expected = await withFolder(dataDir, async (db) => ({
      counts: await countRows(db.prisma),
      sums: await tableFingerprints(db.prisma),
    }));
    expect(expected.counts.Organization).toBe(writes);
    const restoredAfter = path.join(dir, "restored-after");
    const restore2 = await runDbScript("db:restore", [after], { TSUNAGU_DATA_DIR: restoredAfter });
    expect(restore2.code, restore2.stderr).toBe(0);
    await withFolder(restoredAfter, async (db) => {
      expect(await countRows(db.prisma)).toEqual(expected.counts);
      expect(await tableFingerprints(db.prisma)).toEqual(expected.sums);
    });
  }, 300_000);
});
