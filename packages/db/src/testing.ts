import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import pg from "pg";
import lockfile from "proper-lockfile";

import { runCli } from "./cli/main.ts";
import { openDatabase, type Database, type DatabaseLimits } from "./database.ts";
import { migrationsDir, repoRoot, schemaPath } from "./env.ts";
import { applyPendingMigrations } from "./migrate/index.ts";
import { emptyPGliteImage } from "./pglite-empty.ts";
import { dataDirImage, type DataDirImage } from "./pglite-image.ts";

// Test databases for Vitest: TSUNAGU_TEST_DB (set by @tsunagu/vitest-config's two projects)
// chooses an in-memory PGlite or a fresh database on the PostgreSQL server. A test file that needs
// data (the demo 社協) gets a copy of a template seeded once, not a fresh seed: see
// createTestDatabaseFrom.

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

async function adminQuery(sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

function urlOfDatabase(name: string): string {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TestDatabaseOptions {
  /** called for every SQL statement (see StatementCounter) */
  onQuery?: (event: { query: string; durationMs: number }) => void;
  /** PostgreSQL bounds (what TSUNAGU_DB_LOCK_TIMEOUT_MS etc. set for the server), e.g. a short lock timeout */
  limits?: Partial<DatabaseLimits>;
}

/** An empty database of the kind under test, with no tables. */
export async function createEmptyTestDatabase(
  kind: TestDatabaseKind = testDatabaseKind(),
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  if (kind === "embedded") {
    // from the cached empty tarball (no initdb) when there is one
    const db = await openDatabase({ dataDir: "memory", image: await emptyPGliteImage(), onQuery: options.onQuery });
    return { ...db, url: undefined, drop: () => db.close() };
  }
  return createServerDatabase("", options);
}

/** a new database on the PostgreSQL server, empty or a copy of `template` */
async function createServerDatabase(template: string, options: TestDatabaseOptions): Promise<TestDatabase> {
  const name = `tsunagu_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  const url = urlOfDatabase(name);
  const db = await openDatabase({ url, onQuery: options.onQuery, limits: options.limits });
  return {
    ...db,
    url,
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

/** Data that many test files start from, e.g. the demo 社協 as of a fixed day. */
export interface TestData {
  /** names the data in the template's cache key: the same name must always give the same data */
  name: string;
  /** writes the data into a freshly migrated database */
  fill(db: Database): Promise<void>;
}

/** No rows: a database with every migration applied, for tests that only need the schema. */
export const migratedTestData: TestData = { name: "migrated", fill: async () => undefined };

/**
 * A database of the kind under test holding `data`: a copy of a template made the first time any
 * test process asks for it, instead of a fresh seed per file (a seed takes 10–20 s; a copy about
 * 0.2 s on PostgreSQL; on PGlite, which starts its WebAssembly PostgreSQL per database, about 0.5 s of CPU).
 *
 * The template is kept between runs, keyed by a hash of everything that shapes it (prisma/ with the
 * schema and migrations, packages/db/src, packages/seed/src, package-lock.json and `data.name`): on
 * PGlite a tarball of its data folder in this checkout's node_modules/.cache/tsunagu (processes
 * that ask at once build it once: a file lock), on PostgreSQL a database named
 * tsunagu_tpl_<checkout>_<name>_<hash>, where <checkout> is a hash of the repository's path, so
 * two worktrees or clones on one server never share or drop each other's templates (processes that
 * ask at once build it once: see serverTemplate).
 */
export async function createTestDatabaseFrom(
  data: TestData,
  kind: TestDatabaseKind = testDatabaseKind(),
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  if (kind === "embedded") {
    const image = await embeddedTemplate(data);
    const db = await openDatabase({ dataDir: "memory", image, onQuery: options.onQuery });
    return { ...db, url: undefined, drop: () => db.close() };
  }
  return createServerDatabase(await serverTemplate(data), options);
}

const templateCacheDir = path.join(repoRoot, "node_modules", ".cache", "tsunagu", "test-templates");

const testingModule = fileURLToPath(import.meta.url);
let inputsHash: string | undefined;
/** a hash of the files that shape a seeded database (not the tests, which only read it) */
function hashOfTemplateInputs(): string {
  if (inputsHash) return inputsHash;
  const hash = createHash("sha256");
  const add = (file: string) => hash.update(path.relative(repoRoot, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else if (!entry.name.endsWith(".test.ts") && full !== testingModule) add(full);
    }
  };
  walk(path.join(repoRoot, "prisma"));
  walk(path.join(repoRoot, "packages", "db", "src"));
  walk(path.join(repoRoot, "packages", "seed", "src"));
  add(path.join(repoRoot, "package-lock.json"));
  inputsHash = hash.digest("hex");
  return inputsHash;
}

function templateKey(data: TestData): string {
  const slug = data.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .slice(0, 24);
  const hash = createHash("sha256").update(hashOfTemplateInputs()).update(data.name).digest("hex").slice(0, 16);
  return `${slug}_${hash}`;
}

/** runs `build` unless `ready()`, holding a lock shared by every process on this machine */
async function once(lockName: string, ready: () => Promise<boolean>, build: () => Promise<void>): Promise<void> {
  if (await ready()) return;
  fs.mkdirSync(templateCacheDir, { recursive: true });
  const release = await lockfile.lock(templateCacheDir, {
    lockfilePath: path.join(templateCacheDir, `${lockName}.lock`),
    realpath: false,
    // a seed keeps the event loop busy for seconds, so the lock is refreshed late: a lock is taken
    // as abandoned only after two minutes, and one taken over anyway costs a second build, not data
    stale: 120_000,
    onCompromised: () => undefined,
    // another process is building it: wait (a build takes 10–60 s on a busy machine)
    retries: { retries: 600, minTimeout: 500, maxTimeout: 1000 },
  });
  try {
    if (!(await ready())) await build();
  } finally {
    await release();
  }
}

/** the templates' files, read once per process (pglite-image.ts) */
const archives = new Map<string, Promise<DataDirImage>>();

function embeddedTemplate(data: TestData): Promise<DataDirImage> {
  const key = templateKey(data);
  let archive = archives.get(key);
  if (!archive) {
    const file = path.join(templateCacheDir, `${key}.tar`);
    archive = (async () => {
      await once(
        `embedded_${key}`,
        async () => fs.existsSync(file),
        async () => {
          const db = await createTestDatabase("embedded");
          try {
            await data.fill(db);
            const tarball = Buffer.from(await (await db.dumpDataDir!()).arrayBuffer());
            const partial = `${file}.${process.pid}.partial`;
            fs.writeFileSync(partial, tarball);
            fs.renameSync(partial, file);
            // tarballs of older inputs (about 60 MB each) are of no further use
            const prefix = key.slice(0, key.lastIndexOf("_") + 1);
            for (const old of fs.readdirSync(templateCacheDir)) {
              if (old.startsWith(prefix) && old.endsWith(".tar") && old !== path.basename(file))
                fs.rmSync(path.join(templateCacheDir, old), { force: true });
            }
          } finally {
            await db.close();
          }
        },
      );
      return dataDirImage(new Uint8Array(fs.readFileSync(file)).buffer);
    })();
    archives.set(key, archive);
  }
  return archive;
}

/** this checkout's label in template names: two clones or worktrees on one server never share one */
export const checkoutLabel = createHash("sha256").update(repoRoot).digest("hex").slice(0, 8);

/** the name of the PostgreSQL template holding `data` for this checkout and these inputs */
export function serverTemplateName(data: TestData): string {
  return `tsunagu_tpl_${checkoutLabel}_${templateKey(data)}`;
}

/** the 64-bit advisory-lock key of a template's creation, the same in every process */
function creationLockKey(name: string): string {
  return BigInt.asIntN(64, BigInt(`0x${createHash("sha256").update(`tsunagu template ${name}`).digest("hex").slice(0, 16)}`)).toString();
}

function isDuplicateDatabase(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === "42P04";
}

const serverTemplates = new Map<string, Promise<string>>();

/**
 * The PostgreSQL template holding `data`, made once on the server. A template is ready when it is
 * marked IS_TEMPLATE; its creator holds a session advisory lock while it builds, so any number of
 * callers at once (Vitest workers, test files of two projects, several processes) build it once:
 * the others wait on the lock, then find it ready. A database of the name that is not ready once
 * the lock is free was left by a creator that died: it is dropped and built again. Should CREATE
 * DATABASE still meet 42P04 (duplicate_database: a creator outside this protocol), the caller
 * waits for that creator to mark it ready instead of failing.
 */
function serverTemplate(data: TestData): Promise<string> {
  const name = serverTemplateName(data);
  let ready = serverTemplates.get(name);
  if (!ready) {
    ready = ensureServerTemplate(data).catch((err: unknown) => {
      serverTemplates.delete(name);
      throw err;
    });
    serverTemplates.set(name, ready);
  }
  return ready;
}

async function templateState(name: string): Promise<"ready" | "building" | "absent"> {
  const { rows } = await adminQuery("SELECT datistemplate FROM pg_database WHERE datname = $1", [name]);
  const row = rows[0] as { datistemplate: boolean } | undefined;
  return row === undefined ? "absent" : row.datistemplate ? "ready" : "building";
}

/** Makes the PostgreSQL template of `data` unless it is ready (not memoised: each call is one "process"). */
export async function ensureServerTemplate(data: TestData): Promise<string> {
  const name = serverTemplateName(data);
  const deadline = Date.now() + 10 * 60_000;
  while ((await templateState(name)) !== "ready") {
    if (Date.now() > deadline) throw new Error(`the test template ${name} did not become ready within 10 minutes`);
    const admin = new pg.Client({ connectionString: testServerUrl() });
    await admin.connect();
    try {
      // waits here while another process builds it (a session lock: released if that process dies)
      await admin.query("SELECT pg_advisory_lock($1::bigint)", [creationLockKey(name)]);
      const state = await templateState(name);
      if (state === "ready") break;
      if (state === "building") await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } catch (err) {
        if (!isDuplicateDatabase(err)) throw err;
        // someone outside the lock created it at the same moment: wait for it to become ready
        while ((await templateState(name)) !== "ready") {
          if (Date.now() > deadline)
            throw new Error(`the test template ${name}, made by another creator, did not become ready within 10 minutes`);
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        break;
      }
      try {
        const db = await openDatabase({ url: urlOfDatabase(name) });
        try {
          await applyPendingMigrations({ adapterFactory: db.adapterFactory, schemaPath, migrationsDir });
          await data.fill(db);
        } finally {
          await db.close();
        }
        await admin.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true`);
      } catch (err) {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
        throw err;
      }
      await dropOlderServerTemplates(admin, name);
      break;
    } finally {
      await admin.end(); // releases the lock
    }
  }
  return name;
}

