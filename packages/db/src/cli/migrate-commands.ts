import path from "node:path";

import { readMigrationsDir, schemaPath } from "../env.ts";
import { applyPendingMigrations, createNextMigration, markMigrationRolledBack, migrationStatus, resetDatabase } from "../migrate/index.ts";
import type { CliIo } from "./io.ts";
import { withDatabase } from "./open.ts";

const pathsFor = (io: CliIo) => ({ schemaPath, migrationsDir: readMigrationsDir(io.env) });

/** what `db:migrate` prints for a migration it recovered (an interrupted run, redone) */
export function recoveredMessage(name: string): string {
  return (
    `中断されたマイグレーション ${name} を検出しました。その変更がデータベースに何も残っていないことを確認し、ロールバック済みとして記録して、もう一度適用します。\n` +
    `Migration ${name} was interrupted in an earlier run (started, never finished). Checked that nothing of it remained in the database, marked it rolled back, and applied it again.`
  );
}

export async function runMigrate(options: { rolledBack: string | undefined }, io: CliIo): Promise<number> {
  const paths = pathsFor(io);
  if (options.rolledBack !== undefined) {
    const name = options.rolledBack;
    return withDatabase("migrate", io, async (db) => {
      const status = await migrationStatus({ adapterFactory: db.adapterFactory, ...paths, checkDrift: false });
      if (!status.failed.includes(name)) {
        io.err(
          `${name} は失敗として記録されていません。何も変更していません / ${name} is not recorded as failed (failed: ${status.failed.join(", ") || "none"}). Nothing was changed.`,
        );
        return 1;
      }
      await markMigrationRolledBack({ adapterFactory: db.adapterFactory, ...paths }, name);
      io.out(
        `${name} をロールバック済みとして記録しました。npm run db:migrate で再適用します / Marked ${name} rolled back: npm run db:migrate applies it again.`,
      );
      return 0;
    });
  }
  return withDatabase("migrate", io, async (db) => {
    const { applied, recovered = [] } = await applyPendingMigrations({ adapterFactory: db.adapterFactory, ...paths });
    for (const name of recovered) io.out(recoveredMessage(name));
    if (applied.length === 0) io.out("適用待ちのマイグレーションはありません / No pending migrations: the database is up to date.");
    for (const name of applied) io.out(`適用しました / applied: ${name}`);
    return 0;
  });
}

export async function runNewMigration(name: string | undefined, io: CliIo): Promise<number> {
  if (!name || !/^[a-z0-9_-]+$/i.test(name)) {
    io.err(
      "名前を指定してください（英数字・_・-）/ Give the migration a name (letters, digits, _ or -): npm run db:new-migration -- add_something",
    );
    return 2;
  }
  const paths = pathsFor(io);
  const { folder, sql } = await createNextMigration({ ...paths, name });
  if (!folder) {
    io.out("スキーマに変更はありません / The schema has no change since the last migration: nothing written.");
    return 0;
  }
  io.out(`作成しました / created: ${path.join(paths.migrationsDir, folder, "migration.sql")}\n\n${sql}`);
  io.out("適用するには / to apply it: npm run db:migrate");
  return 0;
}

export async function runStatus(io: CliIo): Promise<number> {
  const paths = pathsFor(io);
  return withDatabase("status", io, async (db) => {
    const status = await migrationStatus({ adapterFactory: db.adapterFactory, ...paths });
    for (const name of status.applied) io.out(`  適用済み / applied   ${name}`);
    for (const name of status.pending) io.out(`  未適用   / pending   ${name}`);
    for (const name of status.failed) io.out(`  失敗     / failed    ${name}`);
    for (const problem of status.problems) io.out(`  問題 / problem: ${problem}`);
    const ok = status.pending.length === 0 && status.failed.length === 0 && status.problems.length === 0;
    io.out(
      ok
        ? `すべて適用済みです / All ${status.applied.length} migrations are applied.`
        : `未適用 ${status.pending.length} 件、中断・失敗 ${status.failed.length} 件です。npm run db:migrate を実行してください（中断されたものは何も残っていないことを確認して再適用します）/ ${status.pending.length} pending, ${status.failed.length} failed. Run npm run db:migrate.`,
    );
    return ok ? 0 : 1;
  });
}

async function confirm(io: CliIo, question: string): Promise<boolean> {
  if (!io.ask) return false;
  return /^(y|yes|はい)$/i.test((await io.ask(question)).trim());
}

export async function runReset(options: { force: boolean }, io: CliIo): Promise<number> {
  const paths = pathsFor(io);
  return withDatabase("reset", io, async (db) => {
    if (!options.force) {
      const ok = await confirm(io, `${db.location} の全データを削除します。よろしいですか / Delete ALL data in ${db.location}? [y/N] `);
      if (!ok) {
        io.err("中止しました（何も変更していません）/ Aborted, nothing changed. Use --force to skip this question.");
        return 1;
      }
    }
    await resetDatabase({ adapterFactory: db.adapterFactory, ...paths });
    io.out("全データを削除しました / Dropped everything.");
    const { applied } = await applyPendingMigrations({ adapterFactory: db.adapterFactory, ...paths });
    for (const name of applied) io.out(`適用しました / applied: ${name}`);
    io.out("デモデータを入れるには / for demo data: npm run db:seed");
    return 0;
  });
}
