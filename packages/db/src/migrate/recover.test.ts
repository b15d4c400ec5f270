// A migration interrupted by a crash: `npm run db:migrate` killed (kill -9) in the middle of a slow
// migration leaves its `_prisma_migrations` row unfinished; db:status names the command to run, and
// db:migrate proves nothing of it remained, marks it rolled back and applies it again — on the
// database under test (TSUNAGU_TEST_DB). A row whose migration did leave something behind is refused.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { recoveredMessage } from "../cli/migrate-commands.ts";
import { openDatabase, type Database } from "../database.ts";
import { migrationsDir as realMigrationsDir } from "../env.ts";
import { createEmptyTestDatabase, runDbScript, testDatabaseKind, type TestDatabase } from "../testing.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE = "20250101000000_base";
const SLOW = "20250101000001_slow";
const THIRD = "20250101000002_third";

let dir: string;
let server: TestDatabase | undefined;
let env: { DATABASE_URL?: string; TSUNAGU_DATA_DIR?: string; TSUNAGU_MIGRATIONS_DIR: string };

async function addMigration(name: string, sql: string): Promise<void> {
  await fs.mkdir(path.join(env.TSUNAGU_MIGRATIONS_DIR, name), { recursive: true });
  await fs.writeFile(path.join(env.TSUNAGU_MIGRATIONS_DIR, name, "migration.sql"), sql);
}

/** marks (or unmarks) this database as one the slow migration sleeps in: its comment, which no schema diff sees */
const slowly = (value: "on" | "off") =>
  withDb((db) =>
    db.prisma.$executeRawUnsafe(
      `DO $$ BEGIN EXECUTE format('COMMENT ON DATABASE %I IS %L', current_database(), ${value === "on" ? "'slow'" : "NULL"}); END $$`,
    ),
  );

async function withDb<T>(run: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.TSUNAGU_DATA_DIR });
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}

const tables = (db: Database) =>
  db.prisma
    .$queryRawUnsafe<Array<{ name: string }>>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
    )
    .then((rows) => rows.map((r) => r.name));

const rowsOf = (db: Database, name: string) =>
  db.prisma.$queryRawUnsafe<Array<{ finished: boolean; rolled_back: boolean }>>(
    `SELECT finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
       FROM _prisma_migrations WHERE migration_name = $1 ORDER BY started_at`,
    name,
  );

/** runs db:migrate in a child process and kills it (SIGKILL) while the engine applies `migration` */
async function killWhileApplying(migration: string): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "..", "fixtures", "migrate-slowly.ts")], {
    // eslint-disable-next-line no-restricted-properties -- the child gets this process's environment
    env: { ...process.env, DATABASE_URL: env.DATABASE_URL ?? "", TSUNAGU_DATA_DIR: env.TSUNAGU_DATA_DIR ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`APPLYING ${migration}`)) resolve();
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((how) => reject(new Error(`db:migrate ended (${String(how)}) before applying ${migration}:\n${output}`)));
  });
  // the engine records the row and sends the script right after it logs; the script then sleeps 60 s
  await new Promise((resolve) => setTimeout(resolve, 700));
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tsunagu-recover-"));
  const migrations = path.join(dir, "migrations");
  env = { TSUNAGU_MIGRATIONS_DIR: migrations };
  if (testDatabaseKind() === "embedded") {
    env.TSUNAGU_DATA_DIR = path.join(dir, "pglite");
  } else {
    server = await createEmptyTestDatabase("postgresql");
    env.DATABASE_URL = server.url!;
    await server.close(); // the commands open their own connections
  }
  await fs.mkdir(migrations);
  await fs.copyFile(path.join(realMigrationsDir, "migration_lock.toml"), path.join(migrations, "migration_lock.toml"));
  await addMigration(BASE, `CREATE TABLE "Base" ("id" INTEGER PRIMARY KEY);\n`);
  await addMigration(
    SLOW,
    `CREATE TABLE "Slow" ("id" INTEGER PRIMARY KEY, "baseId" INTEGER REFERENCES "Base"("id"));\n` +
      `INSERT INTO "Base" ("id") VALUES (1);\n` +
      // sleeps while this database is marked (slowly(), below): the first run is killed in it; later runs,
      // and the shadow databases the engine builds to check the schema, do not wait
      `SELECT pg_sleep(60) WHERE shobj_description((SELECT oid FROM pg_database WHERE datname = current_database()), 'pg_database') = 'slow';\n` +
      `CREATE INDEX "Slow_baseId_idx" ON "Slow"("baseId");\n`,
  );
  await slowly("on");
}, 120_000);

