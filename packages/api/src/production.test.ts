// The GraphQL endpoint in production (NODE_ENV=production): no introspection, no field
// suggestions, unexpected errors masked; the security headers on every response.
import type { AddressInfo } from "node:net";

import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readApiEnv } from "./env.ts";
import { createApp } from "./http.ts";
import { startTestServer, type TestClient, type TestServer } from "./testing.ts";

let prod: TestServer;
let staffProd: TestClient;

beforeAll(async () => {
  prod = await startTestServer({ production: true });
  staffProd = await prod.signIn("staff");
});
afterAll(() => prod?.close());

describe("in production", () => {
  it("introspection is off", async () => {
    const res = await staffProd.graphql("{ __schema { types { name } } }");
    expect(res.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it("field suggestions are off", async () => {
    const res = await staffProd.graphql("{ organizaton { id } }");
    expect(res.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it("a malformed id is the client's error, with its code and both languages, not an internal one", async () => {
    const res = await staffProd.graphql('{ group(id: "not-a-uuid") { id } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", messageEn: expect.stringMatching(/problem/) });
  });

  it("a query over a limit is refused as QUERY_TOO_COMPLEX (HTTP 400), not masked", async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: programmes { id }`).join(" ");
    const res = await staffProd.graphql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", messageEn: expect.stringMatching(/too many fields/) });
  });

  it("unexpected errors are masked: no SQL, no stack, a request id in the response header", async () => {
    // an unexpected failure: a table of this test's own database copy is gone
    await prod.db.prisma.$executeRawUnsafe('ALTER TABLE "Programme" RENAME TO "ProgrammeGone"');
    const query = "{ programmes { id } }";
    const res = await staffProd.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    const body = JSON.stringify(await res.json());
    expect(body).toContain("INTERNAL_SERVER_ERROR");
    expect(body).not.toMatch(/ProgrammeGone|relation|prisma|SELECT|stacktrace/i);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("security headers", () => {
  it("every response: a Content-Security-Policy without inline script, nosniff, no framing, no referrer", async () => {
    for (const path of ["/healthz", "/graphql", "/api/auth/get-session"]) {
      const res = await prod.anonymous.fetch(path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("script-src 'self'");
      expect(
        csp.split(";").find((d) => d.trim().startsWith("script-src")),
        path,
      ).not.toContain("unsafe");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
      // served over http here: no HSTS (browsers ignore it without TLS, and it must not stick to a test host)
      expect(res.headers.get("strict-transport-security"), path).toBeNull();
    }
  });

  it("HSTS when the public URL is https (TLS at a proxy in front)", async () => {
    const env = readApiEnv({ NODE_ENV: "production", BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123" });
    const { app, apollo } = await createApp({ ...env, publicUrl: "https://tsunagu.example" }, pino({ level: "silent" }));
    const server = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
      expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
      expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    } finally {
      await apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
