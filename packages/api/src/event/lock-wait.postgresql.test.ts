// PostgreSQL: one shift's row held locked by another session (a slow transaction, a manual psql)
// stalls nothing else. While 15 sign-ups to that shift wait — more than the pool's 10 connections —
// `{ me }` and a sign-up to another shift answer within a second; the waiting sign-ups end with the
// typed, retryable BUSY error once the lock timeout has passed, and nothing of them was written.
// Cancellations lock the shift too and queue the same way.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, expect, it } from "vitest";

import { openDatabase, type Database } from "@tsunagu/db";

import { startTestServer, type TestClient, type TestServer } from "../testing.ts";

/** the lock timeout the server gets here (TSUNAGU_DB_LOCK_TIMEOUT_MS; 3 s by default) */
const LOCK_TIMEOUT_MS = 1_500;
const WAITING = 15;

let server: TestServer;
/** a second session on the same database, as a manual psql would be */
let other: Database;
let bukai: TestClient;
let people: string[];
let lockedShift: string;
let freeShift: string;

interface Result {
  __typename: string;
  message?: string;
  messageEn?: string;
  code?: string;
  data?: { id: string; status: string };
}

async function mutate(client: TestClient, field: string, selection: string, vars: Record<string, unknown>, types: string) {
  const args = Object.keys(vars)
    .map((k) => `${k}: $${k}`)
    .join(", ");
  const name = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  const res = await client.graphql<{ r: Result }>(
    `mutation(${types}) { r: ${field}(${args}) { __typename ... on Error { message messageEn code } ... on Mutation${name}Success { data { ${selection} } } } }`,
    vars,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.r;
}

function signUp(shiftId: string, personId: string) {
  return mutate(bukai, "signUp", "id status", { shiftId, personId }, "$shiftId: ID!, $personId: ID!");
}

/** milliseconds `work` took, and its result */
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

beforeAll(async () => {
  server = await startTestServer({ limits: { lockTimeoutMs: LOCK_TIMEOUT_MS } });
  other = await openDatabase({ url: server.db.url });
  bukai = await server.signIn("event-bukai");
  const me = await bukai.graphql<{ me: { organizationId: string; subcommitteeIds: string[] } }>(
    "{ me { organizationId subcommitteeIds } }",
  );
  const orgId = me.data!.me.organizationId;
  const groupId = me.data!.me.subcommitteeIds[0]!;
  const db = server.db.prisma;
  const member = await db.groupRole.findFirstOrThrow({ where: { orgId, code: "member" }, select: { id: true } });
  people = Array.from({ length: WAITING + 1 }, () => randomUUID());
  await db.person.createMany({ data: people.map((id, i) => ({ id, orgId, legalName: `試験 ${i + 1}号`, legalNameKana: "しけん" })) });
  await db.membership.createMany({
    data: people.map((personId) => ({ orgId, groupId, personId, groupRoleId: member.id, startedOn: new Date("2026-04-01T00:00:00Z") })),
  });
  const event = await mutate(
    bukai,
    "createEvent",
    "id",
    { input: { groupId, title: "年末ふれあいバザー 出店", startsAt: "2026-12-20T09:00:00+09:00", endsAt: "2026-12-20T15:00:00+09:00" } },
    "$input: CreateEventInput!",
  );
  const shift = (title: string, startsAt: string, endsAt: string) =>
    mutate(
      bukai,
      "addShift",
      "id",
      { input: { eventId: event.data!.id, title, startsAt, endsAt, capacity: 20 } },
      "$input: AddShiftInput!",
    );
  lockedShift = (await shift("午前（準備・受付）", "2026-12-20T09:00:00+09:00", "2026-12-20T12:00:00+09:00")).data!.id;
  freeShift = (await shift("午後（片付け）", "2026-12-20T12:00:00+09:00", "2026-12-20T15:00:00+09:00")).data!.id;
});
afterAll(async () => {
  await other?.close();
  await server?.close();
});

/** the locked shift's row held FOR UPDATE by the second session until `release()`; `holder` ends then */
async function holdShiftLock(): Promise<{ release: () => void; holder: Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const lockHeld = new Promise<void>((resolve) => (held = resolve));
  const holder = other.prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Shift" WHERE "id" = ${lockedShift}::uuid FOR UPDATE`;
      held();
      await released;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  await lockHeld;
  return { release, holder };
}

it("a locked shift row: other requests answer within 1 s; its sign-ups end BUSY after the lock timeout, nothing written", async () => {
  const { release, holder } = await holdShiftLock();
  try {
    const waiting = people.slice(0, WAITING).map((personId) => timed(() => signUp(lockedShift, personId)));
    // the sign-ups are on their way (their requests sent and waiting) before the others are timed
    await new Promise((resolve) => setTimeout(resolve, 300));

    const me = await timed(() => bukai.graphql<{ me: { organizationId: string } }>("{ me { organizationId } }"));
    expect(me.value.errors).toBeUndefined();
    expect(me.value.data!.me.organizationId).toBeTruthy();
    expect(me.ms).toBeLessThan(1_000);

    const elsewhere = await timed(() => signUp(freeShift, people[WAITING]!));
    expect(elsewhere.value.__typename).toBe("MutationSignUpSuccess");
    expect(elsewhere.value.data!.status).toBe("CONFIRMED");
    expect(elsewhere.ms).toBeLessThan(1_000);

    const ended = await Promise.all(waiting);
    for (const { ms, value } of ended) {
      expect(value).toEqual({
        __typename: "BusyError",
        code: "BUSY",
        message: "混み合っています。少し待ってからもう一度お試しください。",
        messageEn: "The server is busy; please try again in a moment.",
      });
      // each waited for the lock (not refused at once), and none waited out a lock timeout of its own
      expect(ms).toBeGreaterThanOrEqual(LOCK_TIMEOUT_MS - 300);
      expect(ms).toBeLessThan(LOCK_TIMEOUT_MS * 3);
    }
  } finally {
    release();
    await holder;
  }
  // nothing of the refused sign-ups was written; with the lock gone the same sign-up goes through
  expect(await server.db.prisma.signUp.count({ where: { shiftId: lockedShift } })).toBe(0);
  const again = await signUp(lockedShift, people[0]!);
  expect(again.__typename).toBe("MutationSignUpSuccess");
});

it("cancellations queue like sign-ups: 15 cancels of a locked shift's sign-ups leave a cancellation elsewhere answering within 1 s, and end BUSY", async () => {
  // everyone of the locked shift signed up (people[0] already is, from the test above)
  const signUps = [(await server.db.prisma.signUp.findFirstOrThrow({ where: { shiftId: lockedShift, personId: people[0]! } })).id];
  for (const personId of people.slice(1, WAITING)) signUps.push((await signUp(lockedShift, personId)).data!.id);
  const freeSignUp = (await server.db.prisma.signUp.findFirstOrThrow({ where: { shiftId: freeShift, personId: people[WAITING]! } })).id;
  const cancel = (signUpId: string) => mutate(bukai, "cancelSignUp", "id status", { signUpId }, "$signUpId: ID!");

  const { release, holder } = await holdShiftLock();
  try {
    const waiting = signUps.map((id) => timed(() => cancel(id)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // a cancellation on another shift needs a pooled connection: the queued ones hold none
    const elsewhere = await timed(() => cancel(freeSignUp));
    expect(elsewhere.value.__typename).toBe("MutationCancelSignUpSuccess");
    expect(elsewhere.ms).toBeLessThan(1_000);
    for (const { ms, value } of await Promise.all(waiting)) {
      expect(value.__typename).toBe("BusyError");
      expect(ms).toBeLessThan(LOCK_TIMEOUT_MS * 3);
    }
  } finally {
    release();
    await holder;
  }
  expect(await server.db.prisma.signUp.count({ where: { shiftId: lockedShift, status: "CONFIRMED" } })).toBe(WAITING);
  const again = await cancel(signUps[0]!);
  expect(again.__typename).toBe("MutationCancelSignUpSuccess");
});
