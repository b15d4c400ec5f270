import { openDatabase, type Database } from "./database.ts";
import { readDatabaseEnv } from "./env.ts";

// One database (and one Prisma client) per process, chosen by DATABASE_URL: see README.
const globalForDb = globalThis as unknown as { tsunaguDb?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  globalForDb.tsunaguDb ??= openDatabase({ ...readDatabaseEnv() });
  return globalForDb.tsunaguDb;
}
