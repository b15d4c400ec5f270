// Migration commands on top of the wasm schema engine: apply, status, create, reset.

import path from "node:path";

import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DiagnoseMigrationHistoryOutput, MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";

import { describeDbError, hasTransactionControl, openScratchDatabase, wrapAdapterFactory, type MigrationFactory } from "./adapter.ts";
import { withEngine, type SchemaEngine, type SchemaFile } from "./engine.ts";
import { engineReason, MigrationError } from "./errors.ts";
import { MIGRATION_FILE_NAME, migrationTimestamp, readMigrationsList, readSchemaFiles, snakeName, writeMigration } from "./files.ts";

export { hasTransactionControl };

export interface MigrateOptions {
  /** PrismaPg or PrismaPGlite factory for the target database */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** absolute path of prisma/schema.prisma */
  schemaPath: string;
  /** absolute path of prisma/migrations */
  migrationsDir: string;
}

export interface MigrationStatus {
  /** migrations recorded as applied, in the order they were applied */
  applied: string[];
  /** migration folders not applied yet */
  pending: string[];
  /** migrations recorded as failed and not rolled back */
  failed: string[];
  /** drift / edited / missing / failed migrations, in plain words; empty when all is well */
  problems: string[];
}

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/** Runs `fn` with an engine on the target database; closes every connection afterwards. */
async function onTarget<T>(
  o: MigrateOptions,
  fn: (engine: SchemaEngine, factory: MigrationFactory, migrations: MigrationList, schemaFiles: SchemaFile[]) => Promise<T>,
  wrap: { pgliteShadow?: boolean } = {},
): Promise<T> {
  const [schemaFiles, migrations] = await Promise.all([readSchemaFiles(o.schemaPath), readMigrationsList(o.migrationsDir)]);
  const factory = wrapAdapterFactory(o.adapterFactory, wrap);
  try {
    return await withEngine(schemaFiles, factory, (engine) => fn(engine, factory, migrations, schemaFiles));
  } finally {
    await factory.disposeAll();
  }
}

function diagnose(engine: SchemaEngine, migrations: MigrationList) {
  return engine.diagnoseMigrationHistory({
    migrationsList: migrations,
    optInToShadowDatabase: false,
    filters: NO_FILTER,
  });
}

function scriptOf(migrations: MigrationList, name: string): string | undefined {
  const dir = migrations.migrationDirectories.find((d) => d.path === name);
  return dir?.migrationFile.content.tag === "ok" ? dir.migrationFile.content.value : undefined;
}

/**
 * Turns an applyMigrations error into a MigrationError naming the migration and the database's
 * reason. With `rollBack`, a migration that failed atomically is marked rolled back in
 * `_prisma_migrations` so that the fixed file can be applied on the next run.
 */
async function explainApplyFailure(
  err: unknown,
  engine: SchemaEngine,
  factory: MigrationFactory,
  migrations: MigrationList,
  options: { rollBack: boolean; where: string },
): Promise<MigrationError> {
  const engineText = err instanceof Error ? err.message : String(err);
  const after = await diagnose(engine, migrations).catch(() => undefined);
  const name = after?.failedMigrationNames.at(-1) ?? /migration_name="([^"]+)"/.exec(engineText)?.[1] ?? null;
  if (name === null) {
    const reason = engineReason(err);
    const where = options.where ? ` ${options.where}` : "";
    return new MigrationError(`Could not apply migrations${where}: ${reason}`, {
      reason,
      cause: err,
    });
  }
  const script = scriptOf(migrations, name);
  const failure = factory.lastFailure;
  const ourFailure = failure !== undefined && script !== undefined && failure.script === script;
  const reason = ourFailure ? describeDbError(failure.error) : engineReason(err);
  const file = path.join(migrations.baseDir, name, MIGRATION_FILE_NAME);

  let rolledBack = false;
  let note: string;
  if (!options.rollBack) {
    note = `Fix ${file}.`;
  } else if (ourFailure && !hasTransactionControl(failure.script)) {
    // The script ran as one implicit transaction, so PostgreSQL undid all of it. The engine has
    // recorded a failed row (inserted before the script ran); mark it rolled back so the
    // migration counts as not applied and a fixed file is retried.
    try {
      await engine.markMigrationRolledBack({ migrationName: name });
      rolledBack = true;
      note =
        "Nothing from it was applied: its statements ran in one transaction that was rolled back, " +
        `and it is marked rolled back in _prisma_migrations. Fix ${file} and run the migrations again.`;
    } catch (markErr) {
      note =
        "Nothing from it was applied (its statements were rolled back), but marking it rolled back " +
        `in _prisma_migrations failed too (${engineReason(markErr)}); run npm run db:migrate again, which recovers it.`;
    }
  } else {
    note =
      "It may be partly applied (the script manages its own transactions, or the failure did not " +
      "come from running its SQL). Inspect the database, undo what was applied, fix " +
      `${file}, then run ${markRolledBackCommand(name)} and npm run db:migrate.`;
  }
  const where = options.where ? ` ${options.where}` : "";
  return new MigrationError(`Migration ${name} failed${where}: ${reason}\n${note}`, {
    migration: name,
    reason,
    rolledBack,
    cause: err,
  });
}