/** this checkout's templates of older inputs for the same data are of no further use */
async function dropOlderServerTemplates(admin: pg.Client, name: string): Promise<void> {
  const prefix = name.slice(0, name.lastIndexOf("_") + 1); // tsunagu_tpl_<checkout>_<slug>_ ([a-z0-9_] only)
  const { rows } = await admin.query("SELECT datname FROM pg_database WHERE datname ~ $1 AND datname <> $2", [
    `^${prefix}[0-9a-f]{16}$`,
    name,
  ]);
  for (const { datname } of rows as Array<{ datname: string }>) {
    // without FORCE: a template still being copied is left for a later run
    await admin
      .query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`)
      .then(() => admin.query(`DROP DATABASE IF EXISTS "${datname}"`))
      .catch(() => undefined);
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

/**
 * Runs `npm run <script> -- <args>` (a db:* script) in this process, as runRootScript would in a
 * child: runCli with the database chosen by `env` alone, and its output collected.
 */
export async function runDbScript(
  script: string,
  args: string[],
  env: { DATABASE_URL?: string; TSUNAGU_DATA_DIR?: string; TSUNAGU_MIGRATIONS_DIR?: string },
): Promise<CommandResult> {
  if (!script.startsWith("db:")) throw new Error(`runDbScript runs the db:* scripts, not ${script}`);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli([script.slice("db:".length), ...args], {
    out: (text) => stdout.push(`${text}\n`),
    err: (text) => stderr.push(`${text}\n`),
    env: { ...env },
  });
  return { code, stdout: stdout.join(""), stderr: stderr.join("") };
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
