// Generated hostile input over every query and mutation of the schema, as staff and as a salon leader:
// non-UUID ids, NUL bytes, empty and very long texts, negative, huge and contradictory paging
// arguments. Every answer must be data or a client error — never INTERNAL_SERVER_ERROR.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { schema } from "./schema.ts";
import { startTestServer, type TestClient, type TestServer } from "./testing.ts";

/** Mulberry32: a small seeded generator, so a failure is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REQUESTS_PER_ACCOUNT = 600;

let server: TestServer;
let accounts: Array<[string, TestClient]>;
/** ids that exist, so that some requests get past the id checks into the resolvers */
let realIds: string[];

beforeAll(async () => {
  server = await startTestServer({ viewerCacheTtlMs: 10 * 60_000 });
  accounts = [
    ["staff", await server.signIn("staff")],
    ["salon-leader", await server.signIn("salon-leader")],
  ];
  const p = server.db.prisma;
  const pick = async (rows: Promise<Array<{ id: string }>>) => (await rows).map((r) => r.id);
  realIds = (
    await Promise.all([
      pick(p.group.findMany({ select: { id: true }, take: 6 })),
      pick(p.person.findMany({ select: { id: true }, take: 6 })),
      pick(p.event.findMany({ select: { id: true }, take: 3 })),
      pick(p.shift.findMany({ select: { id: true }, take: 3 })),
      pick(p.activityLog.findMany({ select: { id: true }, take: 3 })),
      pick(p.thankYouMessage.findMany({ select: { id: true }, take: 3 })),
      pick(p.consent.findMany({ select: { id: true }, take: 3 })),
      pick(p.juvenileParticipant.findMany({ select: { id: true }, take: 3 })),
      pick(p.area.findMany({ select: { id: true }, take: 2 })),
      pick(p.milestone.findMany({ select: { id: true }, take: 2 })),
    ])
  ).flat();
});
afterAll(() => server?.close());

const LONG = "あ".repeat(100_000);
const STRINGS = ["", " ", "x", "\u0000", "a\u0000b", "2025", "' OR 1=1 --", "%_\\", "ｱｲｳ", "\uD800", "a".repeat(5_000), LONG];
const IDS = [
  "",
  "1",
  "not-a-uuid",
  "\u0000",
  "00000000-0000-0000-0000-000000000000",
  "ZZZZZZZZ-0000-0000-0000-000000000000",
  "' OR 1=1 --",
  LONG,
];
const INTS = [-2147483648, -1, 0, 1, 3, 2025, 1900, 9999, 100_000, 2147483647];
const CURSORS = ["", "x", "\u0000", "R1BDOk46MQ==", "R1BDOlM6bm90LWEtdXVpZA==", "R1BDOkQ6eHg=", "T0M6LTE=", "T0M6OTk5OTk5OTk5OQ==", LONG];
const DATES = ["2025-04-01", "2000-01-01", "1999-12-31", "0001-01-01", "9999-12-31", "2026-02-29"];
const DATETIMES = ["2025-04-01T10:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+275760-09-13T00:00:00Z", "1970-01-01"];

function valueFor(rand: () => number, type: GraphQLInputType, name: string, depth = 0): unknown {
  const one = <T>(values: readonly T[]): T => values[Math.floor(rand() * values.length)] as T;
  if (isNonNullType(type)) return valueFor(rand, type.ofType, name, depth);
  if (isListType(type)) {
    const n = one([0, 1, 2, 3, 60]);
    return Array.from({ length: n }, () => valueFor(rand, type.ofType as GraphQLInputType, name, depth + 1));
  }
  if (isEnumType(type)) return one(type.getValues()).name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || rand() < 0.6) value[field.name] = valueFor(rand, field.type, field.name, depth + 1);
    }
    return value;
  }
  // one very long text per request at most: a list of them would be over the 2 MB body limit
  const texts = depth > 0 ? STRINGS.slice(0, -1) : STRINGS;
  switch (getNamedType(type).name) {
    case "ID":
      return rand() < 0.5 ? one(realIds) : one(depth > 0 ? IDS.slice(0, -1) : IDS);
    case "Int":
      if (name === "first" || name === "last") return one([-5, -1, 0, 1, 10, 101, 1000, 2147483647]);
      return one(INTS);
    case "Float":
      return one([-1, 0, 0.5, 1e308]);
    case "Boolean":
      return rand() < 0.5;
    case "Date":
      return one(DATES);
    case "DateTime":
      return one(DATETIMES);
    default:
      if (name === "after" || name === "before") return one(CURSORS);
      return one(texts);
  }
}

