// The audit trail as staff read it: each row's target in words (one statement per kind for a page),
// the filters (Japan days, actor, action, target), the CSV export (itself audited), and refusals.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestClient, type TestServer } from "../testing.ts";

let server: TestServer;
let staff: TestClient;
let leader: TestClient;

interface Target {
  kind: string;
  name: string | null;
  deleted: boolean;
}
interface Row {
  action: string;
  entity: string;
  entityId: string | null;
  at: string;
  actor: { name: string } | null;
  target: Target;
}

const F = {
  staffId: "",
  coordinatorId: "",
  nicknamed: { id: "", displayName: "", legalName: "" },
  group: { id: "", name: "" },
  event: { id: "", title: "" },
  child: { id: "", legalName: "" },
  juvenile: { id: "", code: "" },
  gonePerson: randomUUID(),
  milestone: randomUUID(),
  extraPeople: [] as string[],
};

/** SQL statements of a page beyond the session's (docs/api.md) */
const LIMIT = { people: 5, mixed: 12 };

/** Japan wall-clock time as an instant */
const jst = (s: string) => new Date(`${s}+09:00`);

const PAGE = `query($first: Int!, $from: Date, $to: Date, $actorId: String, $action: String, $entity: String, $entityId: String) {
  auditEvents(first: $first, from: $from, to: $to, actorId: $actorId, action: $action, entity: $entity, entityId: $entityId) {
    edges { node { action entity entityId at actor { name } target { kind name deleted } } } } }`;

async function page(client: TestClient, vars: Record<string, unknown>) {
  const res = await client.graphql<{ auditEvents: { edges: Array<{ node: Row }> } | null }>(PAGE, { first: 100, ...vars });
  return { res, rows: res.data?.auditEvents?.edges.map((e) => e.node) ?? [] };
}

beforeAll(async () => {
  server = await startTestServer({ viewerCacheTtlMs: 10 * 60_000 });
  staff = await server.as("staff");
  leader = await server.as("salon-leader");
  const db = server.db.prisma;
  const staffUser = await db.user.findFirstOrThrow({ where: { email: "staff@hannan.example" } });
  const coordinator = await db.user.findFirstOrThrow({ where: { email: "coordinator.ozaki@hannan.example" } });
  const orgId = staffUser.orgId;
  F.staffId = staffUser.id;
  F.coordinatorId = coordinator.id;
  const nick = await db.person.findFirstOrThrow({ where: { orgId, displayName: { not: null }, childVolunteer: null } });
  F.nicknamed = { id: nick.id, displayName: nick.displayName!, legalName: nick.legalName };
  const group = await db.group.findFirstOrThrow({ where: { orgId }, orderBy: { name: "asc" } });
  F.group = { id: group.id, name: group.name };
  const event = await db.event.findFirstOrThrow({ where: { orgId } });
  F.event = { id: event.id, title: event.title };
  const child = await db.childVolunteer.findFirstOrThrow({ where: { orgId, person: { displayName: null } }, include: { person: true } });
  F.child = { id: child.id, legalName: child.person.legalName };
  const juvenile = await db.juvenileParticipant.findFirstOrThrow({ where: { orgId } });
  F.juvenile = { id: juvenile.id, code: juvenile.code };
  const row = (at: string, actorId: string | null, action: string, entity: string, entityId: string | null) => ({
    orgId,
    at: jst(at),
    actorId,
    action,
    entity,
    entityId,
    requestId: "audit-test",
  });
  await db.auditEvent.createMany({
    data: [
      row("2025-01-09T23:59:00", F.staffId, "update", "Person", F.nicknamed.id), // the day before the range
      row("2025-01-10T00:00:00", F.staffId, "update", "Person", F.nicknamed.id),
      row("2025-01-10T10:00:00", F.coordinatorId, "read", "Group", F.group.id),
      row("2025-01-11T09:00:00", F.staffId, "create", "Event", F.event.id),
      row("2025-01-11T12:00:00", F.coordinatorId, "read", "ChildVolunteer", F.child.id),
      row("2025-01-12T08:00:00", F.staffId, "update", "JuvenileParticipant", F.juvenile.id),
      row("2025-01-12T09:00:00", F.staffId, "delete", "Person", F.gonePerson),
      row("2025-01-12T23:59:59", null, "approve", "Milestone", F.milestone),
      row("2025-01-13T00:00:00", F.staffId, "update", "Group", F.group.id), // the day after
    ],
  });
  // a busy day: thirty people read, for the statement count
  const people = await db.person.findMany({ where: { orgId, childVolunteer: null }, take: 30, orderBy: { id: "asc" } });
  F.extraPeople = people.map((p) => p.id);
  await db.auditEvent.createMany({
    data: people.map((p, i) => row(`2025-02-01T10:${String(i).padStart(2, "0")}:00`, F.coordinatorId, "read", "Person", p.id)),
  });
});
afterAll(() => server?.close());

