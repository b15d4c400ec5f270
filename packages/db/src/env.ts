import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The one place of this package that reads process.env.

/**
 * The repository's root folder: the nearest folder above this module that holds
 * prisma/schema.prisma — packages/db/src/.. /.. when run from the sources, apps/server/dist/../..
 * when bundled into the compiled server.
 */
export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "prisma", "schema.prisma"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`prisma/schema.prisma not found in any folder above ${from}`);
  }
}

export const schemaPath = path.join(repoRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(repoRoot, "prisma", "migrations");

export interface DatabaseEnv {
  /** postgresql://… selects PostgreSQL; unset selects the embedded PGlite database. */
  url: string | undefined;
  /** The embedded database's folder (TSUNAGU_DATA_DIR, default .data/pglite in the repository). */
  dataDir: string;
  /** PostgreSQL bounds from TSUNAGU_DB_LOCK_TIMEOUT_MS, TSUNAGU_DB_STATEMENT_TIMEOUT_MS, TSUNAGU_DB_POOL_MAX (unset: defaults) */
  limits: { lockTimeoutMs?: number; statementTimeoutMs?: number; poolMax?: number };
}

/** a positive whole number from the environment, or undefined when unset; anything else is refused */
function positiveInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    throw new Error(`${name} は正の整数で指定してください / ${name} must be a positive whole number (got "${raw}")`);
  }
  return n;
}

export function readDatabaseEnv(env: NodeJS.ProcessEnv = process.env): DatabaseEnv {
  const url = env.DATABASE_URL?.trim() || undefined;
  const dataDir = path.resolve(env.TSUNAGU_DATA_DIR?.trim() || path.join(repoRoot, ".data", "pglite"));
  const limits = {
    lockTimeoutMs: positiveInt(env, "TSUNAGU_DB_LOCK_TIMEOUT_MS"),
    statementTimeoutMs: positiveInt(env, "TSUNAGU_DB_STATEMENT_TIMEOUT_MS"),
    poolMax: positiveInt(env, "TSUNAGU_DB_POOL_MAX"),
  };
  return { url, dataDir, limits };
}

/**
 * The migrations folder the db:* commands use: TSUNAGU_MIGRATIONS_DIR, default prisma/migrations.
 * (Tests point it at a scratch folder; the server always uses prisma/migrations.)
 */
export function readMigrationsDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.TSUNAGU_MIGRATIONS_DIR?.trim();
  return dir ? path.resolve(dir) : migrationsDir;
}
