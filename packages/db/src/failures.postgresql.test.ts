// databaseFailure on PostgreSQL, on the errors the real driver throws: a lock wait past
// lock_timeout, a statement past statement_timeout and a wait for a pooled connection are "busy"; a
// terminated backend is "unavailable" (the embedded database has one connection and no other session:
// none of these can happen there). The limits are set as the server's settings set them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase } from "./database.ts";
import { databaseFailure } from "./failures.ts";
import { createProbeDatabase, failureOf } from "./fixtures/probe-database.ts";
import { testServerUrl, type TestDatabase } from "./testing.ts";

let db: TestDatabase;

beforeAll(async () => {
  db = await createProbeDatabase("postgresql", {
    limits: { lockTimeoutMs: 200, statementTimeoutMs: 500, poolMax: 2, poolTimeoutMs: 300 },
  });
});
afterAll(() => db?.drop());

describe("databaseFailure on PostgreSQL", () => {
  it("a lock held past lock_timeout, a long statement and a pool wait are busy", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const lockHeld = new Promise<void>((resolve) => (held = resolve));
    const holder = db.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT "id" FROM "Probe" WHERE "id" = 1 FOR UPDATE`;
        held();
        await released;
      },
      { timeout: 20_000 },
    );
    await lockHeld;
    try {
      const locked = await failureOf(db.prisma.$queryRaw`SELECT "id" FROM "Probe" WHERE "id" = 1 FOR UPDATE`);
      expect(databaseFailure(locked)).toBe("busy");
      // the holder and a second open transaction take both connections: a third request waits past the pool timeout
      let second!: () => void;
      const secondOpen = new Promise<void>((resolve) => (second = resolve));
      const other = db.prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 AS one`;
        second();
        await released;
      });
      await secondOpen;
      const noConnection = await failureOf(db.prisma.$queryRaw`SELECT 1 AS one`);
      expect(databaseFailure(noConnection)).toBe("busy");
      release();
      await other;
    } finally {
      release();
      await holder;
    }
    const long = await failureOf(db.prisma.$queryRaw`SELECT 1 FROM pg_sleep(2)`);
    expect(databaseFailure(long)).toBe("busy");
  });

  it("a terminated backend is unavailable, and the next request gets a new connection", async () => {
    const admin = await openDatabase({ url: testServerUrl() });
    try {
      let ended!: () => void;
      const backendEnded = new Promise<void>((resolve) => (ended = resolve));
      let started!: (pid: number) => void;
      const backend = new Promise<number>((resolve) => (started = resolve));
      // a transaction between two statements (its backend idle in transaction) loses its connection
      const cut = failureOf(
        db.prisma.$transaction(async (tx) => {
          const [row] = await tx.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`;
          started(row!.pid);
          await backendEnded;
          await tx.$queryRaw`SELECT 1 AS one`;
        }),
      );
      const pid = await backend;
      expect(await admin.prisma.$queryRaw`SELECT pg_terminate_backend(${pid}::int) AS ended`).toEqual([{ ended: true }]);
      // the driver learns of it when the server closes the socket
      await new Promise((resolve) => setTimeout(resolve, 100));
      ended();
      expect(databaseFailure(await cut)).toBe("unavailable");
      expect(await db.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    } finally {
      await admin.close();
    }
  });

  it("a database that takes no connections (55000, e.g. ALTER DATABASE … ALLOW_CONNECTIONS false) is unavailable", async () => {
    const name = new URL(db.url!).pathname.slice(1);
    const admin = await openDatabase({ url: testServerUrl() });
    try {
      await admin.prisma.$executeRawUnsafe(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      const late = await openDatabase({ url: db.url! });
      try {
        const refused = await failureOf(late.prisma.$queryRaw`SELECT 1 AS one`);
        expect(String((refused as Error).message) + JSON.stringify(refused)).toMatch(/not currently accepting connections|55000/);
        expect(databaseFailure(refused)).toBe("unavailable");
      } finally {
        await late.close();
      }
    } finally {
      await admin.prisma.$executeRawUnsafe(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      await admin.close();
    }
  });
});
