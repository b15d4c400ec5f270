// The db:* commands as a function: argv in, exit code out, output through `io`. index.ts runs it as
// the process (`npm run db:<command>`); tests run it in-process (see cli.test.ts).
import { parseArgs } from "node:util";

import { BackupError } from "../backup.ts";
import { DatabaseInUseError } from "../lock.ts";
import { MigrationError } from "../migrate/index.ts";
import type { CliIo } from "./io.ts";
import { runMigrate, runNewMigration, runReset, runStatus } from "./migrate-commands.ts";

export type { CliIo } from "./io.ts";

const usage = `使い方 / usage: npm run db:<command>
  db:migrate                      未適用のマイグレーションを適用（中断されたものは確認して再適用）/ apply pending migrations (an interrupted one is checked and applied again)
  db:migrate -- --rolled-back <name>  失敗したマイグレーションを確認のうえロールバック済みに / mark a failed migration rolled back, after checking the database
  db:new-migration -- <name>      スキーマから次のマイグレーションを作成 / create the next migration from the schema
  db:status                       適用状況 / applied and pending migrations
  db:reset [-- --force]           全データを消して作り直す / drop everything and re-apply migrations
  db:seed [-- --scale N]          デモデータ（または N 社協分の合成データ）/ demo data (or N synthetic 社協)
  db:backup [-- --out <file>]     バックアップ（既定 .data/backups/）/ back up everything (default .data/backups/)
  db:restore -- <file> [--force]  空のデータベースへ復元 / restore into an empty database (--force: replace everything)`;

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      force: { type: "boolean", default: false },
      scale: { type: "string" },
      out: { type: "string" },
      "rolled-back": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help || !command) {
    io.out(usage);
    return command ? 0 : 2;
  }
  switch (command) {
    case "migrate":
      return runMigrate({ rolledBack: values["rolled-back"] }, io);
    case "new-migration":
      return runNewMigration(positionals[0], io);
    case "status":
      return runStatus(io);
    case "reset":
      return runReset({ force: values.force }, io);
    case "seed": {
      // loaded on demand: the seed data is large and the other commands do not need it
      const { runSeed } = await import("./seed-command.ts");
      return runSeed({ scale: values.scale }, io);
    }
    case "backup": {
      const { runBackup } = await import("./backup-commands.ts");
      return runBackup({ out: values.out }, io);
    }
    case "restore": {
      const { runRestore } = await import("./backup-commands.ts");
      return runRestore({ file: positionals[0], force: values.force }, io);
    }
    default:
      io.err(`不明なコマンド / unknown command: ${command}\n${usage}`);
      return 2;
  }
}

/** Runs one db:* command (`argv` as after `npm run db:<command> --`, e.g. ["seed", "--scale", "2"]); resolves to its exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    if (err instanceof DatabaseInUseError || err instanceof MigrationError || err instanceof BackupError) {
      io.err(err.message);
    } else {
      io.err(err instanceof Error ? (err.stack ?? err.message) : String(err));
    }
    return 1;
  }
}
