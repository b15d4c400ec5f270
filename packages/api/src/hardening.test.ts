// Hardening of the GraphQL endpoint: limits refused before any resolver runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestClient, type TestServer } from "./testing.ts";

// One server per test file: the harness makes its database the process's database.
let dev: TestServer;
let staffDev: TestClient;

beforeAll(async () => {
  // sessions stay cached for the whole file, so statement counts do not depend on the machine's speed (auth/viewer.ts)
  dev = await startTestServer({ viewerCacheTtlMs: 10 * 60_000 });
  staffDev = await dev.signIn("staff");
});
afterAll(() => dev?.close());

function deepQuery(levels: number): string {
  let selection = "id";
  for (let i = 0; i < levels; i++) selection = `${i % 2 === 0 ? "parent" : "subgroups"} { ${selection} }`;
  return `{ groups { ${selection} } }`;
}

describe("query limits", () => {
  it("refuses a query 20 levels deep before any resolver runs", async () => {
    // what any request costs before resolvers run: the session and the viewer's roles (cached after the first)
    await staffDev.graphql("{ __typename }");
    const baseline = await dev.statements.count(() => staffDev.graphql("{ __typename }"));
    const { result, statements } = await dev.statements.count(() => staffDev.graphql(deepQuery(20)));
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      depth: 22,
      messageEn: expect.stringMatching(/deep/),
    });
    // no resolver ran: not one statement beyond the session look-up
    expect(statements).toEqual(baseline.statements);
  });

  it("accepts the same shape at a reasonable depth", async () => {
    const res = await staffDev.graphql(deepQuery(4));
    expect(res.errors).toBeUndefined();
    expect(Array.isArray((res.data as { groups: unknown[] }).groups)).toBe(true);
  });

  it("refuses too many aliases of a list (breadth)", async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: groups { id }`).join(" ");
    const res = await staffDev.graphql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });
});

describe("selections that ask for no column", () => {
  it("a mutation or query selecting only __typename works (no empty Prisma select), and writes what it says", async () => {
    const created = await staffDev.graphql<{ createPerson: { __typename: string } }>(
      `mutation { createPerson(input: { legalName: "型名 だけ子", legalNameKana: "かためい だけこ" }) { __typename ... on MutationCreatePersonSuccess { data { __typename } } } }`,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createPerson).toEqual({ __typename: "MutationCreatePersonSuccess", data: { __typename: "Person" } });
    expect(await dev.db.prisma.person.count({ where: { legalName: "型名 だけ子" } })).toBe(1);
    const groups = await staffDev.graphql<{ groups: Array<{ __typename: string }> }>(`{ groups { __typename parent { __typename } } }`);
    expect(groups.errors).toBeUndefined();
    expect(groups.data?.groups.length).toBeGreaterThan(40);
  });
});

describe("in development", () => {
  it("introspection and field suggestions are on, and errors carry their cause", async () => {
    expect((await staffDev.graphql("{ __schema { queryType { name } } }")).errors).toBeUndefined();
    expect((await staffDev.graphql("{ organizaton { id } }")).errors?.[0]?.message).toMatch(/Did you mean/);
    // a malformed id is the client's error, named by its path
    expect((await staffDev.graphql('{ group(id: "not-a-uuid") { id } }')).errors?.[0]?.extensions).toMatchObject({
      code: "INVALID_INPUT",
      issues: [{ path: "group.id", messageEn: "Not a valid ID." }],
    });
  });
});
