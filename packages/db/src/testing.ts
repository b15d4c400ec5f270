import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";

import pg from "pg";

import { openDatabase, type Database } from "./database.ts";
import { migrationsDir, repoRoot, schemaPath } from "./env.ts";
import { applyPendingMigrations } from "./migrate/index.ts";

// Test databases for Vitest: TSUNAGU_TEST_DB (set by @tsunagu/vitest-config's two projects)
// chooses an in-memory PGlite or a fresh database on the PostgreSQL server.

export type TestDatabaseKind = "embedded" | "postgresql";

export function testDatabaseKind(): TestDatabaseKind {
  // eslint-disable-next-line no-restricted-properties -- test harness, read once per file
  return process.env.TSUNAGU_TEST_DB === "postgresql" ? "postgresql" : "embedded";
}

export function testServerUrl(): string {
  // eslint-disable-next-line no-restricted-properties -- test harness
  return process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

export interface TestDatabase extends Database {
  /** postgresql://… of the fresh database, or undefined for the in-memory one */
  url: string | undefined;
  /** closes and, on PostgreSQL, drops the database */
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabaseOptions {
  /** called for every SQL statement (see StatementCounter) */
  onQuery?: (event: { query: string; durationMs: number }) => void;
}

/** An empty database of the kind under test, with no tables. */
export async function createEmptyTestDatabase(
  kind: TestDatabaseKind = testDatabaseKind(),
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  if (kind === "embedded") {
    const db = await openDatabase({ dataDir: "memory", onQuery: options.onQuery });
    return { ...db, url: undefined, drop: () => db.close() };
  }
  const name = `tsunagu_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), onQuery: options.onQuery });
  return {
    ...db,
    url: url.toString(),
    async drop() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** A database of the kind under test with every migration of prisma/migrations applied. */
export async function createTestDatabase(
  kind: TestDatabaseKind = testDatabaseKind(),
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const db = await createEmptyTestDatabase(kind, options);
  try {
    await applyPendingMigrations({ adapterFactory: db.adapterFactory, schemaPath, migrationsDir });
    return db;
  } catch (err) {
    await db.drop();
    throw err;
  }
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run <script> -- <args>` at the repository's root, as a user would, with the database
 * chosen by `env` (DATABASE_URL for PostgreSQL; TSUNAGU_DATA_DIR and no DATABASE_URL for embedded).
 */
export function runRootScript(
  script: string,
  args: string[],
  env: { DATABASE_URL?: string; TSUNAGU_DATA_DIR?: string },
): Promise<CommandResult> {
  // eslint-disable-next-line no-restricted-properties -- the child gets this process's environment
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    execFile(
      "npm",
      ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])],
      { cwd: repoRoot, env: { ...inherited, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== "number") return reject(err);
        resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
      },
    );
  });
}

/** Counts the SQL statements sent while a piece of work runs (give `record` to the database). */
export class StatementCounter {
  private active: string[] | null = null;
  readonly record = (event: { query: string }) => {
    this.active?.push(event.query);
  };
  async count<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    this.active = [];
    try {
      const result = await work();
      return { result, statements: this.active };
    } finally {
      this.active = null;
    }
  }
}