/** the command that marks a migration rolled back by hand (after checking the database) */
const markRolledBackCommand = (name: string) => `npm run db:migrate -- --rolled-back ${name}`;

function failedRunMessage(names: string[]): string {
  const list = names.join(", ");
  return (
    `Migration ${list} is recorded as failed in _prisma_migrations (started, never finished, not rolled back): ` +
    "an earlier run was interrupted, or it failed in another tool. Run npm run db:migrate: it checks that nothing of it " +
    "remains in the database, marks it rolled back and applies it again (or, when it cannot prove that, changes nothing and says what to do)."
  );
}

/** How long recovery waits for a migration that another session may still be running. */
const RUNNING_MIGRATION_WAIT = "10s";

/**
 * Recovers a migration whose run was interrupted (a crash, kill -9, a lost connection): its
 * `_prisma_migrations` row was inserted but never finished. Proves nothing of it remains, then
 * marks the row rolled back so that applyMigrations runs it again. Throws a MigrationError, having
 * changed nothing, when it cannot prove that.
 *
 * The proof (see guardScript in adapter.ts): every migration runs in one implicit transaction
 * that holds a lock on its row and sets `finished_at` itself when it commits. So (1) once we hold
 * the row's lock, no session is running the script any more; (2) if the row is still unfinished
 * then, the script's transaction did not commit — PostgreSQL rolled back every statement of it.
 * As a second check — and the only one for a row left by an older Tsunagu or by another tool —
 * (3) the database's schema must be exactly what the migrations before it produce (the engine's
 * diff against those migrations replayed on an in-memory PGlite).
 */
async function recoverInterrupted(
  name: string,
  engine: SchemaEngine,
  factory: MigrationFactory,
  migrations: MigrationList,
  schemaFiles: SchemaFile[],
  configDir: string,
): Promise<void> {
  const refuse = (why: string, reason: string): MigrationError =>
    new MigrationError(
      `Migration ${name} is recorded as failed in _prisma_migrations (started, never finished: an interrupted run, ` +
        `or a failure in another tool) and cannot be recovered automatically: ${why}\nNothing was changed. Check the database and undo what ${name} ` +
        `applied, if anything; then run ${markRolledBackCommand(name)} and npm run db:migrate.`,
      { migration: name, reason },
    );
  const script = scriptOf(migrations, name);
  if (script === undefined) throw refuse(`its folder is missing from ${migrations.baseDir}.`, "migration folder missing");
  if (hasTransactionControl(script)) {
    throw refuse("its script commits or ends transactions itself, so part of it may be applied.", "script manages its own transactions");
  }
  // (1) and (2): wait for any session still running it; see whether it committed after all
  let unfinished: unknown[];
  try {
    unfinished = await factory.transaction(async (query) => {
      await query(`SET LOCAL lock_timeout = '${RUNNING_MIGRATION_WAIT}'`);
      return query(
        'SELECT "id" FROM "_prisma_migrations" WHERE "migration_name" = $1 AND "finished_at" IS NULL AND "rolled_back_at" IS NULL FOR UPDATE',
        [name],
      );
    });
  } catch (err) {
    if ((err as { code?: unknown }).code === "55P03") {
      throw new MigrationError(
        `Migration ${name} is being applied by another session right now (it still holds its row in _prisma_migrations ` +
          `after ${RUNNING_MIGRATION_WAIT}). Let it finish, then run npm run db:migrate again. Nothing was changed.`,
        { migration: name, reason: "migration running in another session", cause: err },
      );
    }
    throw err;
  }
  if (unfinished.length === 0) return; // it committed after all: its row is finished, nothing to recover
  // (3) the schema is exactly what the migrations before it produce
  const appliedNames = new Set(await appliedMigrationNames(factory));
  const before: MigrationList = {
    ...migrations,
    migrationDirectories: migrations.migrationDirectories.filter((d) => appliedNames.has(d.path)),
  };
  const out = await engine.diff({
    from: { tag: "migrations", ...before },
    to: { tag: "schemaDatasource", files: schemaFiles, configDir },
    script: false,
    exitCode: true,
    filters: NO_FILTER,
  });
  if (out.exitCode !== 0) {
    throw refuse(
      `the database's schema is not what the migrations before it produce, so part of it may be applied:\n${(out.stdout ?? "").trim()}`,
      "schema differs from the migrations before it",
    );
  }
  await factory.transaction((query) =>
    query(
      'UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "migration_name" = $1 AND "finished_at" IS NULL AND "rolled_back_at" IS NULL',
      [name],
    ),
  );
}

