import { openDatabase, type Database } from "../database.ts";
import { readDatabaseEnv } from "../env.ts";
import type { CliIo } from "./io.ts";

/** Opens the database the environment selects and says which one, for every command. */
async function openForCommand(command: string, io: CliIo): Promise<Database> {
  const env = readDatabaseEnv(io.env);
  // commands (migrations, backups, seeds) may run long statements: no statement timeout unless one
  // is set; a lock wait stays bounded, so a migration waiting behind the server fails instead of stalling it
  const limits = { ...env.limits, statementTimeoutMs: env.limits.statementTimeoutMs ?? 0 };
  const db = await openDatabase({ ...env, limits, command: `npm run db:${command}` });
  const where = db.kind === "embedded" ? `組み込み PGlite / embedded PGlite: ${db.location}` : `PostgreSQL: ${db.location}`;
  io.out(`データベース / database: ${where}`);
  return db;
}

export async function withDatabase<T>(command: string, io: CliIo, run: (db: Database) => Promise<T>): Promise<T> {
  const db = await openForCommand(command, io);
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}
