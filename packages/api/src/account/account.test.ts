// Accounts and sessions over HTTP, as the demo accounts.
import type { AddressInfo } from "node:net";

import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readApiEnv } from "../env.ts";
import { createApp } from "../http.ts";
import { DEMO_PASSWORD, startTestServer, type TestServer } from "../testing.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe("accounts and sessions", () => {
  it("a demo account signs in with an HTTP-only session cookie and sees its roles", async () => {
    const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ email: "coordinator.ozaki@hannan.example", password: "tsunagu-demo-2025" }),
    });
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/HttpOnly/i);
    const client = await server.signIn("coordinator.ozaki");
    const me = await client.graphql<{ me: { roles: string[]; isStaff: boolean; schoolGroupIds: string[] } }>(
      "{ me { roles isStaff schoolGroupIds } }",
    );
    expect(me.data?.me).toMatchObject({ roles: ["SCHOOL_COORDINATOR"], isStaff: false });
    expect(me.data?.me.schoolGroupIds).toHaveLength(1);
  });

  it("a wrong password is refused, and signed-out requests see no one", async () => {
    await expect(server.signIn("staff", "wrong-password-123")).rejects.toThrow(/401/);
    const me = await server.anonymous.graphql<{ me: unknown }>("{ me { email } }");
    expect(me.data?.me).toBeNull();
  });

  it("sign-out ends the session", async () => {
    const client = await server.signIn("staff");
    const out = await client.fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(out.status).toBe(200);
    const me = await client.graphql<{ me: unknown }>("{ me { email } }");
    expect(me.data?.me).toBeNull();
  });

  it("a text/plain POST is refused (CSRF prevention)", async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ me { email } }" }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Cross-Site Request Forgery");
  });
});

async function lastMailTo(email: string) {
  const mail = await server.db.prisma.mailOutbox.findFirst({ where: { to: email }, orderBy: { createdAt: "desc" } });
  expect(mail, `a mail to ${email}`).not.toBeNull();
  return mail!;
}

describe("invitations", () => {
  const invite = `mutation($input: InviteAccountInput!) {
    inviteAccount(input: $input) {
      __typename
      ... on MutationInviteAccountSuccess { data { userId email } }
      ... on Error { message messageEn code }
      ... on InvalidInputError { issues { path message messageEn } }
    }
  }`;

  it("staff invite a school coordinator to a school group; the invitee sets a password and signs in with that scope", async () => {
    const staff = await server.signIn("staff");
    const group = await server.db.prisma.group.findFirstOrThrow({ where: { kind: { code: "school-committee" } } });
    const res = await staff.graphql<{ inviteAccount: { __typename: string; data?: { userId: string } } }>(invite, {
      input: { email: "new.teacher@hannan.example", name: "新任 先生", role: "SCHOOL_COORDINATOR", groupId: group.id },
    });
    expect(res.data?.inviteAccount.__typename).toBe("MutationInviteAccountSuccess");
    const mail = await lastMailTo("new.teacher@hannan.example");
    expect(mail.text).toContain("パスワードを設定");
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;

    // no sign-in before a password is set
    await expect(server.signIn("new.teacher@hannan.example", "whatever-password")).rejects.toThrow();
    const weak = await server.anonymous.graphql<{ acceptInvitation: { __typename: string; messageEn?: string } }>(
      `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { __typename ... on Error { message messageEn } } }`,
      { t: token, p: "short" },
    );
    expect(weak.data?.acceptInvitation.__typename).toBe("InvalidInputError");
    const ok = await server.anonymous.graphql<{ acceptInvitation: { __typename: string } }>(
      `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { __typename } }`,
      { t: token, p: "a-long-enough-password" },
    );
    expect(ok.data?.acceptInvitation.__typename).toBe("MutationAcceptInvitationSuccess");
    const teacher = await server.signIn("new.teacher@hannan.example", "a-long-enough-password");
    const me = await teacher.graphql<{ me: { roles: string[]; schoolGroupIds: string[] } }>("{ me { roles schoolGroupIds } }");
    expect(me.data?.me).toEqual({ roles: ["SCHOOL_COORDINATOR"], schoolGroupIds: [group.id] });
    // the link works once
    const again = await server.anonymous.graphql<{ acceptInvitation: { __typename: string } }>(
      `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { __typename } }`,
      { t: token, p: "another-long-password" },
    );
    expect(again.data?.acceptInvitation.__typename).toBe("InvalidInputError");
  });

  it("refuses a scope of the wrong kind, a bad e-mail, and non-staff inviters — writing nothing", async () => {
    const staff = await server.signIn("staff");
    const salon = await server.db.prisma.group.findFirstOrThrow({ where: { programme: { code: "salon" } } });
    const before = await server.db.prisma.user.count();
    const wrongKind = await staff.graphql<{ inviteAccount: { __typename: string; issues: Array<{ message: string; messageEn: string }> } }>(
      invite,
      {
        input: { email: "x@hannan.example", name: "X", role: "SCHOOL_COORDINATOR", groupId: salon.id },
      },
    );
    expect(wrongKind.data?.inviteAccount.__typename).toBe("InvalidInputError");
    expect(wrongKind.data?.inviteAccount.issues[0]).toMatchObject({ messageEn: "Give a group of the kind this role is for." });
    const badEmail = await staff.graphql<{ inviteAccount: { __typename: string; issues: Array<{ path: string; message: string }> } }>(
      invite,
      {
        input: { email: "not-an-email", name: "X", role: "STAFF" },
      },
    );
    expect(badEmail.data?.inviteAccount.__typename).toBe("InvalidInputError");
    expect(badEmail.data?.inviteAccount.issues[0]?.message).toContain("メールアドレス");
    const leader = await server.signIn("salon-leader");
    const refused = await leader.graphql(invite, { input: { email: "y@hannan.example", name: "Y", role: "STAFF" } });
    expect(JSON.stringify(refused)).toContain("FORBIDDEN");
    expect(await server.db.prisma.user.count()).toBe(before);
  });
});

