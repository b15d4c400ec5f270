import path from "node:path";
import readline from "node:readline/promises";

import { migrationsDir, schemaPath } from "../env.ts";
import { applyPendingMigrations, createNextMigration, migrationStatus, resetDatabase } from "../migrate/index.ts";
import { withDatabase } from "./open.ts";

const paths = { schemaPath, migrationsDir };

export async function runMigrate(): Promise<number> {
  return withDatabase("migrate", async (db) => {
    const { applied } = await applyPendingMigrations({ adapterFactory: db.adapterFactory, ...paths });
    if (applied.length === 0) console.log("適用待ちのマイグレーションはありません / No pending migrations: the database is up to date.");
    for (const name of applied) console.log(`適用しました / applied: ${name}`);
    return 0;
  });
}

export async function runNewMigration(name: string | undefined): Promise<number> {
  if (!name || !/^[a-z0-9_-]+$/i.test(name)) {
    console.error(
      "名前を指定してください（英数字・_・-）/ Give the migration a name (letters, digits, _ or -): npm run db:new-migration -- add_something",
    );
    return 2;
  }
  const { folder, sql } = await createNextMigration({ ...paths, name });
  if (!folder) {
    console.log("スキーマに変更はありません / The schema has no change since the last migration: nothing written.");
    return 0;
  }
  console.log(`作成しました / created: ${path.join(migrationsDir, folder, "migration.sql")}\n\n${sql}`);
  console.log("適用するには / to apply it: npm run db:migrate");
  return 0;
}

export async function runStatus(): Promise<number> {
  return withDatabase("status", async (db) => {
    const status = await migrationStatus({ adapterFactory: db.adapterFactory, ...paths });
    for (const name of status.applied) console.log(`  適用済み / applied   ${name}`);
    for (const name of status.pending) console.log(`  未適用   / pending   ${name}`);
    for (const name of status.failed) console.log(`  失敗     / failed    ${name}`);
    for (const problem of status.problems) console.log(`  問題 / problem: ${problem}`);
    const ok = status.pending.length === 0 && status.failed.length === 0 && status.problems.length === 0;
    console.log(
      ok
        ? `すべて適用済みです / All ${status.applied.length} migrations are applied.`
        : `${status.pending.length} 件が未適用です / ${status.pending.length} pending, ${status.failed.length} failed. Run npm run db:migrate.`,
    );
    return ok ? 0 : 1;
  });
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(question);
    return /^(y|yes|はい)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export async function runReset(options: { force: boolean }): Promise<number> {
  return withDatabase("reset", async (db) => {
    if (!options.force) {
      const ok = await confirm(`${db.location} の全データを削除します。よろしいですか / Delete ALL data in ${db.location}? [y/N] `);
      if (!ok) {
        console.error("中止しました（何も変更していません）/ Aborted, nothing changed. Use --force to skip this question.");
        return 1;
      }
    }
    await resetDatabase({ adapterFactory: db.adapterFactory, ...paths });
    console.log("全データを削除しました / Dropped everything.");
    const { applied } = await applyPendingMigrations({ adapterFactory: db.adapterFactory, ...paths });
    for (const name of applied) console.log(`適用しました / applied: ${name}`);
    console.log("デモデータを入れるには / for demo data: npm run db:seed");
    return 0;
  });
}
