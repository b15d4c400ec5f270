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
// The script goes between two guards in that same transaction (guardScript): its own
// `_prisma_migrations` row is locked first and marked finished last, so that after a crash an
// unfinished row provably means "nothing of it committed" (see migrate.ts, recoverInterrupted).
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

import { createHash } from "node:crypto";

import type { PGlite } from "@electric-sql/pglite";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { emptyPGliteImage, newEmptyPGlite } from "../pglite-empty.ts";

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
  /** Runs `fn` in a transaction of our own on the target database (BEGIN … COMMIT on one session). */
  transaction<T>(fn: (query: DriverQuery) => Promise<T>): Promise<T>;
}

export interface WrapOptions {
  /** Use a fresh in-memory PGlite instead of the adapter's own shadow database. */
  pgliteShadow?: boolean;
}

type ScriptRunner = (script: string) => Promise<void>;

/** A query on one database session: rows as objects. */
type DriverQuery = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** How to reach the driver under an adapter: whole scripts, and transactions of our own. */
interface DriverAccess {
  kind: "pg" | "pglite" | "unsupported";
  runScript: ScriptRunner;
  /** runs `fn` inside BEGIN … COMMIT on one session (ROLLBACK if it throws) */
  transaction<T>(fn: (query: DriverQuery) => Promise<T>): Promise<T>;
}

/**
 * True when the script commits or ends transactions itself; then a failure may have left part of
 * it applied, and we must not mark it rolled back. (plpgsql `BEGIN`/`END;` block lines are not
 * transaction control and do not match.)
 */
export function hasTransactionControl(script: string): boolean {
  return /^\s*(?:(?:COMMIT|ROLLBACK|ABORT)\b[^;]*;|START\s+TRANSACTION\b|BEGIN(?:\s+(?:TRANSACTION|WORK))?\s*;|END\s+(?:TRANSACTION|WORK)\s*;)/im.test(
    script,
  );
}

/** Prisma's checksum of a migration script: the sha256 of its text, in hex (as in `_prisma_migrations`). */
function scriptChecksum(script: string): string {
  return createHash("sha256").update(script).digest("hex");
}

/**
 * The script as we send it: between two guards that run in the same implicit transaction.
 *
 * Before it: lock the script's unfinished `_prisma_migrations` row (the engine inserts that row,
 * committed, just before it runs the script). While the script runs, nobody can mark that row
 * rolled back (the recovery in migrate.ts waits for this lock), so a migration still running is
 * never taken for an interrupted one. On PostgreSQL ≥ 14 also `client_connection_check_interval`,
 * so a server whose client died (kill -9 of db:migrate) aborts the script within a second instead
 * of running it to the end.
 *
 * After it: set the row's `finished_at` in the same transaction, so a script that committed is
 * recorded as applied even if the process dies before the engine writes `finished_at` itself.
 * Hence an unfinished row whose lock we can take means: the script did not commit.
 *
 * Both guards do nothing where `_prisma_migrations` does not exist (shadow and scratch databases)
 * or holds no unfinished row with this script's checksum (scripts that are not migrations).
 * Scripts that manage their own transactions are sent as they are.
 */
function guardScript(script: string, kind: DriverAccess["kind"]): string {
  if (hasTransactionControl(script)) return script;
  const row = `"checksum" = '${scriptChecksum(script)}' AND "finished_at" IS NULL AND "rolled_back_at" IS NULL`;
  const checkClient =
    kind === "pg"
      ? "IF current_setting('server_version_num')::int >= 140000 THEN PERFORM set_config('client_connection_check_interval', '1000', true); END IF;"
      : "";
  const before =
    `DO $tsunagu_guard$ BEGIN ${checkClient} IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN ` +
    `PERFORM 1 FROM "_prisma_migrations" WHERE ${row} FOR UPDATE; END IF; END $tsunagu_guard$;\n`;
  const after =
    `\n;\nDO $tsunagu_guard$ BEGIN IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN ` +
    `UPDATE "_prisma_migrations" SET "finished_at" = now() WHERE ${row}; END IF; END $tsunagu_guard$;\n`;
  return before + script + after;
}

interface PgLikeClient {
  query(text: string, values?: unknown[]): Promise<unknown>;
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

/** Finds how to send a whole script in one simple-protocol query, and run transactions, on this adapter's driver. */
function driverAccessFor(adapter: SqlDriverAdapter): DriverAccess {
  // @prisma/adapter-pg: public underlyingDriver() returns the pg.Pool (or pg.Client).
  const withDriver = adapter as SqlDriverAdapter & { underlyingDriver?: () => unknown };
  if (typeof withDriver.underlyingDriver === "function") {
    const driver = withDriver.underlyingDriver() as Partial<PgLikePool & PgLikeClient>;
    const pool = typeof driver.connect === "function" && "totalCount" in driver ? (driver as PgLikePool) : undefined;
    const single = typeof driver.query === "function" ? (driver as PgLikeClient) : undefined;
    if (pool || single) {
      const onPool =
        (p: PgLikePool) =>
        async <T>(fn: (client: PgLikeClient) => Promise<T>): Promise<T> => {
          const client = await p.connect();
          let broken: Error | undefined;
          try {
            return await fn(client);
          } catch (err) {
            // a database error leaves the connection usable; anything else may not
            if (!isDbError(err)) broken = err instanceof Error ? err : new Error(String(err));
            throw err;
          } finally {
            client.release?.(broken);
          }
        };
      const onClient =
        (c: PgLikeClient) =>
        <T>(fn: (client: PgLikeClient) => Promise<T>): Promise<T> =>
          fn(c);
      const session = pool ? onPool(pool) : onClient(single as PgLikeClient);
      return {
        kind: "pg",
        runScript: (script) => session(async (client) => void (await client.query(script))),
        transaction: (fn) =>
          session(async (client) => {
            await client.query("BEGIN");
            try {
              const result = await fn(
                async (sql, params) => ((await client.query(sql, params)) as { rows: Array<Record<string, unknown>> }).rows,
              );
              await client.query("COMMIT");
              return result;
            } catch (err) {
              await client.query("ROLLBACK").catch(() => undefined);
              throw err;
            }
          }),
      };
    }
  }
  // pglite-prisma-adapter: the PGlite instance is the adapter's (TS-private) `client` field.
  const client = (adapter as unknown as { client?: unknown }).client;
  if (isPGliteLike(client)) {
    return {
      kind: "pglite",
      runScript: async (script) => {
        await client.exec(script);
      },
      transaction: (fn) =>
        (client as unknown as PGlite).transaction((tx) =>
          fn(async (sql, params) => (await tx.query<Record<string, unknown>>(sql, params)).rows),
        ),
    };
  }
  const unsupported = () =>
    Promise.reject(
      new Error(
        `migrations: adapter "${adapter.adapterName}" is not supported — use @prisma/adapter-pg (PrismaPg) or pglite-prisma-adapter (PrismaPGlite)`,
      ),
    );
  return { kind: "unsupported", runScript: unsupported, transaction: unsupported };
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
    const driver = driverAccessFor(adapter);
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
          await driver.runScript(guardScript(script, driver.kind));
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
    async transaction(fn) {
      const adapter = await inner.connect();
      try {
        return await driverAccessFor(adapter).transaction(fn);
      } finally {
        await adapter.dispose();
      }
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
  if (await emptyPGliteImage()) return newEmptyPGlite();
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
