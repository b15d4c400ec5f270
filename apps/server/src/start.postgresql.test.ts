// `npm start` on PostgreSQL: refuses a database with pending migrations, serves a migrated one.
import net from "node:net";

import { afterAll, describe, expect, it } from "vitest";

import { migrationsDir, schemaPath } from "@tsunagu/db/env";
import { applyPendingMigrations } from "@tsunagu/db/migrate";
import { createEmptyTestDatabase, type TestDatabase } from "@tsunagu/db/testing";

import { children, freePort, npmStart, serverStart, signInAndAskMe, START_TIMEOUT, stop } from "./testing.ts";

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

describe("a PostgreSQL host that accepts connections but never answers", () => {
  it("fails within 10 s with a clear message and a non-zero exit (no endless wait)", async () => {
    const sockets: net.Socket[] = [];
    let firstConnection = 0;
    const silent = net.createServer((socket) => {
      firstConnection ||= Date.now();
      sockets.push(socket);
    });
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, "127.0.0.1", resolve));
    try {
      const started = await serverStart({
        DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/tsunagu`,
        PORT: String(await freePort()),
      });
      const { code } = await started.exited;
      expect(started.listening, started.output).toBe(false);
      expect(code).not.toBe(0);
      // measured from its first attempt to reach the database (loading the code takes seconds more on a busy machine)
      expect(sockets.length).toBeGreaterThan(0);
      expect(Date.now() - firstConnection).toBeLessThan(10_000);
      expect(started.output).toContain("The database did not answer in time");
      expect(started.output).toContain("データベースが応答しません");
      expect(started.output).not.toContain("    at "); // one clear line, no stack trace
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
