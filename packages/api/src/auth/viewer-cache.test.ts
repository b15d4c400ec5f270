// The session and viewer cache (viewer.ts ViewerCache): a signed-in request reads its session and
// viewer once and the next ones reuse them; a role change, a sign-out, a session revocation and a
// password reset take effect on the very next request. This server keeps viewers for ten minutes,
// so each of these tests would fail if a change only took effect when the cache expired.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestClient, type TestServer } from "../testing.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ viewerCacheTtlMs: 10 * 60_000 });
});
afterAll(() => server?.close());

interface Me {
  me: { email: string; roles: string[]; salonIds: string[] } | null;
}
const ME = "{ me { email roles salonIds } }";
const me = async (client: TestClient) => (await client.graphql<Me>(ME)).data?.me ?? null;
const postAuth = (client: TestClient, path: string, body: unknown = {}) =>
  client.fetch(`/api/auth/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("a signed-in request's session and viewer", () => {
  it("are read once (at most 3 statements), then reused without a statement", async () => {
    const client = await server.signIn("coordinator.ozaki");
    const cold = await server.statements.count(() => client.graphql("{ __typename }"));
    const warm = await server.statements.count(() => client.graphql("{ __typename }"));
    expect(cold.statements.length).toBeGreaterThan(0);
    expect(cold.statements.length).toBeLessThanOrEqual(3);
    expect(warm.statements).toEqual([]);
    expect((await me(client))?.email).toBe("coordinator.ozaki@hannan.example");
    // no cookie, or a cookie no session has: nobody, each time
    expect(await me(server.anonymous)).toBeNull();
    for (let i = 0; i < 2; i++) {
      const res = await server.anonymous.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", cookie: "better-auth.session_token=no-such-session.signature" },
        body: JSON.stringify({ query: ME }),
      });
      expect(((await res.json()) as { data: Me }).data.me).toBeNull();
    }
  });
});

describe("what forgets a cached viewer at once", () => {
  it("a revoked role, then a granted one: the holder's next request has the change", async () => {
    const staff = await server.signIn("staff");
    const leader = await server.signIn("salon-leader");
    const role = await server.db.prisma.accessRoleAssignment.findFirstOrThrow({
      where: { user: { email: "salon-leader@hannan.example" }, role: "SALON_LEADER", revokedAt: null },
    });
    const salonId = role.groupId!;
    const roster = `query($g: ID!) { group(id: $g) { roster(first: 5) { totalCount } } }`;
    // cached, with the role
    expect((await me(leader))?.salonIds).toContain(salonId);
    expect((await leader.graphql(roster, { g: salonId })).errors).toBeUndefined();

    const revoked = await staff.graphql(`mutation($id: ID!) { revokeAccessRole(id: $id) { __typename } }`, { id: role.id });
    expect(revoked.data).toEqual({ revokeAccessRole: { __typename: "MutationRevokeAccessRoleSuccess" } });
    expect((await me(leader))?.salonIds).not.toContain(salonId);
    const refused = await leader.graphql(roster, { g: salonId });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const granted = await staff.graphql(`mutation($input: GrantAccessRoleInput!) { grantAccessRole(input: $input) { __typename } }`, {
      input: { userId: role.userId, role: "SALON_LEADER", groupId: salonId },
    });
    expect(granted.data).toEqual({ grantAccessRole: { __typename: "MutationGrantAccessRoleSuccess" } });
    expect((await me(leader))?.salonIds).toContain(salonId);
    expect((await leader.graphql(roster, { g: salonId })).errors).toBeUndefined();
  });

  it("a sign-out: that session is nobody on its next request; the account's other session still works", async () => {
    const first = await server.signIn("event-bukai");
    const second = await server.signIn("event-bukai");
    expect((await me(first))?.email).toBe("event-bukai@hannan.example");
    expect((await me(second))?.email).toBe("event-bukai@hannan.example");
    expect((await postAuth(first, "sign-out")).status).toBe(200);
    expect(await me(first)).toBeNull();
    expect((await me(second))?.email).toBe("event-bukai@hannan.example");
  });

  it("a revocation of the account's other sessions: they are nobody on their next request", async () => {
    const kept = await server.signIn("coordinator.ozaki");
    const other = await server.signIn("coordinator.ozaki");
    expect((await me(other))?.email).toBe("coordinator.ozaki@hannan.example");
    expect((await postAuth(kept, "revoke-other-sessions")).status).toBe(200);
    expect(await me(other)).toBeNull();
    expect((await me(kept))?.email).toBe("coordinator.ozaki@hannan.example");
    // and every session, the requesting one too
    expect((await postAuth(kept, "revoke-sessions")).status).toBe(200);
    expect(await me(kept)).toBeNull();
  });

  it("a password reset: every session of the account is nobody on its next request", async () => {
    const email = "liaison@hannan.example";
    const before = await server.signIn("liaison");
    expect((await me(before))?.email).toBe(email);
    const requested = await postAuth(server.anonymous, "request-password-reset", { email, redirectTo: "/reset-password" });
    expect(requested.status).toBe(200);
    const mail = await server.db.prisma.mailOutbox.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
    const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] ?? /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    const reset = await postAuth(server.anonymous, "reset-password", { newPassword: "another-new-password", token });
    expect(reset.status).toBe(200);
    expect(await me(before)).toBeNull();
  });
});
