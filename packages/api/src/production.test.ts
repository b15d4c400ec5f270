// The GraphQL endpoint in production (NODE_ENV=production): no introspection, no field
// suggestions, unexpected errors masked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

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
