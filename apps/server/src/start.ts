// Start-up: open the database; on the embedded one apply pending migrations and load the demo
// data on first start; on PostgreSQL refuse to serve a database with pending migrations. When
// _prisma_migrations already lists every migration (every start but the first after an update),
// one query says so and the WebAssembly schema engine is never loaded (memory and start time).
import type { Logger } from "pino";

import { getDatabase } from "@tsunagu/db/client";
import { migrationsDir, schemaPath } from "@tsunagu/db/env";
import { applyPendingMigrations, migrationStatus, migrationsUpToDate } from "@tsunagu/db/migrate";

export async function prepareDatabase(log: Logger): Promise<void> {
  const db = await getDatabase();
  const paths = { adapterFactory: db.adapterFactory, schemaPath, migrationsDir };
  if (db.kind === "postgresql") {
    // one plain query first: a database that cannot be reached fails here with the driver's own
    // message (the migration engine would report it as an opaque "External error")
    await db.prisma.$queryRaw`SELECT 1`;
    if (await migrationsUpToDate(db.prisma, migrationsDir)) {
      log.info({ database: db.location }, "PostgreSQL");
      return;
    }
    const status = await migrationStatus({ ...paths, checkDrift: false });
    if (status.pending.length || status.failed.length) {
      throw new Error(
        `未適用のマイグレーションがあります。npm run db:migrate を実行してください / ${status.pending.length} pending migration(s) on ${db.location}: run npm run db:migrate first.`,
      );
    }
    log.info({ database: db.location }, "PostgreSQL");
    return;
  }
  // an interrupted migration (the server killed while migrating) is checked and applied again
  const { applied, recovered } = (await migrationsUpToDate(db.prisma, migrationsDir))
    ? { applied: [], recovered: [] }
    : await applyPendingMigrations(paths);
  for (const migration of recovered ?? []) {
    log.warn(
      { migration },
      `中断されたマイグレーションを検出し、何も残っていないことを確認して再適用しました / migration ${migration} was interrupted in an earlier run: checked that nothing of it remained, marked it rolled back and applied it again`,
    );
  }
  if (applied.length) log.info({ applied }, "applied migrations to the embedded database");
  if ((await db.prisma.organization.count()) === 0) {
    const { seedDemo } = await import("@tsunagu/seed");
    await db.prisma.$transaction((tx) => seedDemo(tx, { today: new Date() }), { timeout: 600_000, maxWait: 60_000 });
    log.info("loaded the Hannan demo data into the new embedded database");
  }
  log.info({ database: db.location }, "embedded PGlite");
}

/** a start-up failure as one clear line for the log: a database that does not answer is named as such */
export function describeStartupError(err: unknown): string {
  const messages: string[] = [];
  for (let e: unknown = err; e instanceof Error && messages.length < 5; e = e.cause) messages.push(e.message);
  const text = messages.join(" / ") || String(err);
  if (/timeout|timed out/i.test(text)) {
    return `データベースが応答しません（DATABASE_URL のホストとポートを確認してください）/ The database did not answer in time (check the host and port in DATABASE_URL): ${text}`;
  }
  return text;
}

/** why the server could not listen, in Japanese and English */
export function listenErrorMessage(err: unknown, where: { host: string; port: number }): string {
  const code = (err as NodeJS.ErrnoException).code;
  const at = `${where.host}:${where.port}`;
  if (code === "EADDRINUSE") {
    return `ポート ${where.port} は別のプログラムが使用中です。そのプログラムを止めるか、PORT に別の番号を指定してください / Port ${where.port} (${at}) is already in use: stop the other program or set PORT to another number.`;
  }
  if (code === "EACCES") {
    return `ポート ${where.port} を開く権限がありません。1024 以上の番号を PORT に指定してください / No permission to listen on ${at}: set PORT to a number of 1024 or more.`;
  }
  return `${at} で待ち受けできません / Cannot listen on ${at}: ${err instanceof Error ? err.message : String(err)}`;
}
