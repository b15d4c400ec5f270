// The db:* commands on the database the project under test selects: a fresh PostgreSQL database
// through DATABASE_URL, or a fresh embedded folder with it unset. They run in this process
// (runDbScript: runCli, which `npm run db:<command>` runs) except one, spawned as a user runs it, which proves
// the real entry point (npm script, tsx, exit code, streams) works.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase } from "./database.ts";
import { countRows, tableFingerprints } from "./inspect.ts";
import { createEmptyTestDatabase, runDbScript, runRootScript, testDatabaseKind, type TestDatabase } from "./testing.ts";

const kind = testDatabaseKind();
let env: { DATABASE_URL?: string; TSUNAGU_DATA_DIR?: string };
let pgDatabase: TestDatabase | undefined;
let dataDir: string | undefined;

beforeAll(async () => {
  if (kind === "postgresql") {
    pgDatabase = await createEmptyTestDatabase("postgresql");
    env = { DATABASE_URL: pgDatabase.url! };
  } else {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "tsunagu-cli-"));
    env = { TSUNAGU_DATA_DIR: dataDir };
  }
});
afterAll(async () => {
  await pgDatabase?.drop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

/** Opens the database under test in this process (after the commands have let go of it). */
async function inspect<T>(read: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: dataDir! });
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

// a command that seeds the demo data takes a minute or more on a loaded CI machine
describe(`npm run db:* on ${kind}`, { timeout: 180_000 }, () => {
  it("db:status reports pending migrations on an empty database and db:seed refuses to run", async () => {
    // the one command spawned as a user runs it: `npm run db:status` at the repository's root
    const status = await runRootScript("db:status", [], env);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/未適用 {3}\/ pending {3}\d{14}_init/);
    const seed = await runDbScript("db:seed", [], env);
    expect(seed.code).toBe(1);
    expect(seed.stderr).toContain("run npm run db:migrate first");
  });

  it("db:migrate applies, then db:status reports everything applied", async () => {
    const migrate = await runDbScript("db:migrate", [], env);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toMatch(/applied: \d{14}_init/);
    expect(migrate.stdout).toContain(kind === "embedded" ? "embedded PGlite" : "PostgreSQL");
    const status = await runDbScript("db:status", [], env);
    expect(status.code, status.stdout).toBe(0);
    expect(status.stdout).toMatch(/All \d+ migrations are applied/);
    const again = await runDbScript("db:migrate", [], env);
    expect(again.stdout).toContain("No pending migrations");
  });

  it("db:seed loads the demo data, and seeding twice changes nothing", async () => {
    const first = await runDbScript("db:seed", [], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Inserted \d+ rows/);
    const before = await inspect((db) => tableFingerprints(db.prisma));
    const second = await runDbScript("db:seed", [], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("Nothing to do");
    const after = await inspect((db) => tableFingerprints(db.prisma));
    expect(after).toEqual(before);
  });

  it("db:reset asks first, and without an answer changes nothing", async () => {
    const before = await inspect((db) => countRows(db.prisma));
    const reset = await runDbScript("db:reset", [], env);
    expect(reset.code).toBe(1);
    expect(reset.stderr).toContain("Aborted, nothing changed");
    expect(await inspect((db) => countRows(db.prisma))).toEqual(before);
  });

  it("db:reset --force empties the database and re-applies the migrations", async () => {
    const reset = await runDbScript("db:reset", ["--force"], env);
    expect(reset.code, reset.stderr).toBe(0);
    const counts = await inspect((db) => countRows(db.prisma));
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    expect(Object.keys(counts)).toContain("ActivityLog");
  });

  it("rejects a bad --scale with a clear message", async () => {
    const seed = await runDbScript("db:seed", ["--scale", "ten"], env);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain("--scale must be a whole number");
  });
});
