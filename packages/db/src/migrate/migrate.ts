// Migration commands on top of the wasm schema engine: apply, status, create, reset.

import path from "node:path";

import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DiagnoseMigrationHistoryOutput, MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";

import { describeDbError, openScratchDatabase, wrapAdapterFactory, type MigrationFactory } from "./adapter.ts";
import { withEngine, type SchemaEngine, type SchemaFile } from "./engine.ts";
import { engineReason, MigrationError } from "./errors.ts";
import { MIGRATION_FILE_NAME, migrationTimestamp, readMigrationsList, readSchemaFiles, snakeName, writeMigration } from "./files.ts";

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
 * True when the script commits or ends transactions itself; then a failure may have left part of
 * it applied, and we must not mark it rolled back. (plpgsql `BEGIN`/`END;` block lines are not
 * transaction control and do not match.)
 */
export function hasTransactionControl(script: string): boolean {
  return /^\s*(?:(?:COMMIT|ROLLBACK|ABORT)\b[^;]*;|START\s+TRANSACTION\b|BEGIN(?:\s+(?:TRANSACTION|WORK))?\s*;|END\s+(?:TRANSACTION|WORK)\s*;)/im.test(
    script,
  );
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
        `in _prisma_migrations failed too (${engineReason(markErr)}); mark it rolled back before retrying.`;
    }
  } else {
    note =
      "It may be partly applied (the script manages its own transactions, or the failure did not " +
      "come from running its SQL). Inspect the database, undo what was applied, then mark the " +
      `migration rolled back and fix ${file}.`;
  }
  const where = options.where ? ` ${options.where}` : "";
  return new MigrationError(`Migration ${name} failed${where}: ${reason}\n${note}`, {
    migration: name,
    reason,
    rolledBack,
    cause: err,
  });
}

function failedRunMessage(names: string[]): string {
  const list = names.join(", ");
  return (
    `Migration ${list} is recorded as failed in _prisma_migrations and was not rolled back, ` +
    "so the database may be partly migrated (an earlier run was interrupted, or another tool ran it). " +
    "Check the database; once nothing of it remains, mark it rolled back (markMigrationRolledBack) and apply again."
  );
}

/** Applies every migration folder not yet applied to the target database, in order. */
export async function applyPendingMigrations(o: MigrateOptions): Promise<{ applied: string[] }> {
  return onTarget(o, async (engine, factory, migrations) => {
    const before = await diagnose(engine, migrations);
    if (before.failedMigrationNames.length > 0) {
      throw new MigrationError(failedRunMessage(before.failedMigrationNames), {
        migration: before.failedMigrationNames[0] ?? null,
        reason: "failed migration recorded",
      });
    }
    try {
      const out = await engine.applyMigrations({ migrationsList: migrations, filters: NO_FILTER });
      return { applied: out.appliedMigrationNames };
    } catch (err) {
      throw await explainApplyFailure(err, engine, factory, migrations, {
        rollBack: true,
        where: "",
      });
    }
  });
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
