// `npm run db:<command>` — the project's own migration and seed commands (see README).
// They work on the embedded database (DATABASE_URL unset) and on PostgreSQL alike, and refuse to
// touch an embedded database that another process (a running server) holds.
import { parseArgs } from "node:util";

import { DatabaseInUseError } from "../lock.ts";
import { MigrationError } from "../migrate/index.ts";
import { runMigrate, runNewMigration, runReset, runStatus } from "./migrate-commands.ts";

const usage = `使い方 / usage: npm run db:<command>
  db:migrate                      未適用のマイグレーションを適用 / apply pending migrations
  db:new-migration -- <name>      スキーマから次のマイグレーションを作成 / create the next migration from the schema
  db:status                       適用状況 / applied and pending migrations
  db:reset [-- --force]           全データを消して作り直す / drop everything and re-apply migrations
  db:seed [-- --scale N]          デモデータ（または N 社協分の合成データ）/ demo data (or N synthetic 社協)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      force: { type: "boolean", default: false },
      scale: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help || !command) {
    console.log(usage);
    return command ? 0 : 2;
  }
  switch (command) {
    case "migrate":
      return runMigrate();
    case "new-migration":
      return runNewMigration(positionals[0]);
    case "status":
      return runStatus();
    case "reset":
      return runReset({ force: values.force });
    case "seed": {
      // loaded on demand: the seed data is large and the other commands do not need it
      const { runSeed } = await import("./seed-command.ts");
      return runSeed({ scale: values.scale });
    }
    default:
      console.error(`不明なコマンド / unknown command: ${command}\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof DatabaseInUseError || err instanceof MigrationError) {
      console.error(err.message);
    } else {
      console.error(err);
    }
    process.exit(1);
  },
);