/** One request being built: its variables and their definitions. */
interface Build {
  rand: () => number;
  variables: Record<string, unknown>;
  definitions: string[];
}

/** The arguments of a field, as variables of wrong shapes: every required one, most optional ones. */
function argumentsOf(build: Build, args: readonly GraphQLArgument[]): string {
  const given = args.filter((arg) => isNonNullType(arg.type) || build.rand() < 0.7);
  const parts = given.map((arg) => {
    const name = `v${build.definitions.length}`;
    build.definitions.push(`$${name}: ${arg.type.toString()}`);
    build.variables[name] = valueFor(build.rand, arg.type, arg.name);
    return `${arg.name}: $${name}`;
  });
  return parts.length ? `(${parts.join(", ")})` : "";
}

/** A selection of a result: its leaves, and one level down (connections, unions, a group's roster) with arguments. */
function selectionOf(build: Build, type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return "";
  if (isUnionType(named)) {
    const parts = named.getTypes().map((member) => `... on ${member.name} ${selectionOf(build, member, depth)}`);
    return `{ __typename ${parts.join(" ")} }`;
  }
  if (!isObjectType(named) && !isInterfaceType(named)) return "";
  const fields: string[] = ["__typename"];
  for (const field of Object.values(named.getFields()) as Array<GraphQLField<unknown, unknown>>) {
    const leaf = isLeafType(getNamedType(field.type));
    const required = field.args.some((arg) => isNonNullType(arg.type));
    // a field with arguments is asked for now and then, with arguments of wrong shapes
    if (field.args.length > 0 && (required || build.rand() < 0.5)) {
      if (build.rand() < 0.5) continue;
      const sub = leaf ? "" : selectionOf(build, field.type, 0);
      fields.push(`${field.name}${argumentsOf(build, field.args)} ${sub}`);
    } else if (leaf) fields.push(field.name);
    else if (depth > 0) {
      const sub = selectionOf(build, field.type, depth - 1);
      if (sub) fields.push(`${field.name} ${sub}`);
    }
  }
  return `{ ${fields.join(" ")} }`;
}

interface Request {
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

function requests(seed: number, count: number): Request[] {
  const rand = random(seed);
  const roots = [
    ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((f) => ["query", f] as const),
    ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((f) => ["mutation", f] as const),
  ];
  const out: Request[] = [];
  for (let i = 0; i < count; i++) {
    const [operation, field] = roots[i % roots.length] as (typeof roots)[number];
    const build: Build = { rand, variables: {}, definitions: [] };
    const call = argumentsOf(build, field.args);
    const selection = selectionOf(build, field.type, 1);
    const definitions = build.definitions.length ? `(${build.definitions.join(", ")})` : "";
    out.push({
      field: `${operation}.${field.name}`,
      query: `${operation} Generated${definitions} { ${field.name}${call} ${selection} }`,
      variables: build.variables,
    });
  }
  return out;
}

describe("generated hostile input", () => {
  it("is answered with data or a client error, never an internal error, as staff and as a salon leader", { timeout: 180_000 }, async () => {
    const internal = new Map<string, string>();
    let sent = 0;
    let count = 0;
    for (const [index, [name, client]] of accounts.entries()) {
      const queue = requests(20_261_129 + index, REQUESTS_PER_ACCOUNT);
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const res = await client.graphql(next.query, next.variables);
          sent++;
          for (const error of res.errors ?? []) {
            const code = error.extensions?.code;
            if (res.status >= 500 || code === "INTERNAL_SERVER_ERROR" || code === undefined) {
              count++;
              const key = `${name} ${next.field}: ${error.message.slice(0, 160)}`;
              if (!internal.has(key)) internal.set(key, JSON.stringify(next.variables).slice(0, 300));
            }
          }
        }
      };
      await Promise.all([worker(), worker(), worker()]);
    }
    expect(sent).toBe(REQUESTS_PER_ACCOUNT * accounts.length);
    expect(
      [...internal.entries()].map(([key, variables]) => `${key}\n    ${variables}`),
      `${count} internal errors`,
    ).toEqual([]);
  });
});

