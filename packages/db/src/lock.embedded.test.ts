// The embedded database's folder lock: a second opener is refused and nothing is lost. The holder
// is another process; the refused db:* commands run in this one (runDbScript; cli.test.ts proves
// the spawned `npm run db:*` entry point).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase } from "./database.ts";
import { countRows } from "./inspect.ts";
import { DatabaseInUseError } from "./lock.ts";
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

  it("db:migrate and db:reset --force refuse too", async () => {
    for (const [script, args] of [
      ["db:migrate", []],
      ["db:reset", ["--force"]],
    ] as const) {
      const result = await runDbScript(script, [...args], { TSUNAGU_DATA_DIR: dataDir });
      expect(result.code, script).toBe(1);
      expect(result.stderr, script).toContain("is in use by process");
    }
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