/**
 * Applies every migration folder not yet applied to the target database, in order. A migration
 * whose earlier run was interrupted is first recovered (see recoverInterrupted) and applied again;
 * `recovered` names those (absent when none).
 */
export async function applyPendingMigrations(o: MigrateOptions): Promise<{ applied: string[]; recovered?: string[] }> {
  return onTarget(
    o,
    async (engine, factory, migrations, schemaFiles) => {
      const before = await diagnose(engine, migrations);
      const recovered: string[] = [];
      for (const name of before.failedMigrationNames) {
        await recoverInterrupted(name, engine, factory, migrations, schemaFiles, path.dirname(o.schemaPath));
        recovered.push(name);
      }
      try {
        const out = await engine.applyMigrations({ migrationsList: migrations, filters: NO_FILTER });
        return recovered.length ? { applied: out.appliedMigrationNames, recovered } : { applied: out.appliedMigrationNames };
      } catch (err) {
        throw await explainApplyFailure(err, engine, factory, migrations, {
          rollBack: true,
          where: "",
        });
      }
    },
    { pgliteShadow: true },
  );
}

/** Marks a failed migration rolled back (like `prisma migrate resolve --rolled-back`). */
export async function markMigrationRolledBack(o: MigrateOptions, name: string): Promise<void> {
  await onTarget(o, (engine) => engine.markMigrationRolledBack({ migrationName: name }));
}

async function appliedMigrationNames(factory: MigrationFactory): Promise<string[]> {
  const conn = await factory.connect();
  const result = await conn.queryRaw({
    sql:
      'SELECT "migration_name" FROM "_prisma_migrations" ' +
      'WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL ORDER BY "started_at", "migration_name"',
    args: [],
    argTypes: [],
  });
  return [...new Set(result.rows.map((row) => String(row[0])))];
}

function historyProblems(diag: DiagnoseMigrationHistoryOutput, migrationsDir: string): string[] {
  const problems: string[] = [];
  for (const name of diag.failedMigrationNames) problems.push(failedRunMessage([name]));
  for (const name of diag.editedMigrationNames) {
    if (diag.failedMigrationNames.includes(name)) continue;
    problems.push(
      `Migration ${name} was changed after it was applied to this database (its checksum differs); ` +
        "applied migrations must not be edited — put the change in a new migration.",
    );
  }
  const h = diag.history;
  if (h?.diagnostic === "migrationsDirectoryIsBehind" || h?.diagnostic === "historiesDiverge") {
    for (const name of h.unpersistedMigrationNames) {
      problems.push(`Migration ${name} is applied to the database but its folder is missing from ${migrationsDir}.`);
    }
  }
  if (h?.diagnostic === "historiesDiverge") {
    problems.push(`The database's migration history and the migrations folder diverge after ${h.lastCommonMigrationName ?? "the start"}.`);
  }
  return problems;
}

/**
 * Compares the target database with what the migrations folder produces on a fresh in-memory
 * PGlite (drift). Returns a plain-words summary, or null when there is no drift.
 */