describe("audit trail rows in words", () => {
  it("names each target as staff may see it, the actor by account name, and a deleted row as deleted", async () => {
    const { res, rows } = await page(staff, { from: "2025-01-10", to: "2025-01-12" });
    expect(res.errors).toBeUndefined();
    expect(rows).toHaveLength(7);
    const by = (entity: string, id: string) => rows.find((r) => r.entity === entity && r.entityId === id)!;
    // a nicknamed person by the 表示名 (the name shown everywhere), not the legal name
    expect(by("Person", F.nicknamed.id).target).toEqual({ kind: "Person", name: F.nicknamed.displayName, deleted: false });
    expect(by("Person", F.nicknamed.id).actor?.name).toBeTruthy();
    expect(by("Group", F.group.id).target.name).toBe(F.group.name);
    expect(by("Event", F.event.id).target.name).toBe(F.event.title);
    expect(by("ChildVolunteer", F.child.id).target.name).toBe(F.child.legalName);
    expect(by("JuvenileParticipant", F.juvenile.id).target).toEqual({ kind: "JuvenileParticipant", name: F.juvenile.code, deleted: false });
    expect(by("Person", F.gonePerson).target).toEqual({ kind: "Person", name: null, deleted: true });
    // a kind without a name: the kind only, and not "deleted" (nothing was looked up)
    const milestone = by("Milestone", F.milestone);
    expect(milestone.target).toEqual({ kind: "Milestone", name: null, deleted: false });
    expect(milestone.actor).toBeNull();
  });

  it("reads a page with one statement per entity kind, however many rows", async () => {
    const baseline = (await server.statements.count(() => staff.graphql("{ __typename }"))).statements.length;
    const count = async (vars: Record<string, unknown>) => {
      const { result, statements } = await server.statements.count(() => staff.graphql(PAGE, vars));
      expect(result.errors).toBeUndefined();
      return statements.length - baseline;
    };
    const one = await count({ first: 1, from: "2025-02-01", to: "2025-02-01" });
    const thirty = await count({ first: 30, from: "2025-02-01", to: "2025-02-01" });
    const mixed = await count({ first: 50, from: "2025-01-10", to: "2025-01-12" });
    console.log(`audit trail page: ${one} statements for 1 row, ${thirty} for 30 people, ${mixed} for 5 kinds of target`);
    // the page, its actors, the people named (a person's visibility columns: memberships, child record)
    expect(thirty).toBe(one);
    expect(thirty).toBeLessThanOrEqual(LIMIT.people);
    // five named kinds (Person, Group, Event, ChildVolunteer, JuvenileParticipant; a Milestone is not named)
    expect(mixed).toBeLessThanOrEqual(LIMIT.mixed);
  });
});

