// PostgreSQL: connections lost under requests in flight (pg_terminate_backend, as when the database
// restarts or an administrator ends sessions). Each request caught in the middle answers the typed,
// retryable UNAVAILABLE — while its session is read (context creation), during a permission check,
// and inside a mutation — never "Context creation failed", FORBIDDEN or Prisma's text, and the
// failure is logged once at warn. GET /readyz says whether the database answers; /healthz does not ask.
// To catch requests in flight for sure, a second session holds a lock the request's statement waits
// for, and exactly the waiting backends are ended.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase, type Database } from "@tsunagu/db";
import { testServerUrl } from "@tsunagu/db/testing";

import { createLogger } from "./log.ts";
import { startTestServer, type TestClient, type TestServer } from "./testing.ts";

const lines: string[] = [];
let server: TestServer;
/** a second session on the same database (an administrator's) */
let admin: Database;
let bukai: TestClient;
let groupId: string;
let shiftId: string;
let personId: string;

const UNAVAILABLE = {
  code: "UNAVAILABLE",
  messageEn: "The database could not be reached for a moment; please try again shortly.",
};

/** nothing of the server's internals or of a refusal in an answer */
function expectNoLeak(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toContain("Context creation failed");
  expect(text).not.toContain("FORBIDDEN");
  expect(text).not.toContain("INTERNAL_SERVER_ERROR");
  expect(text).not.toMatch(/invocation|prisma|57P01|terminating connection/i);
}

/** the backends of the server's database waiting for a lock */
async function waitingBackends(): Promise<number[]> {
  const rows = await admin.prisma.$queryRaw<Array<{ pid: number }>>`
    SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`;
  return rows.map((r) => r.pid);
}

/**
 * Runs `requests` while `lockSql` is held by the admin session; once `expected` backends wait for
 * that lock, ends exactly them; returns the requests' answers.
 */
async function terminatedWhileWaiting<T>(lockSql: string, expected: number, requests: () => Array<Promise<T>>): Promise<T[]> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const lockHeld = new Promise<void>((resolve) => (held = resolve));
  const holder = admin.prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(lockSql);
      held();
      await released;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  await lockHeld;
  try {
    const answers = requests();
    let waiting: number[] = [];
    for (let i = 0; i < 200 && waiting.length < expected; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      waiting = await waitingBackends();
    }
    expect(waiting).toHaveLength(expected);
    await admin.prisma.$queryRawUnsafe(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, waiting);
    return await Promise.all(answers);
  } finally {
    release();
    await holder;
  }
}

function warnings(): Array<{ msg: string; code?: string }> {
  return lines.map((l) => JSON.parse(l) as { level: number; msg: string; code?: string }).filter((l) => l.level === 40);
}

beforeAll(async () => {
  // lock waits longer than the test needs, so the requests are still waiting when ended
  server = await startTestServer({
    log: createLogger("info", { write: (line: string) => void lines.push(line) }),
    limits: { lockTimeoutMs: 20_000 },
    // every request reads its session (no viewer cache), so a lost connection can meet that read
    viewerCacheTtlMs: 0,
  });
  admin = await openDatabase({ url: server.db.url });
  bukai = await server.signIn("event-bukai");
  const me = await bukai.graphql<{ me: { organizationId: string; subcommitteeIds: string[] } }>(
    "{ me { organizationId subcommitteeIds } }",
  );
  const orgId = me.data!.me.organizationId;
  groupId = me.data!.me.subcommitteeIds[0]!;
  const db = server.db.prisma;
  const member = await db.groupRole.findFirstOrThrow({ where: { orgId, code: "member" }, select: { id: true } });
  personId = randomUUID();
  await db.person.create({ data: { id: personId, orgId, legalName: "試験 太郎", legalNameKana: "しけん たろう" } });
  await db.membership.create({ data: { orgId, groupId, personId, groupRoleId: member.id, startedOn: new Date("2026-04-01T00:00:00Z") } });
  const event = await db.event.create({
    data: {
      orgId,
      groupId,
      title: "年末ふれあいバザー",
      startsAt: new Date("2026-12-20T00:00:00Z"),
      endsAt: new Date("2026-12-20T06:00:00Z"),
    },
  });
  const shift = await db.shift.create({
    data: {
      orgId,
      eventId: event.id,
      title: "午前",
      startsAt: new Date("2026-12-20T00:00:00Z"),
      endsAt: new Date("2026-12-20T03:00:00Z"),
      capacity: 5,
    },
  });
  shiftId = shift.id;
});
afterAll(async () => {
  await admin?.close();
  await server?.close();
});

