// Wraps a driver adapter factory so that the schema engine runs every migration script
// atomically, as one statement batch in one implicit transaction.
//
// Why: the engine applies a migration by calling the adapter's `executeScript(script)` once, with
// no transaction around it, and relies on the adapter to run it the way the native engine does
// (PostgreSQL's simple query protocol: all statements in one implicit transaction). The two
// adapters we use do not:
//  - @prisma/adapter-pg 7.10 splits the script on every ";" and runs the pieces one by one on
//    the pool: a function/trigger body (`$$ … ; … $$`) is cut apart and fails, and a failure in
//    statement 2 leaves statement 1 committed.
//  - pglite-prisma-adapter 0.7.2 calls `pglite.exec(script)` without awaiting it: the engine
//    records a failing migration as applied and the error surfaces later as an unhandled
//    rejection that kills the process.
// So we replace `executeScript` with one that sends the whole script in one simple-protocol
// round trip on the underlying driver (pg `client.query(script)`, PGlite `exec(script)`), where
// PostgreSQL itself parses the statements and rolls all of them back if one fails.
//
// Second fix, for @prisma/adapter-pg only: it cannot describe PostgreSQL's one-byte `"char"`
// type (OID 18, used all over pg_catalog, e.g. pg_constraint.contype) and throws
// UnsupportedNativeDataType, so every engine command that introspects a live PostgreSQL database
// (diff against it, drift checks) fails — and, when it is reported as Text instead, the engine
// panics. We let pg report such columns as text (values stay one-character strings, which is
// what they are) and then label those columns `Character` in the result, as the PGlite adapter
// does.
//
// The wrapper also keeps track of every connection it hands out so we can dispose them all
// (PrismaPg opens a new pg.Pool per connect()), and can replace the shadow database with a
// fresh in-memory PGlite.

import type { PGlite } from "@electric-sql/pglite";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { emptyPGliteArchive, newEmptyPGlite } from "../pglite-empty.ts";

/** The last error a migration script raised, kept so we can report the database's own words. */
interface ScriptFailure {
  script: string;
  error: unknown;
}

export interface MigrationFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** the last script that failed in `executeScript`, if any */
  readonly lastFailure: ScriptFailure | undefined;
  /** Disposes every connection (and in-memory shadow) this factory opened. */
  disposeAll(): Promise<void>;
}

export interface WrapOptions {
  /** Use a fresh in-memory PGlite instead of the adapter's own shadow database. */
  pgliteShadow?: boolean;
}

type ScriptRunner = (script: string) => Promise<void>;

interface PgLikeClient {
  query(text: string): Promise<unknown>;
  release?: (err?: Error | boolean) => void;
}
interface PgLikePool {
  connect(): Promise<PgLikeClient>;
}
interface PGliteLike {
  exec(sql: string): Promise<unknown>;
  transaction: unknown;
}

function isPGliteLike(x: unknown): x is PGliteLike {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as PGliteLike).exec === "function" &&
    typeof (x as PGliteLike).transaction === "function"
  );
}

