// The embedded database's folder lock: a second opener is refused and nothing is lost. The holder
// is another process; the refused db:* commands run in this one (runDbScript; cli.test.ts proves
// the spawned `npm run db:*` entry point).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase } from "./database.ts";
import { countRows } from "./inspect.ts";
import { DatabaseInUseError, lockDataDir } from "./lock.ts";
import { runDbScript } from "./testing.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
let dataDir: string;
let holder: ChildProcess;

function startHolder(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "fixtures", "hold-database.ts")], {
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("READY")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`holder exited early with ${code}`)));
  });
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "tsunagu-lock-"));
  const migrated = await runDbScript("db:migrate", [], { TSUNAGU_DATA_DIR: dataDir });
  expect(migrated.code, migrated.stderr).toBe(0);
  // eslint-disable-next-line no-restricted-properties -- the child gets this process's environment
  const { DATABASE_URL: _ignored, ...env } = process.env;
  holder = await startHolder({ ...(env as Record<string, string>), TSUNAGU_DATA_DIR: dataDir });
});

afterAll(async () => {
  if (holder && holder.exitCode === null) holder.kill("SIGKILL");
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe("with one process holding the embedded database", () => {
  it("npm run db:seed from another process (this one) refuses with a clear message", async () => {
    const result = await runDbScript("db:seed", [], { TSUNAGU_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("is in use by process");
    expect(result.stderr).toContain(String(holder.pid));
    expect(result.stderr).toContain("Nothing was changed");
    expect(result.stderr).toContain("別のプロセスが使用中です");
  });

  it("db:migrate, db:reset --force, db:backup and db:restore refuse too (a backup never copies a held folder)", async () => {
    for (const [script, args] of [
      ["db:migrate", []],
      ["db:reset", ["--force"]],
      ["db:backup", ["--out", path.join(dataDir, "refused.json.gz")]],
      ["db:restore", [path.join(dataDir, "refused.json.gz"), "--force"]],
    ] as const) {
      const result = await runDbScript(script, [...args], { TSUNAGU_DATA_DIR: dataDir });
      expect(result.code, script).toBe(1);
      expect(result.stderr, script).toContain("is in use by process");
    }
    await expect(fs.stat(path.join(dataDir, "refused.json.gz"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("a second opener in the same process is refused", async () => {
    await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DatabaseInUseError);
  });

  it("no row is lost: after the holder stops, its data is all there", async () => {
    const exited = new Promise((resolve) => holder.once("exit", resolve));
    holder.kill("SIGTERM");
    await exited;
    const db = await openDatabase({ dataDir });
    try {
      const counts = await countRows(db.prisma);
      expect(counts.Organization).toBe(1);
      expect(await db.prisma.organization.findUnique({ where: { slug: "held" } })).not.toBeNull();
      // the refused seed wrote nothing at all
      expect(Object.entries(counts).filter(([table, n]) => table !== "Organization" && n > 0)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

/** the holder of dataDir's lock as recorded in it */
function recordedHolder() {
  return JSON.parse(readFileSync(path.join(dataDir, ".tsunagu.lock", "holder.json"), "utf8")) as Record<string, unknown>;
}

function holderEnv() {
  // eslint-disable-next-line no-restricted-properties -- the child gets this process's environment
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return { ...(env as Record<string, string>), TSUNAGU_DATA_DIR: dataDir };
}

describe("the lock knows whether its holder is alive (no clock decides)", () => {
  it("after kill -9 of the holder, the next opener proceeds at once", async () => {
    const victim = await startHolder(holderEnv());
    expect(recordedHolder()).toMatchObject({ pid: victim.pid, hostname: os.hostname() });
    const killed = new Promise((resolve) => victim.once("exit", resolve));
    victim.kill("SIGKILL");
    await killed;
    const before = Date.now();
    const db = await openDatabase({ dataDir });
    try {
      expect(Date.now() - before).toBeLessThan(5_000);
      expect(recordedHolder().pid).toBe(process.pid);
      expect(await db.prisma.organization.count({ where: { slug: "held" } })).toBe(1);
    } finally {
      await db.close();
    }
  });

  it("a frozen holder (SIGSTOP) keeps its lock however old it looks; resumed, it stops cleanly", async () => {
    const frozen = await startHolder(holderEnv());
    process.kill(frozen.pid!, "SIGSTOP");
    try {
      // make the lock look a year old: the previous lock (30 s staleness) would have been taken over
      const lockDir = path.join(dataDir, ".tsunagu.lock");
      const yearAgo = new Date(Date.now() - 365 * 24 * 3600 * 1000);
      await fs.utimes(path.join(lockDir, "holder.json"), yearAgo, yearAgo);
      await fs.utimes(lockDir, yearAgo, yearAgo);
      const refused = await openDatabase({ dataDir }).catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(DatabaseInUseError);
      expect((refused as DatabaseInUseError).holder?.pid).toBe(frozen.pid);
      const seed = await runDbScript("db:seed", [], { TSUNAGU_DATA_DIR: dataDir });
      expect(seed.code).toBe(1);
      expect(seed.stderr).toContain(`is in use by process ${frozen.pid}`);
    } finally {
      process.kill(frozen.pid!, "SIGCONT");
    }
    const exited = new Promise<number | null>((resolve) => frozen.once("exit", resolve));
    frozen.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expect(fs.stat(path.join(dataDir, ".tsunagu.lock"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("a lock from another host is never taken over; a reused pid (another start time) is", async () => {
    const lockDir = path.join(dataDir, ".tsunagu.lock");
    const write = async (holder: object) => {
      await fs.mkdir(lockDir, { recursive: true });
      await fs.writeFile(
        path.join(lockDir, "holder.json"),
        JSON.stringify({ command: "npm start", since: "2020-01-01T00:00:00Z", token: "t", ...holder }),
      );
    };
    // pid 1 is alive everywhere: only the host or the start time can tell it is not the holder
    await write({ pid: 1, hostname: "office-pc-2" });
    const refused = await openDatabase({ dataDir }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DatabaseInUseError);
    expect((refused as Error).message).toContain("process 1 on office-pc-2");
    await write({ pid: 1, hostname: os.hostname(), startTime: "not pid 1's start time" });
    const lock = await lockDataDir(dataDir, "test");
    expect(recordedHolder().pid).toBe(process.pid);
    await lock.release();
    await expect(fs.stat(lockDir)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
