import { migrationsDir, schemaPath } from "../env.ts";
import { countRows } from "../inspect.ts";
import { migrationStatus } from "../migrate/index.ts";
import type { CliIo } from "./io.ts";
import { withDatabase } from "./open.ts";

function parseScale(raw: string | undefined): number | undefined | Error {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    return new Error(`--scale は 1〜1000 の整数です / --scale must be a whole number from 1 to 1000 (got "${raw}")`);
  }
  return n;
}

export async function runSeed(options: { scale: string | undefined }, io: CliIo): Promise<number> {
  const scale = parseScale(options.scale);
  if (scale instanceof Error) {
    io.err(scale.message);
    return 2;
  }
  return withDatabase("seed", io, async (db) => {
    const status = await migrationStatus({ adapterFactory: db.adapterFactory, schemaPath, migrationsDir, checkDrift: false });
    if (status.pending.length > 0 || status.failed.length > 0) {
      io.err(
        `未適用のマイグレーションがあります。先に npm run db:migrate を実行してください / ${status.pending.length} migration(s) pending: run npm run db:migrate first. Nothing was changed.`,
      );
      return 1;
    }
    const started = performance.now();
    const before = await countRows(db.prisma);
    if (scale === undefined) {
      io.out("阪南市社協のデモデータ / Seeding the Hannan demo data…");
      const { seedDemo } = await import("@tsunagu/seed");
      await db.prisma.$transaction((tx) => seedDemo(tx, { today: new Date(), log: (line: string) => io.out(line) }), {
        maxWait: 60_000,
        timeout: 15 * 60_000,
      });
    } else {
      io.out(`合成データ ${scale} 社協分 / Seeding synthetic data for ${scale} organisation(s)…`);
      const { seedSynthetic } = await import("@tsunagu/seed/synthetic");
      await seedSynthetic(db.prisma, { scale });
    }
    const after = await countRows(db.prisma);
    let inserted = 0;
    for (const [table, n] of Object.entries(after).sort(([a], [b]) => a.localeCompare(b))) {
      const added = n - (before[table] ?? 0);
      inserted += added;
      if (added !== 0) io.out(`  ${table.padEnd(24)} +${added} (${n})`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.out(
      inserted === 0
        ? `変更なし：すでに投入済みです / Nothing to do: the data was already there (${seconds}s).`
        : `${inserted} 行を追加しました / Inserted ${inserted} rows in ${seconds}s.`,
    );
    return 0;
  });
}