describe("what the checks let through", () => {
  it("every connection pages forwards and backwards with the cursors it handed out", async () => {
    const [, staff] = accounts[0] as [string, TestClient];
    for (const field of ["activityLogs", "auditEvents", "certificates", "moderationQueue", "thankYous"]) {
      const page = `pageInfo { startCursor endCursor } edges { cursor }`;
      const first = await staff.graphql<Record<string, { pageInfo: { startCursor: string | null; endCursor: string | null } }>>(
        `{ ${field}(first: 2) { ${page} } }`,
      );
      expect(first.errors, field).toBeUndefined();
      const { endCursor } = first.data?.[field]?.pageInfo ?? {};
      if (!endCursor) continue;
      const next = await staff.graphql(`query ($c: String) { ${field}(first: 2, after: $c) { ${page} } }`, { c: endCursor });
      expect(next.errors, field).toBeUndefined();
      const back = await staff.graphql(`query ($c: String) { ${field}(last: 2, before: $c) { ${page} } }`, { c: endCursor });
      expect(back.errors, field).toBeUndefined();
    }
    // a connection of an object: the roster
    const salon = await server.db.prisma.group.findFirstOrThrow({ where: { name: "ふれあい喫茶 さくら" }, select: { id: true } });
    const roster = (after: string | null) =>
      staff.graphql<{ group: { roster: { pageInfo: { endCursor: string }; edges: unknown[] } } }>(
        `query ($g: ID!, $a: String) { group(id: $g) { roster(first: 2, after: $a) { pageInfo { endCursor } edges { cursor } } } }`,
        { g: salon.id, a: after },
      );
    const page1 = await roster(null);
    const page2 = await roster(page1.data?.group.roster.pageInfo.endCursor ?? null);
    expect(page2.errors).toBeUndefined();
    expect(page2.data?.group.roster.edges).toHaveLength(2);
  });

  it("a CSV whose bytes hold a NUL is a file issue, not an internal error", async () => {
    const [, staff] = accounts[0] as [string, TestClient];
    const school = await server.db.prisma.group.findFirstOrThrow({ where: { name: { startsWith: "尾崎小学校" } }, select: { id: true } });
    const csv = Buffer.from("name,kana,grade,guardian,phone\n阪南\u0000そら,はんなん そら,4,阪南 健,0724710000\n").toString("base64");
    const res = await staff.graphql<{ previewChildVolunteerImport: { canImport: boolean; fileIssues: Array<{ messageEn: string }> } }>(
      `query ($g: ID!, $csv: String!) { previewChildVolunteerImport(groupId: $g, csv: $csv, encoding: BASE64) { canImport fileIssues { messageEn } } }`,
      { g: school.id, csv },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.previewChildVolunteerImport).toEqual({ canImport: false, fileIssues: [{ messageEn: expect.stringMatching(/NUL/) }] });
  });

  it("a bad argument is refused before anything runs, naming each one in both languages (HTTP 400)", async () => {
    const [, staff] = accounts[0] as [string, TestClient];
    const baseline = await server.statements.count(() => staff.graphql("{ __typename }"));
    const { result, statements } = await server.statements.count(() =>
      staff.graphql(
        `query ($id: ID!, $s: String) { group(id: $id) { id } groups(search: $s) { id } thankYous(first: -1, last: 2) { edges { cursor } } }`,
        {
          id: "1",
          s: "a\u0000b",
        },
      ),
    );
    expect(result.status).toBe(400);
    expect(statements).toEqual(baseline.statements);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "INVALID_INPUT",
      issues: [
        { path: "group.id", messageEn: "Not a valid ID." },
        { path: "groups.search", messageEn: expect.stringMatching(/NUL/) },
        { path: "thankYous.first", messageEn: expect.stringMatching(/0 to 1,000/) },
        { path: "thankYous", messageEn: expect.stringMatching(/not both/) },
      ],
    });
    expect(result.errors?.[0]?.message).toMatch(/入力内容に誤りがあります/);
  });
});
