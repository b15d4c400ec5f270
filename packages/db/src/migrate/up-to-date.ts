// A start-up shortcut: is every migration folder already applied? Answered from
// `_prisma_migrations` with one query, without loading the WebAssembly schema engine (about 35 MB
// of memory and a second of start-up that a server keeps for nothing when there is nothing to do).
// Anything else — a missing table, a folder not yet applied, an unfinished or failed row — is
// "no": the caller then goes the full way through the engine, which applies, reports or refuses.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { readMigrationsList } from "./files.ts";

interface MigrationRow {
  migration_name: string;
  finished: boolean;
  rolled_back: boolean;
}

export async function migrationsUpToDate(prisma: PrismaClient, migrationsDir: string): Promise<boolean> {
  const { migrationDirectories } = await readMigrationsList(migrationsDir);
  let rows: MigrationRow[];
  try {
    rows = await prisma.$queryRaw<MigrationRow[]>`
      SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
      FROM _prisma_migrations`;
  } catch {
    // no _prisma_migrations table yet (a new database): the engine creates it
    return false;
  }
  if (rows.some((r) => !r.finished && !r.rolled_back)) return false;
  const applied = new Set(rows.filter((r) => r.finished && !r.rolled_back).map((r) => r.migration_name));
  return migrationDirectories.every((dir) => applied.has(dir.path));
}
