// Two server instances on one PostgreSQL database, as behind a load balancer: two real server
// processes (two ports) with one DATABASE_URL, one BETTER_AUTH_SECRET and one PUBLIC_URL. A session
// made by one is good on the other, and a sign-out or a role change on either takes effect on both
// at once (each caches viewers for 5 s and forgets them on the other's NOTIFY), even when an
// instance's LISTEN connection is lost; the sign-in limits count the attempts made at both, each
// mail of the outbox is sent once though both delivery loops run, sign-ups sent to both never
// overbook a shift, and a reminder is stored and mailed once though both reminder loops scan.
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startSmtpServer, type TestSmtpServer } from "@tsunagu/api/testing/smtp";
import { createTestDatabaseFrom, type TestDatabase } from "@tsunagu/db/testing";
import { DEMO_PASSWORD, demoTestData } from "@tsunagu/seed";

import { children, freePort, serverStart, START_TIMEOUT, stop } from "./testing.ts";

/** what the proxy in front of both would be reached at: Better Auth checks each request's Origin against it */
const PUBLIC_URL = "http://tsunagu.test";
const SECRET = "two-instances-share-this-secret-0123456789";
const STAFF = "staff@hannan.example";
const BUKAI = "event-bukai@hannan.example";
const LEADER = "salon-leader@hannan.example";
const TEACHER = "coordinator.tottori-higashi@hannan.example";

interface Instance {
  name: "A" | "B";
  base: string;
  output: () => string;
}

let db: TestDatabase;
/** the SMTP server both send to: each message takes it 200 ms, so a batch of 20 keeps one loop busy for 4 s */
let smtp: TestSmtpServer;
let instances: [Instance, Instance];
/** instance A or B for the i-th of many requests: half go to each */
const split = (i: number) => instances[i % 2]!;

beforeAll(async () => {
  // the demo 社協 as of the API tests' fixed day (their template, copied in 0.2 s)
  db = await createTestDatabaseFrom(demoTestData(new Date("2026-11-26T00:00:00Z")), "postgresql");
  smtp = await startSmtpServer({ delayMs: 200 });
  const start = async (name: "A" | "B"): Promise<Instance> => {
    const port = await freePort();
    const started = await serverStart({
      DATABASE_URL: db.url!,
      PORT: String(port),
      BETTER_AUTH_SECRET: SECRET,
      PUBLIC_URL,
      // the test names each client's address in X-Forwarded-For, as the proxy would
      TRUST_PROXY: "loopback",
      SMTP_URL: smtp.url,
      // both scan for due reminders every second (default: every minute)
      TSUNAGU_REMINDER_INTERVAL_MS: "1000",
    });
    expect(started.listening, started.output).toBe(true);
    return { name, base: `http://127.0.0.1:${port}`, output: () => started.output };
  };
  instances = await Promise.all([start("A"), start("B")]);
}, START_TIMEOUT);

afterAll(async () => {
  for (const child of children) await stop(child);
  await db?.drop();
  await smtp?.close();
});

