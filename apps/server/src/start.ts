// Start-up: open the database; on the embedded one apply pending migrations and load the demo
// data on first start; on PostgreSQL refuse to serve a database with pending migrations.
import type { Logger } from "pino";

import { getDatabase } from "@tsunagu/db/client";
import { migrationsDir, schemaPath } from "@tsunagu/db/env";
import { applyPendingMigrations, migrationStatus } from "@tsunagu/db/migrate";

export async function prepareDatabase(log: Logger): Promise<void> {
  const db = await getDatabase();
  const paths = { adapterFactory: db.adapterFactory, schemaPath, migrationsDir };
  if (db.kind === "postgresql") {
    const status = await migrationStatus({ ...paths, checkDrift: false });
    if (status.pending.length || status.failed.length) {
      throw new Error(
        `未適用のマイグレーションがあります。npm run db:migrate を実行してください / ${status.pending.length} pending migration(s) on ${db.location}: run npm run db:migrate first.`,
      );
    }
    log.info({ database: db.location }, "PostgreSQL");
    return;
  }
  const { applied } = await applyPendingMigrations(paths);
  if (applied.length) log.info({ applied }, "applied migrations to the embedded database");
  if ((await db.prisma.organization.count()) === 0) {
    const { seedDemo } = await import("@tsunagu/seed");
    await db.prisma.$transaction((tx) => seedDemo(tx, { today: new Date() }), { timeout: 600_000, maxWait: 60_000 });
    log.info("loaded the Hannan demo data into the new embedded database");
  }
  log.info({ database: db.location }, "embedded PGlite");
}