describe("audit trail filters", () => {
  it("takes Japan days: from the first day's 00:00 to the end of the last day", async () => {
    const { rows } = await page(staff, { from: "2025-01-10", to: "2025-01-10" });
    expect(rows.map((r) => r.at)).toEqual([jst("2025-01-10T10:00:00").toISOString(), jst("2025-01-10T00:00:00").toISOString()]);
    const from = await page(staff, { from: "2025-01-13", to: "2025-01-13" });
    expect(from.rows.map((r) => r.entity)).toEqual(["Group"]);
  });

  it("filters by action, actor, target kind and target id", async () => {
    const range = { from: "2025-01-09", to: "2025-01-13" };
    expect((await page(staff, { ...range, action: "read" })).rows.map((r) => r.entity)).toEqual(["ChildVolunteer", "Group"]);
    const byCoordinator = await page(staff, { ...range, actorId: F.coordinatorId });
    expect(byCoordinator.rows).toHaveLength(2);
    expect((await page(staff, { ...range, entity: "Group" })).rows).toHaveLength(2);
    // この人の記録: every row about one person, whatever the dates
    const person = await page(staff, { entity: "Person", entityId: F.nicknamed.id });
    expect(person.rows.filter((r) => r.at.startsWith("2025-01"))).toHaveLength(2);
    expect(person.rows.every((r) => r.entityId === F.nicknamed.id)).toBe(true);
  });

  it("refuses bad arguments with a typed error in both languages", async () => {
    for (const [vars, ja, en] of [
      [{ action: "hack" }, /操作は/, /action is one of/],
      [{ from: "2025-01-12", to: "2025-01-10" }, /終了日は開始日以降/, /last day must be on or after/],
      [{ entity: "Person; drop" }, /対象の種類/, /entity kind/],
      [{ from: "1999-12-31" }, /2000年1月1日以降/, /2000-01-01/],
    ] as const) {
      const { res } = await page(staff, vars);
      expect(res.data?.auditEvents ?? null).toBeNull();
      const error = res.errors?.[0] as { extensions?: { code?: string; issues?: Array<{ message: string; messageEn: string }> } };
      expect(error?.extensions?.code).toBe("INVALID_INPUT");
      expect(error.extensions?.issues?.[0]?.message).toMatch(ja);
      expect(error.extensions?.issues?.[0]?.messageEn).toMatch(en);
    }
  });

  it("is staff's only", async () => {
    for (const query of [
      "{ auditEvents(first: 5) { edges { node { target { name } } } } }",
      "{ auditEventsCsv { text } }",
      "{ auditActors { id name } }",
    ]) {
      const res = await leader.graphql<Record<string, unknown>>(query);
      expect(Object.values(res.data ?? {}).every((v) => v === null)).toBe(true);
      expect((res.errors?.[0] as { extensions?: { code?: string } })?.extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("lists the organisation's accounts for the actor filter", async () => {
    const res = await staff.graphql<{ auditActors: Array<{ id: string; name: string; email: string }> }>(
      "{ auditActors { id name email } }",
    );
    expect(res.errors).toBeUndefined();
    const ids = res.data!.auditActors.map((a) => a.id);
    expect(ids).toContain(F.staffId);
    expect(ids).toContain(F.coordinatorId);
  });
});

describe("audit trail CSV", () => {
  it("is UTF-8 with a BOM, in Japanese, with the same filters, the juvenile participant by code only — and is audited", async () => {
    const before = await server.db.prisma.auditEvent.count({ where: { action: "export", entity: "AuditEvent" } });
    const res = await staff.graphql<{ auditEventsCsv: { filename: string; mimeType: string; text: string } }>(
      `{ auditEventsCsv(from: "2025-01-10", to: "2025-01-12") { filename mimeType text } }`,
    );
    expect(res.errors).toBeUndefined();
    const csv = res.data!.auditEventsCsv;
    expect(csv.filename).toBe("監査ログ_令和7年1月10日_令和7年1月12日.csv");
    expect(csv.mimeType).toMatch(/^text\/csv/);
    expect(csv.text.startsWith("\uFEFF")).toBe(true);
    const lines = csv.text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("日時,操作したアカウント,メールアドレス,操作,対象の種類,対象,対象ID,リクエストID");
    expect(lines).toHaveLength(1 + 7);
    // newest first, Japan wall-clock time
    expect(lines[1]).toBe(`2025-01-12 23:59:59,システム,,承認,マイルストーン,,${F.milestone},audit-test`);
    expect(lines[2]).toBe(
      `2025-01-12 09:00:00,${await actorName(F.staffId)},staff@hannan.example,削除,個人,（削除済み）個人,${F.gonePerson},audit-test`,
    );
    expect(lines[3]).toMatch(new RegExp(`^2025-01-12 08:00:00,.*,変更,少年院ボランティア（参加者）,${F.juvenile.code},,audit-test$`));
    expect(csv.text).not.toContain(F.juvenile.id);
    expect(lines.some((l) => l.includes(`,閲覧,子ども福祉委員,${F.child.legalName},${F.child.id},`))).toBe(true);
    expect(lines.some((l) => l.includes(`,変更,個人,${F.nicknamed.displayName},`))).toBe(true);
    expect(csv.text).not.toContain("2025-01-13");
    // the same filters as the screen
    const reads = await staff.graphql<{ auditEventsCsv: { filename: string; text: string } }>(
      `{ auditEventsCsv(from: "2025-01-10", action: "read") { filename text } }`,
    );
    expect(reads.data!.auditEventsCsv.filename).toBe("監査ログ_令和7年1月10日から.csv");
    const readLines = reads.data!.auditEventsCsv.text.trimEnd().split("\r\n").slice(1);
    expect(readLines.length).toBeGreaterThanOrEqual(32);
    expect(readLines.every((l) => l.split(",")[3] === "閲覧")).toBe(true);
    // the export is itself in the trail
    const exports = await server.db.prisma.auditEvent.findMany({
      where: { action: "export", entity: "AuditEvent" },
      orderBy: { id: "asc" },
    });
    expect(exports).toHaveLength(before + 2);
    expect(exports[before]).toMatchObject({ actorId: F.staffId, details: { rows: 7, from: "2025-01-10", to: "2025-01-12" } });
  });

  it("refuses bad filters as the screen does", async () => {
    const res = await staff.graphql<{ auditEventsCsv: unknown }>(`{ auditEventsCsv(action: "steal") { text } }`);
    expect(res.data?.auditEventsCsv ?? null).toBeNull();
    expect((res.errors?.[0] as { extensions?: { code?: string } })?.extensions?.code).toBe("INVALID_INPUT");
  });
});

async function actorName(id: string) {
  return (await server.db.prisma.user.findUniqueOrThrow({ where: { id } })).name;
}