describe("a lost connection during a request", () => {
  it("while the session is read: HTTP 503 UNAVAILABLE, not 'Context creation failed'", async () => {
    const answers = await terminatedWhileWaiting(`LOCK TABLE "session" IN ACCESS EXCLUSIVE MODE`, 3, () =>
      [1, 2, 3].map(() => bukai.graphql("{ me { organizationId } }")),
    );
    for (const res of answers) {
      expect(res.status).toBe(503);
      expect(res.data).toBeUndefined();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.extensions).toMatchObject(UNAVAILABLE);
      expect(res.errors![0]!.message).toBe("データベースに一時的に接続できませんでした。少し待ってからもう一度お試しください。");
      expectNoLeak(res);
    }
    // the server recovers at once: the pool opens new connections
    expect((await bukai.graphql("{ me { organizationId } }")).errors).toBeUndefined();
  });

  it("during a permission check: UNAVAILABLE, not FORBIDDEN", async () => {
    const before = warnings().length;
    const [res] = await terminatedWhileWaiting(`LOCK TABLE "Programme" IN ACCESS EXCLUSIVE MODE`, 1, () => [
      bukai.graphql("query($g: ID!) { events(groupId: $g) { id } }", { g: groupId }),
    ]);
    expect(res!.data).toBeNull();
    expect(res!.errors).toHaveLength(1);
    expect(res!.errors![0]!.extensions).toMatchObject(UNAVAILABLE);
    expectNoLeak(res);
    expect(warnings().slice(before)).toEqual([expect.objectContaining({ msg: "database failure", code: "UNAVAILABLE" })]);
    expect((await bukai.graphql("query($g: ID!) { events(groupId: $g) { id } }", { g: groupId })).errors).toBeUndefined();
  });

  it("inside a mutation: the typed UnavailableError result, logged once at warn, nothing written", async () => {
    const before = warnings().length;
    const [res] = await terminatedWhileWaiting(`SELECT 1 FROM "Shift" WHERE "id" = '${shiftId}' FOR UPDATE`, 1, () => [
      bukai.graphql<{ signUp: Record<string, unknown> }>(
        "mutation($s: ID!, $p: ID!) { signUp(shiftId: $s, personId: $p) { __typename ... on Error { code message messageEn } } }",
        { s: shiftId, p: personId },
      ),
    ]);
    expect(res!.errors).toBeUndefined();
    expect(res!.data!.signUp).toEqual({
      __typename: "UnavailableError",
      code: "UNAVAILABLE",
      message: "データベースに一時的に接続できませんでした。少し待ってからもう一度お試しください。",
      messageEn: UNAVAILABLE.messageEn,
    });
    expectNoLeak(res);
    expect(warnings().slice(before)).toEqual([expect.objectContaining({ msg: "database failure", code: "UNAVAILABLE" })]);
    expect(await server.db.prisma.signUp.count({ where: { shiftId } })).toBe(0);
  });
});

describe("readiness", () => {
  it("GET /readyz: 200 while the database answers, 503 with a reason while it does not; /healthz stays 200", async () => {
    const ready = await server.anonymous.fetch("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, database: "ok" });

    // the database refuses new connections and its sessions are ended (from the server's own database)
    const name = new URL(server.db.url!).pathname.slice(1);
    const superuser = await openDatabase({ url: testServerUrl() });
    await superuser.prisma.$executeRawUnsafe(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
    try {
      await superuser.prisma.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${name}`;
      const down = await server.anonymous.fetch("/readyz");
      expect(down.status).toBe(503);
      const body = (await down.json()) as { ok: boolean; database: string };
      expect(body.ok).toBe(false);
      expect(["UNAVAILABLE", "BUSY", "TIMEOUT", "ERROR"]).toContain(body.database);
      expect((await server.anonymous.fetch("/healthz")).status).toBe(200);
    } finally {
      await superuser.prisma.$executeRawUnsafe(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
      await superuser.close();
    }
    expect((await server.anonymous.fetch("/readyz")).status).toBe(200);
  });
});