afterAll(async () => {
  await server?.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("a migration interrupted by kill -9", () => {
  it("db:status names npm run db:migrate; db:migrate checks, marks it rolled back and applies it again", async () => {
    await killWhileApplying(SLOW);
    // the killed run: BASE applied, SLOW's row started and never finished, nothing of SLOW in the database
    await withDb(async (db) => {
      expect(await rowsOf(db, BASE)).toEqual([{ finished: true, rolled_back: false }]);
      expect(await rowsOf(db, SLOW)).toEqual([{ finished: false, rolled_back: false }]);
    });

    const status = await runDbScript("db:status", [], env);
    expect(status.code).toBe(1);
    expect(status.stdout).toContain(`failed    ${SLOW}`);
    expect(status.stdout).toContain("Run npm run db:migrate: it checks that nothing of it remains");
    expect(status.stdout).toContain("npm run db:migrate を実行してください");
    expect(status.stdout).not.toContain("markMigrationRolledBack");

    // from now on the script does not sleep
    await slowly("off");
    const migrate = await runDbScript("db:migrate", [], env);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain(recoveredMessage(SLOW));
    expect(migrate.stdout).toContain("中断されたマイグレーション");
    expect(migrate.stdout).toContain(`applied: ${SLOW}`);

    await withDb(async (db) => {
      expect(await tables(db)).toEqual(["Base", "Slow", "_prisma_migrations"]);
      // the interrupted attempt stays as a rolled-back row; its INSERT was not kept twice (nor once before)
      expect(await rowsOf(db, SLOW)).toEqual([
        { finished: false, rolled_back: true },
        { finished: true, rolled_back: false },
      ]);
      expect(await db.prisma.$queryRawUnsafe(`SELECT "id" FROM "Base" ORDER BY 1`)).toEqual([{ id: 1 }]);
      const index = await db.prisma.$queryRawUnsafe(`SELECT indexname FROM pg_indexes WHERE indexname = 'Slow_baseId_idx'`);
      expect(index).toHaveLength(1);
    });
    const after = await runDbScript("db:status", [], env);
    expect(after.code, after.stdout).toBe(0);
  }, 400_000);

  it("refuses, changing nothing, an unfinished migration that left something behind; recovers once it is undone", async () => {
    await addMigration(THIRD, `CREATE TABLE "Third" ("id" INTEGER PRIMARY KEY);\n`);
    // what an older version or another tool could leave: an unfinished row, and its table created
    await withDb(async (db) => {
      await db.prisma.$executeRawUnsafe(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ('third-attempt', 'x', $1, now(), 0)`,
        THIRD,
      );
      await db.prisma.$executeRawUnsafe(`CREATE TABLE "Third" ("id" INTEGER PRIMARY KEY)`);
    });
    const refused = await runDbScript("db:migrate", [], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("cannot be recovered automatically");
    expect(refused.stderr).toMatch(/Third/);
    expect(refused.stderr).toContain(`npm run db:migrate -- --rolled-back ${THIRD}`);
    await withDb(async (db) => expect(await rowsOf(db, THIRD)).toEqual([{ finished: false, rolled_back: false }]));

    await withDb((db) => db.prisma.$executeRawUnsafe(`DROP TABLE "Third"`));
    const recovered = await runDbScript("db:migrate", [], env);
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(recovered.stdout).toContain(recoveredMessage(THIRD));
    // marking by hand is for failed migrations only
    const notFailed = await runDbScript("db:migrate", ["--rolled-back", THIRD], env);
    expect(notFailed.code).toBe(1);
    expect(notFailed.stderr).toContain(`${THIRD} is not recorded as failed`);
    await withDb(async (db) => {
      expect(await tables(db)).toContain("Third");
      expect(await rowsOf(db, THIRD)).toEqual([
        { finished: false, rolled_back: true },
        { finished: true, rolled_back: false },
      ]);
    });
  }, 300_000);
});