describe("password reset", () => {
  it("a reset link by mail sets a new password", async () => {
    const email = "liaison@hannan.example";
    const req = await server.anonymous.fetch("/api/auth/request-password-reset", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, redirectTo: "/reset-password" }),
    });
    expect(req.status).toBe(200);
    const signedInBefore = await server.signIn("liaison");
    expect((await signedInBefore.graphql<{ me: { email: string } | null }>("{ me { email } }")).data?.me?.email).toBe(email);
    const mail = await lastMailTo(email);
    const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] ?? /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    const reset = await server.anonymous.fetch("/api/auth/reset-password", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ newPassword: "a-brand-new-password", token }),
    });
    expect(reset.status).toBe(200);
    // every session of the account ended with the reset: whoever knew the old password is out
    expect((await signedInBefore.graphql<{ me: unknown }>("{ me { email } }")).data?.me).toBeNull();
    expect(await server.db.prisma.session.count({ where: { user: { email } } })).toBe(0);
    await expect(server.signIn("liaison")).rejects.toThrow();
    const client = await server.signIn("liaison", "a-brand-new-password");
    expect((await client.graphql<{ me: { email: string } }>("{ me { email } }")).data?.me.email).toBe(email);
  });
});

describe("an account's own details", () => {
  it("cannot be changed through Better Auth (name, e-mail, deletion): only through Tsunagu's audited mutations", async () => {
    const client = await server.signIn("salon-leader");
    const before = await server.db.prisma.user.findUniqueOrThrow({ where: { email: "salon-leader@hannan.example" } });
    const post = (path: string, body: object) =>
      client.fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await post("/api/auth/update-user", { name: "管理者" })).status).toBe(404);
    expect((await post("/api/auth/change-email", { newEmail: "someone-else@hannan.example" })).status).toBe(404);
    expect((await post("/api/auth/delete-user", {})).status).toBe(404);
    const after = await server.db.prisma.user.findUniqueOrThrow({ where: { id: before.id } });
    expect({ name: after.name, email: after.email }).toEqual({ name: before.name, email: before.email });
  });
});

