// Two server instances on one PostgreSQL database, as behind a load balancer: two real server
// processes (two ports) with one DATABASE_URL, one BETTER_AUTH_SECRET and one PUBLIC_URL. A session
// made by one is good on the other, the sign-in limits count the attempts made at both, each mail of
// the outbox is sent once though both delivery loops run, and sign-ups sent to both never overbook
// a shift.
import { randomUUID } from "node:crypto";

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

describe("two server instances on one PostgreSQL database", () => {
  it("a session made on one instance is good on the other, and signing out on either ends it on both", async () => {
    const [a, b] = instances;
    const cookie = await cookieOf(await signIn(a, STAFF, DEMO_PASSWORD));
    expect(await graphql(b, cookie, ME)).toEqual({ me: { email: STAFF } });
    expect(await graphql(a, cookie, ME)).toEqual({ me: { email: STAFF } });

    const out = await fetch(`${b.base}/api/auth/sign-out`, { method: "POST", headers: { origin: PUBLIC_URL, cookie } });
    expect(out.status).toBe(200);
    expect(await graphql(a, cookie, ME)).toEqual({ me: null });
    expect(await graphql(b, cookie, ME)).toEqual({ me: null });
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
          .filter((line) => line.includes('"msg":"mail sent"')).length,
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

  it("neither instance logged a failure", () => {
    for (const at of instances) expect(at.output(), at.name).not.toMatch(/"level":(50|60)/);
  });
});
