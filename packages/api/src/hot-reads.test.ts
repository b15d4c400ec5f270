// The hot reads of issue 9 besides the roster (performance.test.ts): each screen's request, exactly
// as the web app sends it (apps/web/src/routes/…), costs at most 3 SQL statements with its session
// cached (as every request but a session's first within VIEWER_CACHE_TTL_MS) — writes included: the
// audit entry of a non-staff read of tier-restricted records counts. And each answers what it
// answered before the reads were planned into fewer statements: the answers are compared with
// files written by the earlier code (__snapshots__/hot-reads/, checked as written: see README of
// that folder), on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestClient, type TestServer } from "./testing.ts";

/** statements per request, session cached, writes (audit entries) included */
const LIMIT = 3;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ viewerCacheTtlMs: 10 * 60_000 });
});
afterAll(() => server?.close());

// ── the web app's operations (fragments inlined as the web app's documents send them)

const DASHBOARD = {
  hours: `query DashboardHoursByMonth($fiscalYear: Int!) { fiscalYearReport(fiscalYear: $fiscalYear) {
    fiscalYear includesJuvenileProgramme totals { hours } byMonth { year month figures { hours activities volunteers peopleServed } } } }`,
  approvals: `query DashboardApprovalQueue { approvalQueue { id } }`,
  myLogs: `query DashboardMyLogs {
    submitted: activityLogs(status: SUBMITTED, first: 5) { totalCount edges { node { id date group { id name } activityType { id name nameEn } } } }
    drafts: activityLogs(status: DRAFT, first: 1) { totalCount }
    returned: activityLogs(status: REJECTED, first: 1) { totalCount } }`,
  lapses: `query DashboardInsuranceLapses($fiscalYear: Int!) { insuranceLapses(fiscalYear: $fiscalYear) {
    id name memberships { id group { id name } } } }`,
  events: `query DashboardUpcomingEvents($from: DateTime!, $groupId: ID) { events(from: $from, groupId: $groupId) {
    id title startsAt endsAt place status group { id name } } }`,
  thankYous: `query RecentThankYous { recentThankYous(first: 4) { id ...ThankYouCard_message } }
    fragment ThankYouCard_message on ThankYouMessage { id fromName body receivedOn status toPerson { id name } toGroup { id name } }`,
};

const APPROVAL_QUEUE = `query ApprovalQueue { approvalQueue { id date minutes participantCount uninsuredCount peopleServed place
  description submittedAt submittedBy { id name } group { id name } activityType { id name nameEn } } }`;

const EVENTS = `query Events($groupId: ID) { events(groupId: $groupId) { id startsAt endsAt ...EventCard_event } }
  fragment EventCard_event on Event { id title startsAt endsAt place status group { id name nickname } shifts { id capacity placesLeft } }`;

const PERSON = `query PersonPage($id: ID!, $staff: Boolean!) { person(id: $id) {
    id name usesNickname viewerCanEdit viewerCanSeeContacts phone email address
    legalName @include(if: $staff) legalNameKana @include(if: $staff) notes @include(if: $staff) updatedAt @include(if: $staff)
    history @include(if: $staff) { id action at details actor { name } }
    memberships { id startedOn endedOn endReason isCurrent group { id name programme { id name nameEn } } groupRole { id name nameEn } }
    hoursByFiscalYear { fiscalYear hours activityCount }
    milestoneAwards { id awardedAt milestone { id name nameEn } } }
  thankYous(toPersonId: $id, first: 20) { edges { node { id body fromName receivedOn status } } }
  certificates(personId: $id, first: 20) { edges { node { id title serialNumber issuedOn } } } }`;

const CHILD_VOLUNTEERS = `query ChildVolunteers($groupId: ID!) { childVolunteers(groupId: $groupId) {
    id status consents { id kind scope policyVersion recordedAt } ...ChildVolunteerRow_child } }
  fragment ChildVolunteerRow_child on ChildVolunteer { id grade status alumniSince activityConsentState photoConsentState
    guardianName guardianRelation person { id name legalNameKana } }`;

const FISCAL_YEAR = 2026;
/** the dashboard's "from" (the web app's: the moment the card mounted), fixed for a stable answer */
const NOW = "2026-11-26T00:00:00.000Z";

// ── measuring

const clients = new Map<string, TestClient>();
async function as(account: string): Promise<TestClient> {
  let client = clients.get(account);
  if (!client) {
    client = await server.signIn(account);
    await client.graphql("{ __typename }"); // its session cached, as for every request but the first
    clients.set(account, client);
  }
  return client;
}

interface Read {
  data: unknown;
  errors: unknown;
  statements: string[];
}

async function read(account: string, query: string, variables: Record<string, unknown> = {}): Promise<Read> {
  const client = await as(account);
  const { result, statements } = await server.statements.count(() => client.graphql(query, variables));
  return { data: result.data, errors: result.errors, statements };
}