describe("sign-in limit per account", () => {
  it("after 10 failures from 10 addresses the account's sign-in pauses with a clear message; a password reset lifts it", async () => {
    const email = "coordinator.tottori-higashi@hannan.example";
    const attempt = (password: string, address: string) =>
      fetch(`${server.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url, "x-forwarded-for": address },
        body: JSON.stringify({ email, password }),
      });
    // one address each: the per-address limit (5 a minute) never comes into play
    for (let i = 1; i <= 10; i++) expect((await attempt("wrong-password-xx", `198.18.0.${i}`)).status).toBe(401);
    const paused = await attempt(DEMO_PASSWORD, "198.18.1.1");
    expect(paused.status).toBe(429);
    const body = (await paused.json()) as { code: string; message: string; messageEn: string };
    expect(body.code).toBe("ACCOUNT_SIGN_IN_LIMITED");
    expect(body.message).toContain("パスワードを再設定");
    expect(body.messageEn).toContain("Resetting the password");
    // the same for an address that does not exist: the answer does not tell accounts apart
    for (let i = 1; i <= 10; i++)
      expect(
        (
          await fetch(`${server.url}/api/auth/sign-in/email`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: server.url, "x-forwarded-for": `198.18.2.${i}` },
            body: JSON.stringify({ email: "no-such-account@hannan.example", password: "wrong-password-xx" }),
          })
        ).status,
      ).toBe(401);
    // a reset (here to the same password) lifts the pause at once
    await server.anonymous.fetch("/api/auth/request-password-reset", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "198.18.3.1" },
      body: JSON.stringify({ email, redirectTo: "/reset-password" }),
    });
    const token =
      /token=([A-Za-z0-9_-]+)/.exec((await lastMailTo(email)).text)?.[1] ??
      /reset-password\/([A-Za-z0-9_-]+)/.exec((await lastMailTo(email)).text)?.[1];
    const reset = await server.anonymous.fetch("/api/auth/reset-password", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ newPassword: DEMO_PASSWORD, token }),
    });
    expect(reset.status).toBe(200);
    expect((await attempt(DEMO_PASSWORD, "198.18.1.2")).status).toBe(200);
  });
});

describe("sign-in rate limit", () => {
  it("is counted in the database and refuses the 6th attempt within a minute from one address", async () => {
    const attempt = () =>
      fetch(`${server.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url, "x-forwarded-for": "192.0.2.77" },
        body: JSON.stringify({ email: "address-limit-probe@hannan.example", password: "wrong-password-xx" }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses[5]).toBe(429);
    expect(await server.db.prisma.rateLimit.count({ where: { key: { contains: "192.0.2.77" } } })).toBeGreaterThan(0);
  });

  it("without a trusted proxy, counts the connection's address: a different X-Forwarded-For each time does not dodge it", async () => {
    const env = readApiEnv({ NODE_ENV: "test", BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123" });
    expect(env.trustProxy).toBe(false);
    const { app } = await createApp({ ...env, publicUrl: "http://127.0.0.1" }, pino({ level: "silent" }));
    const direct = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => direct.once("listening", () => resolve()));
    const url = `http://127.0.0.1:${(direct.address() as AddressInfo).port}`;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await fetch(`${url}/api/auth/sign-in/email`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: "http://127.0.0.1",
            "x-forwarded-for": `203.0.113.${i + 1}`,
            "x-tsunagu-client-address": `203.0.113.${i + 1}`,
          },
          body: JSON.stringify({ email: "address-limit-probe@hannan.example", password: "wrong-password-xx" }),
        });
        statuses.push(res.status);
      }
      // (earlier requests of this file from the same connection address may have counted already)
      expect(statuses[0]).toBe(401);
      expect(statuses[5]).toBe(429);
      expect(await server.db.prisma.rateLimit.count({ where: { key: { contains: "203.0.113." } } })).toBe(0);
      expect(await server.db.prisma.rateLimit.count({ where: { key: { contains: "127.0.0.1" } } })).toBeGreaterThan(0);
    } finally {
      await new Promise<void>((resolve) => direct.close(() => resolve()));
    }
  });
});

describe("the audit trail", () => {
  it("staff can query it (the invitation above is there); others are refused", async () => {
    const staff = await server.signIn("staff");
    const res = await staff.graphql<{
      auditEvents: { edges: Array<{ node: { action: string; entity: string; actor: { name: string; email: string } | null } }> };
    }>(`{ auditEvents(first: 50, entity: "Invitation") { edges { node { action entity actorId at actor { name email } } } } }`);
    expect(res.errors).toBeUndefined();
    const created = res.data?.auditEvents.edges.find((e) => e.node.action === "create");
    expect(created).toBeDefined();
    // who acted, by name and e-mail (one statement for the page's actors)
    const staffUser = await server.db.prisma.user.findUniqueOrThrow({ where: { email: "staff@hannan.example" }, select: { name: true } });
    expect(created!.node.actor).toEqual({ name: staffUser.name, email: "staff@hannan.example" });
    const system = await staff.graphql<{ auditEvents: { edges: Array<{ node: { actorId: string | null; actor: unknown } }> } }>(
      `{ auditEvents(first: 200) { edges { node { actorId actor { name } } } } }`,
    );
    expect(system.errors).toBeUndefined();
    for (const { node } of system.data!.auditEvents.edges) expect(node.actor === null).toBe(node.actorId === null);
    const leader = await server.signIn("salon-leader");
    const refused = await leader.graphql(`{ auditEvents(first: 5) { edges { node { id } } } }`);
    expect(JSON.stringify(refused.errors)).toContain("FORBIDDEN");
  });
});
