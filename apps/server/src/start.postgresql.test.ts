// `npm start` on PostgreSQL: refuses a database with pending migrations, serves a migrated one.
import { afterAll, describe, expect, it } from "vitest";

import { migrationsDir, schemaPath } from "@tsunagu/db/env";
import { applyPendingMigrations } from "@tsunagu/db/migrate";
import { createEmptyTestDatabase, type TestDatabase } from "@tsunagu/db/testing";

import { children, freePort, npmStart, signInAndAskMe, START_TIMEOUT, stop } from "./testing.ts";

let pg: TestDatabase | undefined;
afterAll(async () => {
  for (const child of children) await stop(child);
  await pg?.drop();
});

describe("npm start on PostgreSQL", () => {
  it(
    "refuses a PostgreSQL database with pending migrations, and serves it once migrated",
    async () => {
      pg = await createEmptyTestDatabase("postgresql");
      const refused = await npmStart({ DATABASE_URL: pg.url!, PORT: String(await freePort()) });
      expect(refused.listening).toBe(false);
      expect(refused.output).toContain("run npm run db:migrate first");
      await applyPendingMigrations({ adapterFactory: pg.adapterFactory, schemaPath, migrationsDir });
      const { seedDemo } = await import("@tsunagu/seed");
      await pg.prisma.$transaction((tx) => seedDemo(tx, { today: new Date("2026-11-26") }), { timeout: 300_000 });
      const port = await freePort();
      const started = await npmStart({ DATABASE_URL: pg.url!, PORT: String(port) });
      expect(started.listening, started.output).toBe(true);
      const body = await signInAndAskMe(port);
      expect(body.data.me.isStaff).toBe(true);
      await stop(started.child);
    },
    START_TIMEOUT,
  );
});
