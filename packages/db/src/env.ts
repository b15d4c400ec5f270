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
}

export function readDatabaseEnv(env: NodeJS.ProcessEnv = process.env): DatabaseEnv {
  const url = env.DATABASE_URL?.trim() || undefined;
  const dataDir = path.resolve(env.TSUNAGU_DATA_DIR?.trim() || path.join(repoRoot, ".data", "pglite"));
  return { url, dataDir };
}

/**
 * The migrations folder the db:* commands use: TSUNAGU_MIGRATIONS_DIR, default prisma/migrations.
 * (Tests point it at a scratch folder; the server always uses prisma/migrations.)
 */
export function readMigrationsDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.TSUNAGU_MIGRATIONS_DIR?.trim();
  return dir ? path.resolve(dir) : migrationsDir;
}
