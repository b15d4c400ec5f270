// SQL statements per main operation: each must stay at a fixed small number, whatever the size
// of the data (no N+1). The limits below are the numbers stated in docs/api.md. A signed-in
// request reuses its session's viewer (auth/viewer.ts); this server keeps it for ten minutes, so
// the counts do not depend on how fast the machine is: `session` is what a request pays when its
// session is not cached (once per VIEWER_CACHE_TTL_MS and session in production).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedId } from "@tsunagu/seed";

import { startTestServer, type TestClient, type TestServer } from "./testing.ts";

/** Statements of a request before any resolver runs, its session cached (0). */
let baseline: number;
/** Statements of reading the session and the viewer's roles when they are not cached. */
let session: number;
let server: TestServer;
let staff: TestClient;
let bigSalonId: string;
let smallSalonId: string;

const KANA = "あいうえおかきくけこさしすせそたちつてと";
const LIMITS = { session: 3, roster: 3, report: 1, events: 1 };

beforeAll(async () => {
  server = await startTestServer({ viewerCacheTtlMs: 10 * 60_000 });
  staff = await server.signIn("staff");
  const db = server.db.prisma;
  const org = await db.organization.findUniqueOrThrow({ where: { slug: "hannan" } });
  const salons = await db.group.findMany({ where: { programme: { code: "salon" } }, orderBy: { name: "asc" }, take: 2 });
  bigSalonId = salons[0]!.id;
  smallSalonId = salons[1]!.id;
  const member = await db.groupRole.findFirstOrThrow({ where: { orgId: org.id, code: "member" } });
  // a salon of 200 more members, half insured this year, each with an approved activity
  const people = Array.from({ length: 200 }, (_, i) => ({
    id: seedId("perf", "person", i),
    orgId: org.id,
    legalName: `性能 ${i}`,
    legalNameKana: `せいのう ${KANA[i % 20]}${KANA[Math.floor(i / 20)]}`,
  }));
  await db.person.createMany({ data: people });
  await db.membership.createMany({
    data: people.map((p) => ({
      orgId: org.id,
      groupId: bigSalonId,
      personId: p.id,
      groupRoleId: member.id,
      startedOn: new Date("2024-04-01"),
    })),
  });
  await db.insuranceEnrolment.createMany({
    data: people
      .filter((_, i) => i % 2 === 0)
      .map((p) => ({ orgId: org.id, personId: p.id, fiscalYear: 2026, plan: "基本", enrolledOn: new Date("2026-04-01") })),
  });
  session = (await server.statements.count(() => staff.graphql("{ __typename }"))).statements.length;
  baseline = (await server.statements.count(() => staff.graphql("{ __typename }"))).statements.length;
});
afterAll(() => server?.close());

const rosterQuery = `query($id: ID!) { group(id: $id) { roster(first: 250) { totalCount edges { node {
  id startedOn groupRole { name } insuredThisYear hoursThisYear person { id name legalNameKana } } } } } }`;

async function statementsOf(query: string, variables?: Record<string, unknown>) {
  const { result, statements } = await server.statements.count(() => staff.graphql(query, variables));
  expect(result.errors).toBeUndefined();
  return { result, count: statements.length - baseline };
}

describe("SQL statements per operation (beyond the session look-up)", () => {
  it(`a signed-in request reads its session and viewer in at most ${LIMITS.session} statements, then reuses them`, () => {
    console.log(`session and viewer: ${session} statements, then ${baseline}`);
    expect(session).toBeGreaterThan(0);
    expect(session).toBeLessThanOrEqual(LIMITS.session);
    expect(baseline).toBe(0);
  });

  it(`a roster of 200+ members with insurance and hours: at most ${LIMITS.roster} in all (session included), the same as a small roster`, async () => {
    const big = await statementsOf(rosterQuery, { id: bigSalonId });
    const total = (big.result.data as { group: { roster: { totalCount: number } } }).group.roster.totalCount;
    expect(total).toBeGreaterThanOrEqual(200);
    const small = await statementsOf(rosterQuery, { id: smallSalonId });
    console.log(`roster: ${big.count} statements for ${total} members, ${small.count} for a small salon (+${baseline} session)`);
    expect(big.count + baseline).toBeLessThanOrEqual(LIMITS.roster);
    expect(big.count).toBe(small.count);
  });

  it("a roster read by a salon leader (names as far as they may see them): the same statements as staff's", async () => {
    const leader = await server.signIn("salon-leader");
    await leader.graphql("{ __typename }");
    const role = await server.db.prisma.accessRoleAssignment.findFirstOrThrow({
      where: { user: { email: "salon-leader@hannan.example" }, role: "SALON_LEADER", revokedAt: null },
    });
    const query = `query($id: ID!) { group(id: $id) { roster(first: 50) { totalCount edges { node {
      id groupRole { name } insuredThisYear hoursThisYear person { id name legalName legalNameKana usesNickname } } } } } }`;
    const { result, statements } = await server.statements.count(() => leader.graphql(query, { id: role.groupId }));
    expect(result.errors).toBeUndefined();
    // the salon's privacy tier is audited for non-staff: one INSERT beside the reads
    const reads = statements.filter((s) => !/^\s*(INSERT|BEGIN|COMMIT)/i.test(s));
    expect(reads.length).toBeLessThanOrEqual(LIMITS.roster);
  });

  it(`a fiscal-year report with every breakdown: at most ${LIMITS.report}`, async () => {
    const fig = "hours activities volunteers peopleServed";
    const report = await statementsOf(`{ fiscalYearReport(fiscalYear: 2026) {
      totals { ${fig} } byMonth { figures { ${fig} } } byProgramme { figures { ${fig} } }
      byArea { figures { ${fig} } } byActivityType { figures { ${fig} } } } }`);
    console.log(`fiscal-year report: ${report.count} statements`);
    expect(report.count).toBeLessThanOrEqual(LIMITS.report);
  });

  it(`the organisation's events with tasks, shifts and sign-ups: at most ${LIMITS.events}`, async () => {
    const events = await statementsOf(`{ events { id title tasks { title done assignee { name } }
      shifts { title capacity placesLeft confirmed { person { name } } waitlist { person { name } } } } }`);
    const n = (events.result.data as { events: unknown[] }).events.length;
    console.log(`events list: ${events.count} statements for ${n} events`);
    expect(n).toBeGreaterThan(0);
    expect(events.count).toBeLessThanOrEqual(LIMITS.events);
  });

  it("the viewer's capabilities on every group cost no statement beyond the group list", async () => {
    const list = "{ groups { id name programme { id privacyTier } } }";
    const capabilities = `{ groups { id name programme { id privacyTier }
      viewerCanManageRoster viewerCanLogActivity viewerCanPlanEvents viewerCanThank viewerCanManageChildVolunteers } }`;
    for (const client of [staff, await server.signIn("salon-leader")]) {
      await client.graphql("{ __typename }"); // its session cached, as for every request but the first
      const plain = (await server.statements.count(() => client.graphql(list))).statements.length;
      const { result, statements } = await server.statements.count(() => client.graphql(capabilities));
      expect(result.errors).toBeUndefined();
      expect((result.data as { groups: unknown[] }).groups.length).toBeGreaterThan(30);
      expect(statements.length).toBe(plain);
    }
  });
});
