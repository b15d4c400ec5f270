// Accounts and sessions over HTTP, as the demo accounts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "./testing.ts";

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
