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

  it("unexpected errors are masked: no SQL, no stack, a request id in the response header", async () => {
    const query = '{ group(id: "not-a-uuid") { id } }';
    const res = await staffProd.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    const body = JSON.stringify(await res.json());
    expect(body).toContain("INTERNAL_SERVER_ERROR");
    expect(body).not.toMatch(/uuid|prisma|SELECT|stacktrace/i);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
