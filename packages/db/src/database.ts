import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { PrismaClient } from "./generated/prisma/client.ts";
import { lockDataDir, type FolderLock } from "./lock.ts";

export type DatabaseKind = "embedded" | "postgresql";

/** One open database: the Prisma client and the adapter factory the migration engine uses. */
export interface Database {
  kind: DatabaseKind;
  /** a folder, "memory", or the PostgreSQL URL without its password */
  location: string;
  prisma: PrismaClient;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgresql://… for PostgreSQL; undefined for the embedded database in dataDir */
  url?: string | undefined;
  /** the embedded database's folder; "memory" for a throw-away in-memory database */
  dataDir?: string;
  /** names the holder of the embedded folder's lock in the message a second opener gets */
  command?: string;
  /** called for every SQL statement the client sends (tests count statements per operation) */
  onQuery?: (event: { query: string; durationMs: number }) => void;
}

function createClient(adapter: SqlMigrationAwareDriverAdapterFactory, onQuery: OpenOptions["onQuery"]): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (e) => onQuery({ query: e.query, durationMs: Number(e.duration) }));
  return client as unknown as PrismaClient;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(invalid DATABASE_URL)";
  }
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const { url } = options;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        `DATABASE_URL は postgresql:// で始まる必要があります / DATABASE_URL must start with postgresql:// (got ${redactUrl(url)})`,
      );
    }
    const adapterFactory = new PrismaPg({ connectionString: url });
    const prisma = createClient(adapterFactory, options.onQuery);
    return {
      kind: "postgresql",
      location: redactUrl(url),
      prisma,
      adapterFactory,
      close: () => prisma.$disconnect(),
    };
  }

  const dataDir = options.dataDir;
  if (!dataDir) throw new Error("openDatabase: dataDir is required for the embedded database");
  let lock: FolderLock | undefined;
  if (dataDir !== "memory") lock = await lockDataDir(dataDir, options.command ?? process.argv.slice(1).join(" "));
  try {
    const pglite = dataDir === "memory" ? new PGlite() : new PGlite(dataDir);
    await pglite.waitReady;
    const adapterFactory = new PrismaPGlite(pglite);
    const prisma = createClient(adapterFactory, options.onQuery);
    return {
      kind: "embedded",
      location: dataDir,
      prisma,
      adapterFactory,
      async close() {
        await prisma.$disconnect();
        await pglite.close();
        await lock?.release();
      },
    };
  } catch (err) {
    await lock?.release();
    throw err;
  }
}