/** Finds how to send a whole script in one simple-protocol query on this adapter's driver. */
function scriptRunnerFor(adapter: SqlDriverAdapter): ScriptRunner {
  // @prisma/adapter-pg: public underlyingDriver() returns the pg.Pool (or pg.Client).
  const withDriver = adapter as SqlDriverAdapter & { underlyingDriver?: () => unknown };
  if (typeof withDriver.underlyingDriver === "function") {
    const driver = withDriver.underlyingDriver() as Partial<PgLikePool & PgLikeClient>;
    if (typeof driver.connect === "function" && "totalCount" in driver) {
      const pool = driver as PgLikePool;
      return async (script) => {
        const client = await pool.connect();
        let broken: Error | undefined;
        try {
          await client.query(script);
        } catch (err) {
          // a database error leaves the connection usable; anything else may not
          if (!isDbError(err)) broken = err instanceof Error ? err : new Error(String(err));
          throw err;
        } finally {
          client.release?.(broken);
        }
      };
    }
    if (typeof driver.query === "function") {
      const client = driver as PgLikeClient;
      return async (script) => {
        await client.query(script);
      };
    }
  }
  // pglite-prisma-adapter: the PGlite instance is the adapter's (TS-private) `client` field.
  const client = (adapter as unknown as { client?: unknown }).client;
  if (isPGliteLike(client)) {
    return async (script) => {
      await client.exec(script);
    };
  }
  return () =>
    Promise.reject(
      new Error(
        `migrations: adapter "${adapter.adapterName}" is not supported — use @prisma/adapter-pg (PrismaPg) or pglite-prisma-adapter (PrismaPGlite)`,
      ),
    );
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

interface PgField {
  dataTypeID: number;
}
interface PgResult {
  fields?: PgField[];
  rows?: unknown[];
}

/**
 * For adapter-pg: makes the pool report `"char"` columns as text and remembers which columns
 * they were (keyed by the rows array, which adapter-pg passes through), so `fix` can label
 * them `Character`. Returns undefined for other adapters.
 */
function patchCharColumns(adapter: SqlDriverAdapter): { fix(result: SqlResultSet): SqlResultSet; restore(): void } | undefined {
  const withDriver = adapter as SqlDriverAdapter & { underlyingDriver?: () => unknown };
  if (typeof withDriver.underlyingDriver !== "function") return undefined;
  const driver = withDriver.underlyingDriver() as { query?: (...args: unknown[]) => unknown };
  if (typeof driver.query !== "function") return undefined;
  const charColumns = new WeakMap<object, number[]>();
  const hadOwn = Object.prototype.hasOwnProperty.call(driver, "query");
  const original = driver.query;
  driver.query = function patchedQuery(this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    if (!(result instanceof Promise)) return result;
    return result.then((res: PgResult) => {
      const indexes: number[] = [];
      res.fields?.forEach((field, i) => {
        if (field.dataTypeID === PG_CHAR_OID) {
          field.dataTypeID = PG_TEXT_OID;
          indexes.push(i);
        }
      });
      if (indexes.length > 0 && res.rows) charColumns.set(res.rows, indexes);
      return res;
    });
  };
  return {
    fix(result) {
      const indexes = charColumns.get(result.rows);
      if (indexes) for (const i of indexes) result.columnTypes[i] = ColumnTypeEnum.Character;
      return result;
    },
    restore() {
      if (hadOwn) driver.query = original;
      else delete driver.query;
    },
  };
}

interface DbErrorLike {
  code: string;
  message: string;
  severity?: string;
  detail?: string;
  hint?: string;
  column?: string;
}

function isDbError(err: unknown): err is DbErrorLike {
  return (
    typeof err === "object" &&
    err !== null &&
    typeof (err as DbErrorLike).code === "string" &&
    /^[0-9A-Z]{5}$/.test((err as DbErrorLike).code) &&
    typeof (err as DbErrorLike).message === "string"
  );
}

/** Turns a pg/PGlite error into the DriverAdapterError the engine understands. */
function toAdapterError(err: unknown): unknown {
  if (!isDbError(err)) return err;
  return new DriverAdapterError({
    kind: "postgres",
    code: err.code,
    severity: err.severity ?? "ERROR",
    message: err.message,
    detail: err.detail,
    column: err.column,
    hint: err.hint,
  });
}

/** The database's own explanation of a failure, in one line (plus detail/hint). */
export function describeDbError(err: unknown): string {
  if (isDbError(err)) {
    let text = `${err.message} (SQLSTATE ${err.code})`;
    if (err.detail) text += ` — ${err.detail}`;
    if (err.hint) text += ` (hint: ${err.hint})`;
    return text;
  }
  return err instanceof Error ? err.message : String(err);
}

export function wrapAdapterFactory(inner: SqlMigrationAwareDriverAdapterFactory, options: WrapOptions = {}): MigrationFactory {
  const opened: Array<() => Promise<void>> = [];
  let lastFailure: ScriptFailure | undefined;

  const wrap = (adapter: SqlDriverAdapter, onDispose?: () => Promise<void>): SqlDriverAdapter => {
    const run = scriptRunnerFor(adapter);
    const charFix = patchCharColumns(adapter);
    let disposed: Promise<void> | undefined;
    const dispose = () => {
      disposed ??= (async () => {
        try {
          charFix?.restore();
          await adapter.dispose();
        } finally {
          await onDispose?.();
        }
      })();
      return disposed;
    };
    opened.push(dispose);
    const wrapped: SqlDriverAdapter = {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      queryRaw: charFix ? async (q) => charFix.fix(await adapter.queryRaw(q)) : (q) => adapter.queryRaw(q),
      executeRaw: (q) => adapter.executeRaw(q),
      startTransaction: (level) => adapter.startTransaction(level),
      async executeScript(script) {
        try {
          await run(script);
        } catch (error) {
          lastFailure = { script, error };
          throw toAdapterError(error);
        }
      },
      dispose,
    };
    if (adapter.getConnectionInfo) {
      const info = adapter.getConnectionInfo.bind(adapter);
      wrapped.getConnectionInfo = () => info();
    }
    return wrapped;
  };

  const factory: MigrationFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    get lastFailure() {
      return lastFailure;
    },
    async connect() {
      return wrap(await inner.connect());
    },
    async connectToShadowDb() {
      if (!options.pgliteShadow) return wrap(await inner.connectToShadowDb());
      const pglite = await freshPGlite();
      return wrap(await new PrismaPGlite(pglite).connect(), () => pglite.close());
    },
    async disposeAll() {
      const all = opened.splice(0);
      const results = await Promise.allSettled(all.map((d) => d()));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) throw failed.reason;
    },
  };
  return factory;
}

// Starting an in-memory PGlite by initdb takes 3–7 s; one from the cached empty tarball (see
// pglite-empty.ts) well under 1 s. Scratch and shadow databases start from that tarball; without
// one, they are clones of one pristine PGlite per process, which nobody writes to. An open PGlite
// does not keep Node's event loop alive.
let template: Promise<PGlite> | undefined;

/** A new, empty in-memory PGlite. Close it when done. */
export async function freshPGlite(): Promise<PGlite> {
  if (await emptyPGliteArchive()) return newEmptyPGlite();
  template ??= newEmptyPGlite().catch((err: unknown) => {
    template = undefined;
    throw err;
  });
  const clone = (await (await template).clone()) as PGlite;
  await clone.waitReady;
  return clone;
}

/** Closes the cached template PGlite (it is re-created on next use). */
export async function closeMigrationCache(): Promise<void> {
  const t = template;
  template = undefined;
  if (t) await (await t.catch(() => undefined))?.close();
}

/** An in-memory PGlite and a wrapped factory on it, for scratch work (shadow databases). */
export async function openScratchDatabase(): Promise<{
  factory: MigrationFactory;
  close(): Promise<void>;
}> {
  const pglite = await freshPGlite();
  const factory = wrapAdapterFactory(new PrismaPGlite(pglite), { pgliteShadow: true });
  return {
    factory,
    async close() {
      try {
        await factory.disposeAll();
      } finally {
        await pglite.close();
      }
    },
  };
}