function signIn(at: Instance, email: string, password: string, address = "198.51.100.1") {
  return fetch(`${at.base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: PUBLIC_URL, "x-forwarded-for": address },
    body: JSON.stringify({ email, password }),
  });
}

async function cookieOf(res: Response): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function graphql<T>(at: Instance, cookie: string, query: string, variables?: Record<string, unknown>) {
  const res = await fetch(`${at.base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: PUBLIC_URL, cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!;
}

const ME = "{ me { email } }";

/**
 * Asks until `read` gives `expected`, for at most a second: a change made on one instance reaches
 * the other's viewer cache as a PostgreSQL notification, a few milliseconds after it commits (the
 * cache keeps a viewer for 5 s, so an instance that missed it would still answer the old viewer).
 */
async function soon<T>(read: () => Promise<T>, expected: T): Promise<void> {
  let last = await read();
  for (let waited = 0; waited < 1_000 && !isDeepStrictEqual(last, expected); waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** Waits (at most 30 s) until the instance has logged `text` at least `times` times. */
async function logged(at: Instance, text: string, times = 1): Promise<void> {
  const count = () => at.output().split(text).length - 1;
  for (let waited = 0; waited < 30_000 && count() < times; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(count(), at.output()).toBeGreaterThanOrEqual(times);
}

/** what each instance logs when its viewer cache's LISTEN connection is lost, and when it listens (auth/viewer.ts) */
const LISTEN_LOST = "viewer cache: the LISTEN connection is lost";
const LISTENING = "viewer cache: listening for session and role changes";

describe("two server instances on one PostgreSQL database", () => {
  it("a session made on one instance is good on the other, and signing out on either ends it on both", async () => {
    const [a, b] = instances;
    const cookie = await cookieOf(await signIn(a, STAFF, DEMO_PASSWORD));
    expect(await graphql(b, cookie, ME)).toEqual({ me: { email: STAFF } });
    expect(await graphql(a, cookie, ME)).toEqual({ me: { email: STAFF } });

    const out = await fetch(`${b.base}/api/auth/sign-out`, { method: "POST", headers: { origin: PUBLIC_URL, cookie } });
    expect(out.status).toBe(200);
    // A had the session cached: B's notification makes it forget (within a second, not 5 s)
    await soon(() => graphql(a, cookie, ME), { me: null });
    expect(await graphql(b, cookie, ME)).toEqual({ me: null });
  });

  it("a role revoked on one instance is refused on the other at once", async () => {
    const [a, b] = instances;
    const staff = await cookieOf(await signIn(a, STAFF, DEMO_PASSWORD, "198.51.100.10"));
    const leader = await cookieOf(await signIn(b, LEADER, DEMO_PASSWORD, "198.51.100.11"));
    const role = await db.prisma.accessRoleAssignment.findFirstOrThrow({
      where: { user: { email: LEADER }, role: "SALON_LEADER", revokedAt: null },
    });
    const salonId = role.groupId!;
    const salons = async () => (await graphql<{ me: { salonIds: string[] } }>(b, leader, "{ me { salonIds } }")).me.salonIds;
    // B has the leader's viewer cached, with the salon
    expect(await salons()).toContain(salonId);
    expect(await salons()).toContain(salonId);

    const revoked = await graphql(
      a,
      staff,
      `
        mutation ($id: ID!) {
          revokeAccessRole(id: $id) {
            __typename
          }
        }
      `,
      { id: role.id },
    );
    expect(revoked).toEqual({ revokeAccessRole: { __typename: "MutationRevokeAccessRoleSuccess" } });
    await soon(salons, []);
    const roster = await fetch(`${b.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: PUBLIC_URL, cookie: leader },
      body: JSON.stringify({ query: `query($g: ID!) { group(id: $g) { roster(first: 5) { totalCount } } }`, variables: { g: salonId } }),
    });
    const body = (await roster.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("while an instance's LISTEN connection is lost its cache is bypassed, and emptied once it listens again", async () => {
    const [a, b] = instances;
    const staff = await cookieOf(await signIn(b, STAFF, DEMO_PASSWORD, "198.51.100.12"));
    const teacher = await cookieOf(await signIn(a, TEACHER, DEMO_PASSWORD, "198.51.100.13"));
    type Scopes = { me: { schoolGroupIds: string[]; salonIds: string[] } };
    const scopes = async () => (await graphql<Scopes>(a, teacher, "{ me { schoolGroupIds salonIds } }")).me;
    const coordinator = await db.prisma.accessRoleAssignment.findFirstOrThrow({
      where: { user: { email: TEACHER }, role: "SCHOOL_COORDINATOR", revokedAt: null },
    });
    const salon = await db.prisma.accessRoleAssignment.findFirstOrThrow({ where: { role: "SALON_LEADER" }, select: { groupId: true } });
    const salonId = salon.groupId!;
    expect(await scopes()).toEqual({ schoolGroupIds: [coordinator.groupId], salonIds: [] });

    // a change written straight to the database announces nothing — what a notification lost while
    // not listening looks like: A keeps answering its cached viewer
    const unannounced = await db.prisma.accessRoleAssignment.create({
      data: { orgId: coordinator.orgId, userId: coordinator.userId, role: "SALON_LEADER", groupId: salonId },
    });
    expect(await scopes()).toEqual({ schoolGroupIds: [coordinator.groupId], salonIds: [] });

    // both instances' LISTEN connections killed, as a network fault or a database restart would
    const killed = await db.prisma.$queryRaw<Array<{ done: boolean }>>`
      SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
      WHERE application_name = 'tsunagu-viewer-cache' AND datname = current_database()`;
    expect(killed).toEqual([{ done: true }, { done: true }]);
    await logged(a, LISTEN_LOST);
    // A forgot every viewer: bypassing the cache until it listens again, and starting empty then
    expect(await scopes()).toEqual({ schoolGroupIds: [coordinator.groupId], salonIds: [salonId] });

    // a revoke made on B meanwhile takes effect on A at once (read afresh, or B's notification if
    // A listens again by now)
    const revoked = await graphql(
      b,
      staff,
      `
        mutation ($id: ID!) {
          revokeAccessRole(id: $id) {
            __typename
          }
        }
      `,
      { id: coordinator.id },
    );
    expect(revoked).toEqual({ revokeAccessRole: { __typename: "MutationRevokeAccessRoleSuccess" } });
    await soon(scopes, { schoolGroupIds: [], salonIds: [salonId] });

    // A listens again (with backoff): the cache is used again, so an unannounced change is not seen
    await logged(a, LISTENING, 2);
    expect(await scopes()).toEqual({ schoolGroupIds: [], salonIds: [salonId] });
    await db.prisma.accessRoleAssignment.update({ where: { id: unannounced.id }, data: { revokedAt: new Date() } });
    expect(await scopes()).toEqual({ schoolGroupIds: [], salonIds: [salonId] });
  });

  it("the per-address sign-in limit counts the attempts made at both instances, even all at once", async () => {
    // Better Auth allows 5 sign-ins a minute from one address (auth.ts), counted in the database
    const address = "203.0.113.7";
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(split(i), STAFF, "wrong-password-0", address)));
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
    // the next, at either instance, is refused — even with the right password
    expect((await signIn(instances[1], STAFF, DEMO_PASSWORD, address)).status).toBe(429);
    expect((await signIn(instances[0], STAFF, DEMO_PASSWORD, address)).status).toBe(429);
    // another address is not affected
    expect((await signIn(instances[0], STAFF, DEMO_PASSWORD, "203.0.113.8")).status).toBe(200);
  });

  it("the per-account sign-in limit counts attempts at both instances from any address, even all at once", async () => {
    const email = "coordinator.ozaki@hannan.example";
    // 10 failures allowed in 15 minutes (sign-in-limit.ts): 30 guesses at once, each from its own
    // address, half at each instance — 10 get their password checked, 20 are refused before that
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(split(i), email, "wrong-password-0", `192.0.2.${i + 1}`)));
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(20).fill(429)]);
    for (const at of instances) {
      const refused = await signIn(at, email, DEMO_PASSWORD, `192.0.2.${at.name === "A" ? 50 : 51}`);
      expect(refused.status).toBe(429);
      expect(await refused.json()).toMatchObject({ code: "ACCOUNT_SIGN_IN_LIMITED" });
    }
  });

  it("each mail of the outbox is sent exactly once while both delivery loops run", async () => {
    const cookie = await cookieOf(await signIn(instances[0], STAFF, DEMO_PASSWORD, "198.51.100.2"));
    const emails = Array.from({ length: 30 }, (_, i) => `invitee-${i + 1}@instances.example`);
    const results = await Promise.all(
      emails.map((email, i) =>
        graphql<{ inviteAccount: { __typename: string } }>(
          split(i),
          cookie,
          `
            mutation ($input: InviteAccountInput!) {
              inviteAccount(input: $input) {
                __typename
              }
            }
          `,
          { input: { email, name: `招待 ${i + 1}`, role: "STAFF" } },
        ),
      ),
    );
    expect(results.map((r) => r.inviteAccount.__typename)).toEqual(Array(30).fill("MutationInviteAccountSuccess"));

    // both loops poll every 2 s; wait until no invitation is left unsent (at most a minute)
    const where = { to: { in: emails } };
    for (let waited = 0; waited < 60_000; waited += 500) {
      if ((await db.prisma.mailOutbox.count({ where: { ...where, status: "SENT" } })) === emails.length) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const rows = await db.prisma.mailOutbox.findMany({ where, select: { id: true, status: true, attempts: true } });
    expect(rows).toHaveLength(30);
    // claimed once each: a second claim would have counted a second attempt
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(Array(30).fill(["SENT", 1]));

    // the SMTP server got each once (the Message-ID is the outbox row's id)
    const ids = new Set(rows.map((r) => `<${r.id}@tsunagu.test>`));
    const received = smtp.received.filter((m) => ids.has(m.messageId!)).map((m) => m.messageId);
    expect(received).toHaveLength(30);
    expect(new Set(received).size).toBe(30);
    // and both loops took part: while one sends a batch (4 s), the other claims the rest
    const sentBy = instances.map(
      (at) =>
        at
          .output()
          .split("\n")
          // (the role changes of the tests above mail their holders too)
          .filter((line) => line.includes('"msg":"mail sent"') && rows.some((r) => line.includes(`"mailId":"${r.id}"`))).length,
    );
    expect(sentBy[0]! + sentBy[1]!).toBe(30);
    expect(sentBy[0]).toBeGreaterThan(0);
    expect(sentBy[1]).toBeGreaterThan(0);
  });

  it("40 concurrent sign-ups to a 10-place shift, half sent to each instance, confirm exactly 10", async () => {
    const [a, b] = instances;
    const bukai = await cookieOf(await signIn(b, BUKAI, DEMO_PASSWORD, "198.51.100.3"));
    const staff = await cookieOf(await signIn(a, STAFF, DEMO_PASSWORD, "198.51.100.4"));
    const { me } = await graphql<{ me: { organizationId: string; subcommitteeIds: string[] } }>(
      b,
      bukai,
      "{ me { organizationId subcommitteeIds } }",
    );
    const orgId = me.organizationId;
    const groupId = me.subcommitteeIds[0]!;
    // 40 members of the イベント部会 (no API makes people)
    const member = await db.prisma.groupRole.findFirstOrThrow({ where: { orgId, code: "member" }, select: { id: true } });
    const people = Array.from({ length: 40 }, () => randomUUID());
    await db.prisma.person.createMany({
      data: people.map((id, i) => ({ id, orgId, legalName: `並行 ${i + 1}号`, legalNameKana: "へいこう" })),
    });
    await db.prisma.membership.createMany({
      data: people.map((personId) => ({ orgId, groupId, personId, groupRoleId: member.id, startedOn: new Date("2026-04-01T00:00:00Z") })),
    });

    const created = await graphql<{ createEvent: { data: { id: string } } }>(
      b,
      bukai,
      `
        mutation ($input: CreateEventInput!) {
          createEvent(input: $input) {
            ... on MutationCreateEventSuccess {
              data {
                id
              }
            }
          }
        }
      `,
      { input: { groupId, title: "二台の試験 バザー", startsAt: "2027-01-17T09:00:00+09:00", endsAt: "2027-01-17T15:00:00+09:00" } },
    );
    const shift = await graphql<{ addShift: { data: { id: string } } }>(
      a,
      staff,
      `
        mutation ($input: AddShiftInput!) {
          addShift(input: $input) {
            ... on MutationAddShiftSuccess {
              data {
                id
              }
            }
          }
        }
      `,
      {
        input: {
          eventId: created.createEvent.data.id,
          title: "受付",
          startsAt: "2027-01-17T09:00:00+09:00",
          endsAt: "2027-01-17T12:00:00+09:00",
          capacity: 10,
        },
      },
    );
    const shiftId = shift.addShift.data.id;

    const results = await Promise.all(
      people.map((personId, i) =>
        graphql<{ signUp: { __typename: string; data?: { status: string } } }>(
          split(i),
          i % 4 < 2 ? staff : bukai,
          `
            mutation ($shiftId: ID!, $personId: ID!) {
              signUp(shiftId: $shiftId, personId: $personId) {
                __typename
                ... on MutationSignUpSuccess {
                  data {
                    status
                  }
                }
              }
            }
          `,
          { shiftId, personId },
        ),
      ),
    );
    expect(results.map((r) => r.signUp.__typename)).toEqual(Array(40).fill("MutationSignUpSuccess"));
    const statuses = results.map((r) => r.signUp.data!.status);
    expect(statuses.filter((s) => s === "CONFIRMED")).toHaveLength(10);
    expect(statuses.filter((s) => s === "WAITLISTED")).toHaveLength(30);
    expect(await db.prisma.signUp.count({ where: { shiftId, status: "CONFIRMED" } })).toBe(10);
    expect(await db.prisma.signUp.count({ where: { shiftId } })).toBe(40);
  });

  it("with both reminder loops scanning, each shift's reminder is stored once and mailed once", async () => {
    // ten shifts of the イベント部会 starting in 30 minutes (due whatever the time of day), each with
    // the 部会's chair signed up, who also planned the event: one reminder each, to one account
    const chair = await db.prisma.user.findUniqueOrThrow({ where: { email: BUKAI }, select: { id: true, orgId: true, personId: true } });
    const group = await db.prisma.accessRoleAssignment.findFirstOrThrow({ where: { userId: chair.id }, select: { groupId: true } });
    const startsAt = new Date(Date.now() + 30 * 60_000);
    const endsAt = new Date(startsAt.getTime() + 3_600_000);
    const shiftIds = Array.from({ length: 10 }, () => randomUUID());
    await db.prisma.$transaction(async (tx) => {
      const event = await tx.event.create({
        data: { orgId: chair.orgId, groupId: group.groupId!, title: "二台のリマインダー", startsAt, endsAt, createdById: chair.id },
      });
      await tx.shift.createMany({
        data: shiftIds.map((id, i) => ({
          id,
          orgId: chair.orgId,
          eventId: event.id,
          title: `当番${i + 1}`,
          startsAt,
          endsAt,
          capacity: 2,
        })),
      });
      await tx.signUp.createMany({
        data: shiftIds.map((shiftId) => ({ orgId: chair.orgId, shiftId, personId: chair.personId!, status: "CONFIRMED" as const })),
      });
    });
    const where = { kind: "SHIFT_TOMORROW" as const, subjectId: { in: shiftIds } };
    for (let waited = 0; waited < 30_000 && (await db.prisma.notification.count({ where })) < 10; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const rows = await db.prisma.notification.findMany({ where, select: { recipientId: true, subjectId: true } });
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.subjectId)).size).toBe(10);
    expect(rows.every((r) => r.recipientId === chair.id)).toBe(true);
    // one mail per reminder, each delivered once (both mail loops run too)
    const mails = () => smtp.received.filter((m) => m.envelopeTo.includes(BUKAI) && m.text?.includes("二台のリマインダー"));
    for (let waited = 0; waited < 30_000 && mails().length < 10; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    const shifts = mails().map((m) => /「(当番\d+)」/.exec(m.text!)?.[1]);
    expect(shifts).toHaveLength(10);
    expect(new Set(shifts).size).toBe(10);
    expect(await db.prisma.mailOutbox.count({ where: { to: BUKAI, subject: { contains: "シフトのお知らせ" } } })).toBe(10);
  });

  it("neither instance logged a failure", () => {
    for (const at of instances) expect(at.output(), at.name).not.toMatch(/"level":(50|60)/);
  });
});
