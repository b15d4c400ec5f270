import { openDatabase, type Database } from "./database.ts";
import { readDatabaseEnv } from "./env.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";

// One database (and one Prisma client) per process, chosen by DATABASE_URL: see README.
const globalForDb = globalThis as unknown as { tsunaguDb?: Promise<Database>; tsunaguOpened?: Database };

/** Opens the process's database (once) as the environment selects. */
export function getDatabase(): Promise<Database> {
  globalForDb.tsunaguDb ??= openDatabase({ ...readDatabaseEnv() }).then((db) => (globalForDb.tsunaguOpened = db));
  return globalForDb.tsunaguDb;
}

/** Uses an already open database as the process's database (tests, or a server that opened it). */
export function useDatabase(db: Database): void {
  globalForDb.tsunaguDb = Promise.resolve(db);
  globalForDb.tsunaguOpened = db;
}

/** The process's Prisma client; getDatabase() or useDatabase() must have finished first. */
export function prisma(): PrismaClient {
  const db = globalForDb.tsunaguOpened;
  if (!db) throw new Error("The database is not open yet: await getDatabase() at start-up.");
  return db.prisma;
}