async function checkDrift(
  engine: SchemaEngine,
  migrations: MigrationList,
  schemaFiles: SchemaFile[],
  configDir: string,
): Promise<string | null> {
  const out = await engine.diff({
    from: { tag: "migrations", ...migrations },
    to: { tag: "schemaDatasource", files: schemaFiles, configDir },
    script: false,
    exitCode: true,
    filters: NO_FILTER,
  });
  return out.exitCode === 0 ? null : (out.stdout ?? "").trim() || "(no details)";
}

/**
 * What is applied, pending and failed, and what is wrong, in plain words. With `checkDrift`
 * (default true) and a history in sync, also compares the database's actual schema with what
 * the migrations produce (takes a second or two: the migrations are replayed on an in-memory
 * PGlite).
 */
export async function migrationStatus(o: MigrateOptions & { checkDrift?: boolean }): Promise<MigrationStatus> {
  return onTarget(
    o,
    async (engine, factory, migrations, schemaFiles) => {
      const diag = await diagnose(engine, migrations);
      const applied = diag.hasMigrationsTable ? await appliedMigrationNames(factory) : [];
      const h = diag.history;
      const pending = h?.diagnostic === "databaseIsBehind" || h?.diagnostic === "historiesDiverge" ? h.unappliedMigrationNames : [];
      const problems = historyProblems(diag, o.migrationsDir);
      const inSync = h === null && problems.length === 0;
      if (inSync && (o.checkDrift ?? true) && migrations.migrationDirectories.length > 0) {
        try {
          const drift = await checkDrift(engine, migrations, schemaFiles, path.dirname(o.schemaPath));
          if (drift !== null) {
            problems.push(`The database schema has drifted from what the migrations produce (changed outside the migrations):\n${drift}`);
          }
        } catch (err) {
          problems.push(`Could not check the database for drift: ${engineReason(err)}`);
        }
      }
      return { applied, pending, failed: diag.failedMigrationNames, problems };
    },
    { pgliteShadow: true },
  );
}

/**
 * Writes the next migration: replays the existing migrations on an in-memory PGlite, diffs that
 * against the schema file, and writes `<YYYYMMDDHHMMSS>_<snake_name>/migration.sql` (plus
 * migration_lock.toml if absent). Writes nothing and returns folder null when there is no change.
 */
export async function createNextMigration(o: {
  schemaPath: string;
  migrationsDir: string;
  name: string;
  now?: Date;
}): Promise<{ folder: string | null; sql: string }> {
  const folder = `${migrationTimestamp(o.now ?? new Date())}_${snakeName(o.name)}`;
  const [schemaFiles, migrations] = await Promise.all([readSchemaFiles(o.schemaPath), readMigrationsList(o.migrationsDir)]);
  const last = migrations.migrationDirectories.at(-1)?.path;
  if (last !== undefined && last.slice(0, 14) >= folder.slice(0, 14)) {
    throw new Error(`the new migration ${folder} would not sort after the latest one, ${last}; check the clock or the "now" you passed`);
  }
  const scratch = await openScratchDatabase();
  try {
    const sql = await withEngine(schemaFiles, scratch.factory, async (engine) => {
      if (migrations.migrationDirectories.length > 0) {
        try {
          await engine.applyMigrations({ migrationsList: migrations, filters: NO_FILTER });
        } catch (err) {
          throw await explainApplyFailure(err, engine, scratch.factory, migrations, {
            rollBack: false,
            where: "on a fresh database (while replaying the migrations to create the next one)",
          });
        }
      }
      const out = await engine.diff({
        from: { tag: "schemaDatasource", files: schemaFiles, configDir: path.dirname(o.schemaPath) },
        to: { tag: "schemaDatamodel", files: schemaFiles },
        script: true,
        exitCode: true,
        filters: NO_FILTER,
      });
      return out.exitCode === 0 ? null : (out.stdout ?? "");
    });
    if (sql === null) return { folder: null, sql: "" };
    await writeMigration(o.migrationsDir, folder, sql, "postgresql");
    return { folder, sql };
  } finally {
    await scratch.close();
  }
}

/** Drops everything in the target database's schema (the engine's reset); re-apply afterwards. */
export async function resetDatabase(o: MigrateOptions): Promise<void> {
  await onTarget(o, (engine) => engine.reset({ filter: NO_FILTER }));
}