/** the answer without what differs between two runs of the same data (audit trail ids and times) */
function stable(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data), (key, value: unknown) =>
    key === "history" && Array.isArray(value)
      ? value.map((h: { action: string; actor: unknown; details: unknown }) => ({ action: h.action, actor: h.actor, details: h.details }))
      : value,
  );
}

async function expectRead(name: string, r: Read, limit = LIMIT) {
  console.log(`${name}: ${r.statements.length} statements`);
  expect(r.statements.length, r.statements.map((s) => s.slice(0, 160)).join("\n")).toBeLessThanOrEqual(limit);
  await expect(JSON.stringify({ data: stable(r.data), errors: r.errors ?? null }, null, 2)).toMatchFileSnapshot(
    `./__snapshots__/hot-reads/${name}.json`,
  );
}

const personOf = async (where: object) => (await server.db.prisma.person.findFirstOrThrow({ where, orderBy: { id: "asc" } })).id;

describe(`the hot reads: at most ${LIMIT} statements each (session cached), the same answers`, () => {
  it("the dashboard (ホーム) of staff: each card's request", async () => {
    await expectRead("dashboard-staff-hours", await read("staff", DASHBOARD.hours, { fiscalYear: FISCAL_YEAR }));
    await expectRead("dashboard-staff-approvals", await read("staff", DASHBOARD.approvals));
    await expectRead("dashboard-staff-lapses", await read("staff", DASHBOARD.lapses, { fiscalYear: FISCAL_YEAR }));
    await expectRead("dashboard-staff-events", await read("staff", DASHBOARD.events, { from: NOW, groupId: null }));
    await expectRead("dashboard-staff-thank-yous", await read("staff", DASHBOARD.thankYous));
  });

  it("the dashboard of a salon leader and of a subcommittee member: each card's request", async () => {
    await expectRead("dashboard-leader-my-logs", await read("salon-leader", DASHBOARD.myLogs));
    await expectRead("dashboard-leader-lapses", await read("salon-leader", DASHBOARD.lapses, { fiscalYear: FISCAL_YEAR }));
    await expectRead("dashboard-leader-thank-yous", await read("salon-leader", DASHBOARD.thankYous));
    const bukai = server.groupId("イベント部会");
    await expectRead("dashboard-bukai-events", await read("event-bukai", DASHBOARD.events, { from: NOW, groupId: bukai }));
  });

  it("the approval queue (/approvals)", async () => {
    const r = await read("staff", APPROVAL_QUEUE);
    expect((r.data as { approvalQueue: unknown[] }).approvalQueue.length).toBeGreaterThan(0);
    await expectRead("approval-queue", r);
  });

  it("the events list with shifts (/events): staff's whole organisation, a subcommittee member's 部会", async () => {
    const r = await read("staff", EVENTS, { groupId: null });
    const events = (r.data as { events: Array<{ shifts: unknown[] }> }).events;
    expect(events.some((e) => e.shifts.length > 0)).toBe(true);
    await expectRead("events-staff", r);
    await expectRead("events-bukai", await read("event-bukai", EVENTS, { groupId: server.groupId("イベント部会") }));
  });

  it("the person page (/people/:id) as staff: the person with its thank-yous and certificates in one statement, its history", async () => {
    const id = await personOf({ memberships: { some: { group: { programme: { code: "salon" } } } }, participations: { some: {} } });
    const r = await read("staff", PERSON, { id, staff: true });
    expect((r.data as { person: { name: string } | null }).person?.name).toBeTruthy();
    await expectRead("person-staff", r);
  });

  it("the person page as a salon leader (a member of the salon): with the audit entry, no contact details read", async () => {
    const salon = server.groupId("ふれあい喫茶 さくら");
    const id = await personOf({ memberships: { some: { groupId: salon } }, user: null });
    const r = await read("salon-leader", PERSON, { id, staff: false });
    expect((r.data as { person: { name: string } | null }).person?.name).toBeTruthy();
    // contact details and the person's staff-only columns are not read for this viewer
    expect(r.statements.join("\n")).not.toMatch(/"(phone|email|address|notes|networkStatus)"/);
    // the tier-restricted read is audited, within the limit
    expect(r.statements.filter((s) => /^INSERT INTO "public"\."AuditEvent"/.test(s))).toHaveLength(1);
    await expectRead("person-leader", r);
  });

  it("a coordinator's child volunteers (/child-volunteers/:groupId)", async () => {
    const r = await read("coordinator.ozaki", CHILD_VOLUNTEERS, { groupId: server.groupId("尾崎小学校 子ども福祉委員") });
    expect((r.data as { childVolunteers: unknown[] }).childVolunteers.length).toBeGreaterThan(0);
    // the children's own contact columns (a child's contact is the guardian's) are not read
    expect(r.statements.join("\n")).not.toMatch(/"(phone|email|address|notes)"/);
    await expectRead("child-volunteers-coordinator", r);
  });
});
