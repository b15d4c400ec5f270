// The LISTEN connection (listen.ts): notifications arrive; a killed connection is reported at once
// (listening false, one loss) and comes back by itself; close() ends it for good; a server that
// cannot be reached is one loss however many retries fail.
import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listen } from "./listen.ts";
import { createEmptyTestDatabase, type TestDatabase } from "./testing.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createEmptyTestDatabase("postgresql");
});
afterAll(() => db?.drop());

function recorder() {
  const events: string[] = [];
  return {
    events,
    onNotification: (payload: string) => events.push(`notification ${payload}`),
    onListening: (listening: boolean) => events.push(listening ? "listening" : "not listening"),
    onLost: () => events.push("lost"),
  };
}

/** waits (at most 10 s) until `done` holds */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; waited < 10_000 && !done(); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
}

const connections = async (name: string) =>
  (
    await db.prisma.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = ${name} AND datname = current_database()`
  )[0]!.n;

describe("a LISTEN connection of its own", () => {
  it("hears notifications, reports a killed connection at once, listens again by itself, and stops on close", async () => {
    const name = `listen-test-${randomBytes(4).toString("hex")}`;
    const r = recorder();
    const listener = listen({ url: db.url!, channel: "test_channel", applicationName: name, ...r });
    await listener.ready;
    expect(r.events).toEqual(["listening"]);

    await db.prisma.$executeRaw`SELECT pg_notify('test_channel', 'one')`;
    await db.prisma.$executeRaw`SELECT pg_notify('other_channel', 'ignored')`;
    await until(() => r.events.length > 1);
    expect(r.events).toEqual(["listening", "notification one"]);

    const killed = await db.prisma.$queryRaw<Array<{ done: boolean }>>`
      SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = ${name}`;
    expect(killed).toEqual([{ done: true }]);
    await until(() => r.events.filter((e) => e === "listening").length === 2);
    expect(r.events).toEqual(["listening", "notification one", "not listening", "lost", "listening"]);
    await db.prisma.$executeRaw`SELECT pg_notify('test_channel', 'two')`;
    await until(() => r.events.length > 5);
    expect(r.events.at(-1)).toBe("notification two");

    await listener.close();
    expect(r.events.at(-1)).toBe("not listening");
    expect(await connections(name)).toBe(0n);
  });

  it("a server that cannot be reached: one loss however many retries fail", async () => {
    const r = recorder();
    const listener = listen({
      url: "postgresql://postgres@127.0.0.1:1/none",
      channel: "test_channel",
      applicationName: "unreachable",
      ...r,
    });
    await listener.ready;
    expect(r.events).toEqual(["lost"]);
    // the first retries (after 0.2 s, then 0.4 s) fail as well: still one loss
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(r.events).toEqual(["lost"]);
    await listener.close();
  });
});
