// Test harness: a real HTTP server on a fresh database of the kind under test (embedded PGlite or
// PostgreSQL, see @tsunagu/vitest-config), loaded with the Hannan demo data, and clients that sign
// in as the demo accounts with real session cookies.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";

import { hashPassword } from "better-auth/crypto";
import { pino, type Logger } from "pino";

import type { DatabaseLimits } from "@tsunagu/db";
import { useDatabase } from "@tsunagu/db/client";
import { createTestDatabaseFrom, StatementCounter, type TestDatabase } from "@tsunagu/db/testing";
import { DEMO_PASSWORD, demoAccounts, demoTestData } from "@tsunagu/seed";

import { readApiEnv } from "./env.ts";
import { createApp } from "./http.ts";

/** The demo data's "today": fixed, so the tests see the same data every day. */
export const TEST_TODAY = new Date("2026-11-26T00:00:00Z");
export { DEMO_PASSWORD, demoAccounts };

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface TestClient {
  /** POSTs a GraphQL operation as JSON with this client's cookie */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** raw fetch against the server with this client's cookie */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export interface TestServer {
  url: string;
  db: TestDatabase;
  /** counts the SQL statements the server sends during a piece of work */
  statements: StatementCounter;
  /** a client signed out */
  anonymous: TestClient;
  /** a client signed in as a demo account (by email or its local part, e.g. "staff") */
  signIn(email: string, password?: string): Promise<TestClient>;
  /** one signed-in client per demo account for the whole file (signing in hashes a password) */
  as(account: string): Promise<TestClient>;
  /** the id of a group of the demo data by its name (throws for an unknown name) */
  groupId(name: string): string;
  close(): Promise<void>;
}

function client(url: string, cookie: string | null): TestClient {
  const doFetch = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set("cookie", cookie);
    if (!headers.has("origin")) headers.set("origin", url);
    return fetch(`${url}${path}`, { ...init, headers });
  };
  return {
    fetch: doFetch,
    async graphql(query, variables) {
      const res = await doFetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) } as GraphQLResponse<never>;
    },
  };
}

/**
 * `viewerCacheTtlMs`: how long a session stays cached (the server's default, 5 s, when not given).
 * A file that compares statement counts sets it long (10 minutes): on a loaded machine a 5 s cache
 * can run out between the two requests compared, and one count would then include the session's
 * look-up. A change made through the API forgets the cached session at once either way.
 */
export async function startTestServer(
  options: { production?: boolean; log?: Logger; viewerCacheTtlMs?: number; limits?: Partial<DatabaseLimits> } = {},
): Promise<TestServer> {
  const statements = new StatementCounter();
  // a copy of the demo data seeded once (the first file to ask seeds it; the others copy it)
  const db = await createTestDatabaseFrom(demoTestData(TEST_TODAY), undefined, { onQuery: statements.record, limits: options.limits });
  useDatabase(db);
  const env = {
    ...readApiEnv({ NODE_ENV: options.production ? "production" : "test", BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123" }),
  };
  const log = options.log ?? pino({ level: "silent" });
  // as behind a reverse proxy on this machine: each test client names its address in X-Forwarded-For
  const { app, apollo } = await createApp({ ...env, publicUrl: "http://127.0.0.1", trustProxy: "loopback" }, log, {
    viewerCacheTtlMs: options.viewerCacheTtlMs,
  });
  const server = app.listen(0, "127.0.0.1");
  // the clients' pool (fetch) drops an idle connection after 4 s; the server keeps one longer, so it
  // never closes a connection just as a client reuses it (ECONNRESET on a busy machine)
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const groupIds = new Map((await db.prisma.group.findMany({ select: { id: true, name: true } })).map((g) => [g.name, g.id]));
  const clients = new Map<string, Promise<TestClient>>();
  const testServer: TestServer = {
    url,
    db,
    statements,
    anonymous: client(url, null),
    as(account) {
      let signedIn = clients.get(account);
      if (!signedIn) {
        signedIn = testServer.signIn(account);
        clients.set(account, signedIn);
      }
      return signedIn;
    },
    groupId(name) {
      const id = groupIds.get(name);
      if (!id) throw new Error(`no demo group ${name}`);
      return id;
    },
    async signIn(email, password = DEMO_PASSWORD) {
      const address = email.includes("@") ? email : `${email}@hannan.example`;
      const res = await fetch(`${url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: url, "x-forwarded-for": `10.0.0.${Math.floor(Math.random() * 250) + 1}` },
        body: JSON.stringify({ email: address, password }),
      });
      if (!res.ok) throw new Error(`sign-in as ${address} failed: ${res.status} ${await res.text()}`);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      return client(url, cookie);
    },
    async close() {
      await apollo.stop();
      await new Promise((resolve) => server.close(resolve));
      await db.drop();
    },
  };
  return testServer;
}

/**
 * A second organisation (社協) with one staff account, signed in, for the tests of what another
 * 社協 may not see or change; `key` keeps each file's account apart.
 */
export async function addOtherOrganisation(server: TestServer, key: string): Promise<{ orgId: string; staff: TestClient }> {
  const db = server.db.prisma;
  const org = await db.organization.create({
    data: {
      slug: `other-${key}-${randomUUID().slice(0, 8)}`,
      name: "よその町社会福祉協議会",
      nameEn: "Another Town Council of Social Welfare",
      municipality: "よその町",
    },
  });
  const email = `staff@${key}-other.example`;
  const password = `another-org-password-${key}`;
  const userId = randomUUID();
  await db.user.create({ data: { id: userId, name: "余所 職員", email, emailVerified: true, orgId: org.id } });
  await db.accessRoleAssignment.create({ data: { orgId: org.id, userId, role: "STAFF" } });
  await db.account.create({
    data: { id: randomUUID(), accountId: userId, providerId: "credential", userId, password: await hashPassword(password) },
  });
  return { orgId: org.id, staff: await server.signIn(email, password) };
}
