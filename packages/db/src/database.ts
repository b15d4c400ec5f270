import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { PrismaClient } from "./generated/prisma/client.ts";
import { lockDataDir, type FolderLock } from "./lock.ts";
import { pgliteFromImage, type DataDirImage } from "./pglite-image.ts";

/** how long opening a PostgreSQL connection may take before it fails (node-postgres waits forever by default) */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * PGlite's own start parameters plus a smaller buffer cache. PostgreSQL's default shared_buffers
 * (128 MB, written into every new folder's postgresql.conf) is memory the WebAssembly heap zeroes
 * and keeps for good: it cost 140 MB of the server's RSS and 1.5 s of every start. The embedded
 * folder is tens of MB and its files sit in the operating system's cache, so 16 MB of buffers
 * lose nothing measurable (README, "Memory and start time").
 */
const EMBEDDED_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

/**
 * Bounds on waiting in PostgreSQL (README "The API" (its settings table), docs/data-model.md "Waiting and timeouts"):
 * a statement waits at most `lockTimeoutMs` for a row or table lock (55P03) and runs at most
 * `statementTimeoutMs` (57014); a request waits at most `poolTimeoutMs` for one of the pool's
 * `poolMax` connections. Each ends as a retryable "busy" failure (failures.ts), not a stall.
 * A timeout of 0 is none (PostgreSQL's own meaning).
 */
export interface DatabaseLimits {
  lockTimeoutMs: number;
  statementTimeoutMs: number;
  poolMax: number;
  poolTimeoutMs: number;
}

export const DEFAULT_LIMITS: DatabaseLimits = {
  lockTimeoutMs: 3_000,
  statementTimeoutMs: 15_000,
  poolMax: 10,
  poolTimeoutMs: CONNECT_TIMEOUT_MS,
};

export type DatabaseKind = "embedded" | "postgresql";

/** One open database: the Prisma client and the adapter factory the migration engine uses. */
export interface Database {
  kind: DatabaseKind;
  /** a folder, "memory", or the PostgreSQL URL without its password */
  location: string;
  /** PostgreSQL only: the URL as given, password included (never log it; listen.ts connects with it) */
  url?: string | undefined;
  prisma: PrismaClient;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** the embedded database's files as a tarball (embedded only; tests copy a seeded database with it) */
  dumpDataDir?: () => Promise<Blob>;
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
  /** an in-memory database starts from these files (a dumpDataDir() tarball read by dataDirImage) instead of empty */
  image?: DataDirImage | undefined;
  /** PostgreSQL only: lock, statement and pool bounds (DEFAULT_LIMITS for those not given) */
  limits?: Partial<DatabaseLimits> | undefined;
}

function createClient(adapter: SqlMigrationAwareDriverAdapterFactory, onQuery: OpenOptions["onQuery"]): PrismaClient {
  const client = onQuery ? loggingClient(adapter, onQuery) : new PrismaClient({ adapter });
  // The API's GraphQL selections become Prisma selections (Pothos): a client asking for nothing but
  // __typename gives `select: {}`, which Prisma refuses. Such a selection asks for no column: it
  // is dropped (the row's scalars are read, as without a select). The extended client has the same
  // methods and results as the plain one.
  return client.$extends({
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          return query(withoutEmptySelects(args));
        },
      },
    },
  }) as unknown as PrismaClient;
}

function loggingClient(adapter: SqlMigrationAwareDriverAdapterFactory, onQuery: NonNullable<OpenOptions["onQuery"]>): PrismaClient {
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (e) => onQuery({ query: e.query, durationMs: Number(e.duration) }));
  return client as unknown as PrismaClient;
}

/** the arguments with every empty `select: {}` removed (a relation selected as `{ select: {} }` becomes `true`) */
export function withoutEmptySelects<T>(args: T): T {
  if (!args || typeof args !== "object" || Array.isArray(args)) return args;
  const out: Record<string, unknown> = { ...(args as Record<string, unknown>) };
  for (const key of ["select", "include"] as const) {
    const selection = out[key];
    if (!selection || typeof selection !== "object") continue;
    const entries = Object.entries(selection as Record<string, unknown>).map(([field, value]) => {
      if (!value || typeof value !== "object") return [field, value] as const;
      const nested = withoutEmptySelects(value as Record<string, unknown>);
      return [field, Object.keys(nested).length === 0 ? true : nested] as const;
    });
    if (key === "select" && entries.length === 0) delete out.select;
    else out[key] = Object.fromEntries(entries);
  }
  return out as T;
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

function definedOnly<T extends object>(values: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const { url } = options;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        `DATABASE_URL は postgresql:// で始まる必要があります / DATABASE_URL must start with postgresql:// (got ${redactUrl(url)})`,
      );
    }
    const limits = { ...DEFAULT_LIMITS, ...definedOnly(options.limits) };
    // the PostgreSQL driver is loaded only for PostgreSQL (an embedded server never needs it)
    const { PrismaPg } = await import("@prisma/adapter-pg");
    // every connection of the pool starts with the timeouts set, so they hold in every transaction;
    // a host that accepts the connection but never answers fails after the pool timeout, not never
    const adapterFactory = new PrismaPg({
      connectionString: url,
      max: limits.poolMax,
      connectionTimeoutMillis: limits.poolTimeoutMs,
      options: `-c lock_timeout=${Math.round(limits.lockTimeoutMs)} -c statement_timeout=${Math.round(limits.statementTimeoutMs)}`,
    });
    const prisma = createClient(adapterFactory, options.onQuery);
    return {
      kind: "postgresql",
      location: redactUrl(url),
      url,
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
    if (options.image && dataDir !== "memory") throw new Error("openDatabase: image is for in-memory databases only");
    const pglite =
      dataDir !== "memory"
        ? new PGlite(dataDir, { startParams: EMBEDDED_START_PARAMS })
        : options.image
          ? pgliteFromImage(options.image, { startParams: EMBEDDED_START_PARAMS })
          : new PGlite({ startParams: EMBEDDED_START_PARAMS });
    await pglite.waitReady;
    const adapterFactory = new PrismaPGlite(pglite);
    const prisma = createClient(adapterFactory, options.onQuery);
    return {
      kind: "embedded",
      location: dataDir,
      prisma,
      adapterFactory,
      async dumpDataDir() {
        // written to the data files first, so a copy starts without replaying the write-ahead log
        await pglite.query("CHECKPOINT");
        return pglite.dumpDataDir("none");
      },
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
