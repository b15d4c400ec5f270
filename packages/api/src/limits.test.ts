// Query limits and costs: every document of the web app stays under the limits; 70 fiscal-year reports
// in one request do not; a request over a limit is refused as QUERY_TOO_COMPLEX (HTTP 400) before any
// resolver or authorisation runs; acceptInvitation runs at most once per request.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { complexityFromQuery } from "@pothos/plugin-complexity";
import { Kind, parse, validate, type DocumentNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { QUERY_LIMITS } from "./request-checks.ts";
import { schema } from "./schema.ts";
import { startTestServer, type TestClient, type TestServer } from "./testing.ts";

const WEB_SRC = fileURLToPath(new URL("../../../apps/web/src", import.meta.url));

/** Every `graphql(\`…\`)` document of the web app, each operation with the fragments it spreads. */
function webOperations(): Array<{ name: string; text: string }> {
  const templates: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name)) {
        for (const match of readFileSync(path, "utf8").matchAll(/graphql\(\s*`([^`]*)`/g)) templates.push(match[1] ?? "");
      }
    }
  };
  walk(WEB_SRC);
  const fragments = new Map<string, string>();
  const operations: Array<{ name: string; body: string }> = [];
  for (const text of templates) {
    const fragment = /^\s*fragment\s+(\w+)/.exec(text);
    if (fragment?.[1]) fragments.set(fragment[1], text);
    else operations.push({ name: /(?:query|mutation)\s+(\w+)/.exec(text)?.[1] ?? text.slice(0, 40), body: text });
  }
  return operations.map(({ name, body }) => {
    const used = new Set<string>();
    const pending = [body];
    for (let text = pending.pop(); text !== undefined; text = pending.pop()) {
      for (const [, spread] of text.matchAll(/\.\.\.\s*(\w+)/g)) {
        const definition = spread && fragments.get(spread);
        if (definition && !used.has(spread)) {
          used.add(spread);
          pending.push(definition);
        }
      }
    }
    return { name, text: [body, ...[...used].map((f) => fragments.get(f))].join("\n") };
  });
}

/** The estimator coerces the operation's variables; no cost depends on them, so leave them out. */
function withoutVariables(document: DocumentNode): DocumentNode {
  return {
    ...document,
    definitions: document.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? { ...d, variableDefinitions: [] } : d)),
  };
}

const REPORT_SELECTION = `fiscalYear totals { hours activities volunteers peopleServed }
  byMonth { year month figures { hours activities volunteers peopleServed } }
  byProgramme { id code name nameEn figures { hours activities volunteers peopleServed } }
  byArea { id name nameEn figures { hours } } byActivityType { id name figures { hours } }`;

describe("costs (the complexity plugin's estimator, as the server counts)", () => {
  it("every query and mutation the web app sends stays under every limit", () => {
    const operations = webOperations();
    expect(operations.length).toBeGreaterThan(60);
    for (const { name, text } of operations) {
      // gql.tada's own directive, which it takes out before sending
      const document = parse(text.replaceAll("@_unmask", ""));
      expect(validate(schema, document), name).toEqual([]);
      const cost = complexityFromQuery(withoutVariables(document), { schema });
      expect(cost.complexity, name).toBeLessThanOrEqual(QUERY_LIMITS.complexity / 2);
      expect(cost.depth, name).toBeLessThanOrEqual(QUERY_LIMITS.depth);
      expect(cost.breadth, name).toBeLessThanOrEqual(QUERY_LIMITS.breadth);
    }
  });

  it("one fiscal-year report passes; 70 in one request, even selecting one field each, do not", () => {
    const one = complexityFromQuery(`{ fiscalYearReport(fiscalYear: 2025) { ${REPORT_SELECTION} } }`, { schema });
    expect(one.complexity).toBeLessThan(QUERY_LIMITS.complexity);
    const aliases = Array.from({ length: 70 }, (_, i) => `r${i}: fiscalYearReport(fiscalYear: 2025) { fiscalYear }`).join(" ");
    expect(complexityFromQuery(`{ ${aliases} }`, { schema }).complexity).toBeGreaterThan(QUERY_LIMITS.complexity);
  });
});

let server: TestServer;
let salonLeader: TestClient;

beforeAll(async () => {
  // sessions stay cached for the whole file, so statement counts do not depend on the machine's speed (auth/viewer.ts)
  server = await startTestServer({ viewerCacheTtlMs: 10 * 60_000 });
  salonLeader = await server.signIn("salon-leader");
});
afterAll(() => server?.close());

describe("refusals before anything runs", () => {
  it("70 reports by a salon leader are refused as QUERY_TOO_COMPLEX (HTTP 400), and no report is computed", async () => {
    const aliases = Array.from({ length: 70 }, (_, i) => `r${i}: fiscalYearReport(fiscalYear: 2025) { fiscalYear }`).join(" ");
    await salonLeader.graphql("{ __typename }"); // its session cached
    const baseline = await server.statements.count(() => salonLeader.graphql("{ __typename }"));
    const { result, statements } = await server.statements.count(() => salonLeader.graphql(`{ ${aliases} }`));
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      messageEn: expect.stringMatching(/costs too much/),
      limits: QUERY_LIMITS,
    });
    expect(result.errors?.[0]?.message).toMatch(/上限/);
    expect(statements).toEqual(baseline.statements);
    // one report still works
    const one = await salonLeader.graphql(`{ fiscalYearReport(fiscalYear: 2025) { ${REPORT_SELECTION} } }`);
    expect(one.errors).toBeUndefined();
  });

  it("a signed-out client over a limit hears QUERY_TOO_COMPLEX, not FORBIDDEN: limits come before authorisation", async () => {
    let selection = "id";
    for (let i = 0; i < 20; i++) selection = `${i % 2 === 0 ? "parent" : "subgroups"} { ${selection} }`;
    const res = await server.anonymous.graphql(`{ groups { ${selection} } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(res.errors?.[0]?.extensions?.messageEn).toMatch(/too deep/);
  });

  it("acceptInvitation runs at most once per request: aliases are refused before any token is looked up", async () => {
    const aliases = Array.from(
      { length: 5 },
      (_, i) => `a${i}: acceptInvitation(token: "${"t".repeat(30)}${i}", password: "long-enough-password") { __typename }`,
    );
    const baseline = await server.statements.count(() => server.anonymous.graphql("{ __typename }"));
    const { result, statements } = await server.statements.count(() => server.anonymous.graphql(`mutation { ${aliases.join(" ")} }`));
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", field: "acceptInvitation", count: 5, limit: 1 });
    expect(statements).toEqual(baseline.statements);
    // through a fragment too
    const spread = await server.anonymous.graphql(
      `mutation { a: acceptInvitation(token: "${"t".repeat(30)}", password: "long-enough-password") { ...R } b: acceptInvitation(token: "${"u".repeat(30)}", password: "long-enough-password") { ...R } } fragment R on MutationAcceptInvitationResult { __typename }`,
    );
    expect(spread.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    // once is an ordinary answer: the token is unknown
    const once = await server.anonymous.graphql(`mutation { ${aliases[0]} }`);
    expect(once.errors).toBeUndefined();
  });
});
