// db:backup and db:restore (README "Backups"; the format: ../backup.ts).
import os from "node:os";
import path from "node:path";

import { requestBackup } from "../backup-service.ts";
import { defaultBackupFile, restoreBackup, writeBackup } from "../backup.ts";
import { migrationsDir, readDatabaseEnv, repoRoot, schemaPath } from "../env.ts";
import { DatabaseInUseError } from "../lock.ts";
import { resetDatabase } from "../migrate/index.ts";
import type { CliIo } from "./io.ts";
import { withDatabase } from "./open.ts";

/** where backups go unless --out names a file: .data/backups in the repository (git-ignored) */
const defaultBackupDir = path.join(repoRoot, ".data", "backups");

const total = (tables: Record<string, number>) => Object.values(tables).reduce((a, b) => a + b, 0);

function reportBackup(io: CliIo, { file, tables }: { file: string; tables: Record<string, number> }): number {
  io.out(`バックアップしました / backed up: ${Object.keys(tables).length} tables, ${total(tables)} rows`);
  io.out(`ファイル / file: ${file}`);
  return 0;
}

export async function runBackup(options: { out: string | undefined }, io: CliIo): Promise<number> {
  try {
    return await withDatabase("backup", io, async (db) =>
      reportBackup(io, await writeBackup(db, { file: options.out, dir: defaultBackupDir })),
    );
  } catch (err) {
    // the embedded folder is held: a running server writes the backup itself (backup-service.ts)
    if (!(err instanceof DatabaseInUseError) || !err.holder || err.holder.hostname !== os.hostname()) throw err;
    const { dataDir } = readDatabaseEnv(io.env);
    const file = path.resolve(options.out ?? defaultBackupFile(defaultBackupDir));
    const result = await requestBackup(dataDir, err.holder.pid, file);
    if (!result) throw err;
    io.out(
      `データベース / database: 組み込み PGlite / embedded PGlite: ${dataDir}（実行中のサーバー プロセス ${err.holder.pid} が書き出し / written by the running server, process ${err.holder.pid}）`,
    );
    return reportBackup(io, result);
  }
}

export async function runRestore(options: { file: string | undefined; force: boolean }, io: CliIo): Promise<number> {
  const { file } = options;
  if (!file) {
    io.err("復元するファイルを指定してください / Give the backup file to restore: npm run db:restore -- <file> [--force]");
    return 2;
  }
  return withDatabase("restore", io, async (db) => {
    const reset = options.force ? () => resetDatabase({ adapterFactory: db.adapterFactory, schemaPath, migrationsDir }) : undefined;
    const { header, tables } = await restoreBackup(db, path.resolve(file), { reset });
    io.out(
      `復元しました / restored: ${Object.keys(tables).length} tables, ${total(tables)} rows (backup of ${header.createdAt}, from ${header.source})`,
    );
    io.out("最新のスキーマにするには / to bring it up to date: npm run db:migrate");
    return 0;
  });
}
