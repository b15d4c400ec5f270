// The privacy tiers of DOMAIN.md, proved over HTTP as every demo account: one row per (cell of the
// tier table × operation × account), allowed AND refused. A row passes when
//  - allowed: no error, and the values that prove the restricted data was read are in the answer;
//  - refused: none of those values is anywhere in the answer, and either FORBIDDEN (the field is
//    null and carries extensions.code FORBIDDEN, in Japanese with messageEn) or HIDDEN (the API's
//    "as if it did not exist" choice: null or left out of a list, with no error);
//  - audit: a non-staff read of a tier-restricted record leaves an AuditEvent naming it, in the
//    request's own trail (x-request-id); a staff read leaves no "read" entry at all.
// Then: aggregate counts for every signed-in account (and no one signed out), and a second
// organisation whose staff sees nothing of Hannan (and Hannan nothing of it).
import { randomUUID } from "node:crypto";

import { hashPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { fiscalYearOf } from "@tsunagu/db";

import { startTestServer, TEST_TODAY, type TestClient, type TestServer } from "./testing.ts";

const ACCOUNTS = ["staff", "coordinator.ozaki", "coordinator.tottori-higashi", "event-bukai", "salon-leader", "liaison"] as const;
type Account = (typeof ACCOUNTS)[number];

const FY = fiscalYearOf(TEST_TODAY); // 2026
const JUVENILE_FY = FY - 1; // the wakame season Dec 2025 – Mar 2026 is in 年度 2025
const OTHER_EMAIL = "staff@other-shakyo.example";
const OTHER_PASSWORD = "another-org-password-1";

let server: TestServer;
const clients = new Map<string, TestClient>();

/** Everything the rows need from the seeded data, read once from the database. */
interface Fixture {
  orgId: string;
  userIds: Record<Account, string>;
  groups: { ozaki: string; tottori: string; eventBukai: string; salon: string; otherSalon: string; cohort: string };
  ozakiChild: {
    id: string;
    personId: string;
    membershipId: string;
    legalName: string;
    guardianName: string;
    guardianPhone: string;
    guardianEmail: string;
  };
  /** a junior-high pupil at 鳥取東 who was a 子ども福祉委員 at 尾崎小 last year */
  movedChild: { id: string; legalName: string; guardianPhone: string };
  ozakiLog: { id: string; childName: string };
  /** a child in a submitted 尾崎小 log (承認待ち) */
  ozakiQueueChild: string;
  /** the cohort's newest log corrected by staff in the setup: its 訂正履歴 holds the codes */
  cohortCorrected: { id: string; code: string };
  /** イベント部会 members who use a nickname (表示名) */
  nicknamed: Array<{ id: string; displayName: string; legalName: string; legalNameKana: string }>;
  /** legal names of nicknamed members who are signed up to an イベント部会 event */
  signedUpNicknamedLegalNames: string[];
  /** legal names of nicknamed members among the participants of the newest イベント部会 logs */
  loggedNicknamedLegalNames: string[];
  salonMember: { legalName: string; membershipId: string };
  otherSalonMember: string;
  salonLog: { id: string; name: string };
  cohort: { name: string; codes: string[]; newestLogId: string; newestLogCode: string };
  wakameTitle: string;
  fishermanBody: string;
  youthCertificateId: string;
  cohortCertificateId: string;
  juvenileProgrammeName: string;
  /** an event staff planned for the cohort (events of the juvenile programme) */
  cohortEvent: { id: string; title: string };
  /** an event of 尾崎小's group with the Ozaki child signed up */
  schoolEvent: { id: string; signUpId: string };
  other: { orgId: string; userId: string; groupId: string; groupName: string };
  /** ボランティア活動保険: an uninsured member of さくら and an uninsured child of 尾崎小 (legal names, no nickname) */
  salonLapse: { id: string; legalName: string };
  ozakiLapse: { id: string; legalName: string };
  /** a child of 尾崎小 insured this 年度 (listed by insuranceEnrolments and the rollover preview) */
  insuredChild: string;
  /** an invitation staff sent (its invitee's e-mail is visible to staff only) */
  invitee: { email: string; invitationId: string };
  undeliveredTo: string;
  /** a notification about a record of each of these groups, in every Hannan account's inbox: what its text names */
  notices: { cohort: string; ozaki: string; salon: string };
  /** the person master: phone and e-mail written on a salon member, a nicknamed 部会 member and the Ozaki child */
  contacts: { salonPersonId: string; salon: string[]; network: string[]; child: string[] };
}
let F: Fixture;

interface Answer {
  status: number;
  data: unknown;
  errors: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }> | undefined;
  requestId: string;
  /** the whole answer as text, to look for values anywhere in it */
  text: string;
}

/** POSTs an operation as a signed-in client and keeps the request id (the audit trail's key). */
async function call(client: TestClient, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const res = await client.fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const requestId = res.headers.get("x-request-id");
  expect(requestId, "every response carries its request id").toBeTruthy();
  const body = (await res.json()) as { data?: unknown; errors?: Answer["errors"] };
  return { status: res.status, data: body.data ?? null, errors: body.errors, requestId: requestId!, text: JSON.stringify(body) };
}

const as = (account: Account) => clients.get(account)!;

function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || v === undefined) return null;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v ?? null;
}

/** Refused as FORBIDDEN: at least one FORBIDDEN error, in both languages, and every field it names is null. */
function expectForbidden(a: Answer) {
  const forbidden = (a.errors ?? []).filter((e) => e.extensions?.code === "FORBIDDEN");
  expect(forbidden, `expected a FORBIDDEN error, got ${a.text.slice(0, 400)}`).not.toHaveLength(0);
  for (const e of forbidden) {
    expect(e.message, "the message is in Japanese").toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(e.extensions?.messageEn, "with English beside it").toMatch(/^[\x20-\x7e]+$/);
    expect(e.path, "a FORBIDDEN error names the refused field").toBeDefined();
    expect(valueAt(a.data, e.path!), `the refused field ${e.path!.join(".")} is null`).toBeNull();
  }
}

async function auditsOf(requestId: string) {
  return server.db.prisma.auditEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } });
}

// ───────────────────────── the matrix ─────────────────────────

type Refusal = "FORBIDDEN" | "HIDDEN";

interface Cell {
  tier: "child" | "network" | "juvenile" | "salon" | "account";
  /** the data of the cell, as DOMAIN.md names it */
  data: string;
  /** the operation, for the test name */
  op: string;
  query: string;
  vars?: () => Record<string, unknown>;
  allowed: readonly Account[];
  /** how the API refuses an account (default FORBIDDEN) */
  refusal?: (account: Account) => Refusal;
  /** values that appear only if the restricted data was returned */
  secrets: () => string[];
  /** what a non-staff allowed read must leave in the audit trail: an entry naming one of `ids` */
  audit?: { action?: string; entity?: string; ids: () => string[] };
}

const STAFF_ONLY: readonly Account[] = ["staff"];
const OZAKI: readonly Account[] = ["staff", "coordinator.ozaki"];
const TOTTORI: readonly Account[] = ["staff", "coordinator.tottori-higashi"];
const JUVENILE: readonly Account[] = ["staff", "liaison"];
const SALON: readonly Account[] = ["staff", "salon-leader"];
const NOBODY: readonly Account[] = [];

const CHILD_FIELDS = `id grade status alumniSince guardianName guardianKana guardianRelation guardianPhone guardianEmail
  hasActivityConsent photoConsent activityConsentState photoConsentState person { id name legalName legalNameKana } school { name kind }
  consents { id kind granted givenBy givenOn scope policyVersion withdrawnAt inForce }`;

const cells: Cell[] = [
  // ── a child's name, school, grade, guardian contact and consents: staff; that school's coordinators
  {
    tier: "child",
    data: "a child's record (name, school, grade, guardian, consents)",
    op: "childVolunteers(groupId: 尾崎小)",
    query: `query($g: ID!) { childVolunteers(groupId: $g) { ${CHILD_FIELDS} } }`,
    vars: () => ({ g: F.groups.ozaki }),
    allowed: OZAKI,
    secrets: () => [F.ozakiChild.legalName, F.ozakiChild.guardianName, F.ozakiChild.guardianPhone, F.ozakiChild.guardianEmail],
    audit: { entity: "ChildVolunteer", ids: () => [F.ozakiChild.id] },
  },
  {
    tier: "child",
    data: "a child's record (name, school, grade, guardian, consents)",
    op: "childVolunteer(id)",
    query: `query($id: ID!) { childVolunteer(id: $id) { ${CHILD_FIELDS} } }`,
    vars: () => ({ id: F.ozakiChild.id }),
    allowed: OZAKI,
    // outside the school: null, as for an unknown id (no existence oracle)
    refusal: () => "HIDDEN",
    secrets: () => [F.ozakiChild.legalName, F.ozakiChild.guardianName, F.ozakiChild.guardianPhone],
    audit: { entity: "ChildVolunteer", ids: () => [F.ozakiChild.id] },
  },
  {
    tier: "child",
    data: "a pupil now at 鳥取東中 (their current school's coordinator, not their former school's)",
    op: "childVolunteers(groupId: 鳥取東中)",
    query: `query($g: ID!) { childVolunteers(groupId: $g) { ${CHILD_FIELDS} } }`,
    vars: () => ({ g: F.groups.tottori }),
    allowed: TOTTORI,
    secrets: () => [F.movedChild.legalName, F.movedChild.guardianPhone],
    audit: { entity: "ChildVolunteer", ids: () => [F.movedChild.id] },
  },
  {
    tier: "child",
    data: "a former pupil's name on the old school's roster history",
    op: "group(尾崎小).roster(includeEnded) { person { name } }",
    query: `query($g: ID!) { group(id: $g) { roster(first: 200, includeEnded: true) { edges { node { person { name legalName } } } } } }`,
    vars: () => ({ g: F.groups.ozaki }),
    allowed: STAFF_ONLY,
    secrets: () => [F.movedChild.legalName],
  },
  {
    tier: "child",
    data: "children's names on the school roster",
    op: "group(尾崎小).roster { person { name } }",
    query: `query($g: ID!) { group(id: $g) { roster(first: 200) { totalCount edges { node { id person { id name legalName } } } } } }`,
    vars: () => ({ g: F.groups.ozaki }),
    allowed: OZAKI,
    secrets: () => [F.ozakiChild.legalName],
    audit: { entity: "Membership", ids: () => [F.ozakiChild.membershipId] },
  },
  {
    tier: "child",
    data: "children's names in the school's activity logs",
    op: "activityLogs(groupId: 尾崎小) { participants { person { name } } }",
    query: `query($g: ID!) { activityLogs(groupId: $g, first: 1) { edges { node { id participants { person { name } } } } } }`,
    vars: () => ({ g: F.groups.ozaki }),
    allowed: OZAKI,
    secrets: () => [F.ozakiLog.childName],
    audit: { entity: "ActivityLog", ids: () => [F.ozakiLog.id] },
  },
  {
    tier: "child",
    data: "children's names on one log's page",
    op: "activityLog(id: 尾崎小's log) { participants { person { name } } }",
    query: `query($id: ID!) { activityLog(id: $id) { id participants { person { name } } versions { people { name } } } }`,
    vars: () => ({ id: F.ozakiLog.id }),
    allowed: OZAKI,
    // outside the school's group: null, as for an unknown id (no existence oracle)
    refusal: () => "HIDDEN",
    secrets: () => [F.ozakiLog.childName],
    audit: { entity: "ActivityLog", ids: () => [F.ozakiLog.id] },
  },
  {
    tier: "child",
    data: "children's names in 承認待ち (participants before approving)",
    op: "approvalQueue { participants { person { name } } }",
    query: `{ approvalQueue { id participants { person { name } } } }`,
    allowed: STAFF_ONLY,
    secrets: () => [F.ozakiQueueChild],
  },
  {
    tier: "child",
    data: "children's names in the roster export",
    op: "rosterCsv(groupId: 尾崎小)",
    query: `query($g: ID!) { rosterCsv(groupId: $g) { filename text } }`,
    vars: () => ({ g: F.groups.ozaki }),
    allowed: OZAKI,
    secrets: () => [F.ozakiChild.legalName],
    audit: { action: "export", entity: "Group", ids: () => [F.groups.ozaki] },
  },
  {
    tier: "child",
    data: "a child's name on an event's sign-ups",
    op: "event(id) { shifts { confirmed { person { name } } } }",
    query: `query($id: ID!) { event(id: $id) { id shifts { confirmed { id person { id name legalName } } } } }`,
    vars: () => ({ id: F.schoolEvent.id }),
    allowed: OZAKI,
    // outside the school's group: null, as for an unknown id (no existence oracle)
    refusal: () => "HIDDEN",
    secrets: () => [F.ozakiChild.legalName],
    // an entry naming the child, their person, the sign-up or the event
    audit: { ids: () => [F.ozakiChild.id, F.ozakiChild.personId, F.schoolEvent.signUpId, F.schoolEvent.id] },
  },

  // ── a network member's 当事者 / family status; real name if they use a nickname: staff only
  {
    tier: "network",
    data: "当事者・家族 status",
    op: "group(イベント部会).roster { person { networkStatus } }",
    query: `query($g: ID!) { group(id: $g) { roster(first: 200) { edges { node { person { id name networkStatus } } } } } }`,
    vars: () => ({ g: F.groups.eventBukai }),
    allowed: STAFF_ONLY,
    secrets: () => ["FORMER_TOJISHA", "FAMILY"],
  },
  {
    tier: "network",
    data: "the legal name behind a nickname",
    op: "group(イベント部会).roster { person { legalName legalNameKana } }",
    query: `query($g: ID!) { group(id: $g) { roster(first: 200) { edges { node { person { id name legalName legalNameKana usesNickname } } } } } }`,
    vars: () => ({ g: F.groups.eventBukai }),
    allowed: STAFF_ONLY,
    secrets: () => F.nicknamed.flatMap((p) => [p.legalName, p.legalNameKana]),
  },
  {
    tier: "network",
    data: "status and legal name behind a nickname, on event sign-ups",
    op: "events(groupId: イベント部会) { shifts { confirmed/waitlist/cancelled { person } } }",
    query: `query($g: ID!) { events(groupId: $g) { id shifts {
      confirmed { person { name legalName networkStatus } }
      waitlist { person { name legalName networkStatus } }
      cancelled { person { name legalName networkStatus } } } } }`,
    vars: () => ({ g: F.groups.eventBukai }),
    allowed: STAFF_ONLY,
    secrets: () => [...F.signedUpNicknamedLegalNames, "FORMER_TOJISHA"],
  },
  {
    tier: "network",
    data: "status and legal name behind a nickname, in activity logs",
    op: "activityLogs(groupId: イベント部会) { participants { person { legalName networkStatus } } }",
    query: `query($g: ID!) { activityLogs(groupId: $g, first: 20) { edges { node { id participants { person { name legalName networkStatus } } } } } }`,
    vars: () => ({ g: F.groups.eventBukai }),
    allowed: STAFF_ONLY,
    secrets: () => [...F.loggedNicknamedLegalNames, "FORMER_TOJISHA"],
  },
  {
    tier: "network",
    data: "the legal name behind a nickname, found by searching for it",
    op: "group(イベント部会).roster(search: <legal name>)",
    query: `query($g: ID!, $s: String) { group(id: $g) { roster(first: 50, search: $s) { totalCount edges { node { person { id } } } } } }`,
    vars: () => ({ g: F.groups.eventBukai, s: F.nicknamed[0]!.legalName }),
    allowed: STAFF_ONLY,
    refusal: (a) => (a === "event-bukai" ? "HIDDEN" : "FORBIDDEN"),
    secrets: () => [F.nicknamed[0]!.id],
  },
  {
    tier: "network",
    data: "status and legal name behind a nickname, in the roster export",
    op: "rosterCsv(groupId: イベント部会)",
    query: `query($g: ID!) { rosterCsv(groupId: $g) { filename text } }`,
    vars: () => ({ g: F.groups.eventBukai }),
    allowed: STAFF_ONLY,
    // the 部会's own member gets the CSV without the status column and with blank legal names
    refusal: (a) => (a === "event-bukai" ? "HIDDEN" : "FORBIDDEN"),
    secrets: () => [...F.nicknamed.map((p) => p.legalName), "元当事者", "当事者・家族の別"],
  },

  // ── anything about the juvenile programme (codes, cohorts, logs): staff; the institution liaison
  {
    tier: "juvenile",
    data: "cohorts and their codes",
    op: "juvenileCohorts { participants { code } }",
    query: `{ juvenileCohorts { id name institution participants { code } activeParticipantCount } }`,
    allowed: JUVENILE,
    secrets: () => [F.cohort.name, ...F.cohort.codes],
    audit: { entity: "JuvenileCohort", ids: () => [F.groups.cohort] },
  },
  {
    tier: "juvenile",
    data: "a cohort, its codes, achievements and thank-yous",
    op: "juvenileCohort(id)",
    query: `query($id: ID!) { juvenileCohort(id: $id) { id name participants { code } achievements { title } thankYous { body } } }`,
    vars: () => ({ id: F.groups.cohort }),
    allowed: JUVENILE,
    secrets: () => [F.cohort.name, F.cohort.codes[0]!, F.wakameTitle, F.fishermanBody],
    audit: { entity: "JuvenileCohort", ids: () => [F.groups.cohort] },
  },
  {
    tier: "juvenile",
    data: "the cohort's logs with participant codes",
    op: "activityLogs(groupId: cohort) { participants { juvenileCode } }",
    query: `query($g: ID!) { activityLogs(groupId: $g, first: 1) { totalCount edges { node { id description participants { juvenileCode } } } } }`,
    vars: () => ({ g: F.groups.cohort }),
    allowed: JUVENILE,
    secrets: () => [F.cohort.newestLogId, F.cohort.newestLogCode],
    audit: { entity: "ActivityLog", ids: () => [F.cohort.newestLogId] },
  },
  {
    tier: "juvenile",
    data: "a cohort log's 訂正履歴 with participant codes",
    op: "activityLog(id: cohort log) { versions { juvenileCodes reason } }",
    query: `query($id: ID!) { activityLog(id: $id) { id versions { version reason juvenileCodes } } }`,
    vars: () => ({ id: F.cohortCorrected.id }),
    allowed: JUVENILE,
    refusal: () => "HIDDEN",
    secrets: () => [F.cohortCorrected.id, F.cohortCorrected.code, "確認のための訂正"],
    audit: { entity: "ActivityLog", ids: () => [F.cohortCorrected.id] },
  },
  {
    tier: "juvenile",
    data: "the cohort as a group",
    op: "group(id: cohort)",
    query: `query($id: ID!) { group(id: $id) { id name institution venue meetingSchedule description } }`,
    vars: () => ({ id: F.groups.cohort }),
    allowed: JUVENILE,
    refusal: () => "HIDDEN",
    secrets: () => [F.cohort.name, F.groups.cohort],
    audit: { ids: () => [F.groups.cohort] },
  },
  {
    tier: "juvenile",
    data: "the cohort in the list of groups",
    op: "groups",
    query: `{ groups { id name institution } }`,
    allowed: JUVENILE,
    refusal: () => "HIDDEN",
    secrets: () => [F.cohort.name, F.groups.cohort],
    audit: { ids: () => [F.groups.cohort] },
  },
  {
    tier: "juvenile",
    data: "the cohort in the list of groups, filtered by programme",
    op: `groups(programmeCode: "juvenile")`,
    query: `{ groups(programmeCode: "juvenile") { id name institution } }`,
    allowed: JUVENILE,
    refusal: () => "HIDDEN",
    secrets: () => [F.cohort.name, F.groups.cohort],
    audit: { ids: () => [F.groups.cohort] },
  },
  {
    tier: "juvenile",
    data: "events of the cohort",
    op: "events(groupId: cohort)",
    query: `query($g: ID!) { events(groupId: $g) { id title place } }`,
    vars: () => ({ g: F.groups.cohort }),
    allowed: JUVENILE,
    secrets: () => [F.cohortEvent.id, F.cohortEvent.title],
    audit: { ids: () => [F.cohortEvent.id, F.groups.cohort] },
  },
  {
    tier: "juvenile",
    data: "the cohort's events in the month view (calendar)",
    op: "calendar(from, to)",
    query: `{ calendar(from: "2026-12-01", to: "2026-12-31") { uid eventId title } }`,
    allowed: JUVENILE,
    refusal: () => "HIDDEN",
    secrets: () => [F.cohortEvent.id, F.cohortEvent.title],
    audit: { entity: "Event", ids: () => [F.cohortEvent.id] },
  },
  {
    tier: "juvenile",
    data: "the cohort's calendar",
    op: "calendar(groupId: cohort)",
    query: `query($g: ID!) { calendar(from: "2026-12-01", to: "2026-12-31", groupId: $g) { uid eventId title } }`,
    vars: () => ({ g: F.groups.cohort }),
    allowed: JUVENILE,
    secrets: () => [F.cohortEvent.id, F.cohortEvent.title],
    audit: { entity: "Event", ids: () => [F.cohortEvent.id] },
  },
  {
    tier: "child",
    data: "an event of 尾崎小's group in the month view (calendar)",
    op: "calendar(from, to)",
    query: `{ calendar(from: "2026-12-01", to: "2026-12-31") { uid eventId title } }`,
    allowed: ["staff", "coordinator.ozaki"],
    refusal: () => "HIDDEN",
    secrets: () => [F.schoolEvent.id],
    audit: { entity: "Event", ids: () => [F.schoolEvent.id] },
  },
  {
    tier: "juvenile",
    data: "the cohort's achievement (「バリ旨わかめ」完売)",
    op: "groupAchievements(groupId: cohort)",
    query: `query($g: ID!) { groupAchievements(groupId: $g) { id title } }`,
    vars: () => ({ g: F.groups.cohort }),
    allowed: JUVENILE,
    refusal: () => "HIDDEN",
    secrets: () => [F.wakameTitle],
    audit: { entity: "GroupAchievement", ids: () => [] },
  },
  {
    tier: "juvenile",
    data: "thank-yous to the cohort",
    op: "thankYous(toGroupId: cohort)",
    query: `query($g: ID!) { thankYous(toGroupId: $g, first: 20) { edges { node { id body fromName } } } }`,
    vars: () => ({ g: F.groups.cohort }),
    allowed: JUVENILE,
    refusal: () => "HIDDEN",
    secrets: () => [F.fishermanBody],
    audit: { entity: "ThankYouMessage", ids: () => [] },
  },
  {
    tier: "juvenile",
    data: "certificates to a youth and to the cohort",
    op: "certificates",
    query: `{ certificates(first: 100) { edges { node { id recipientKind juvenileParticipant { code } } } } }`,
    allowed: JUVENILE,
    refusal: () => "HIDDEN",
    secrets: () => [F.youthCertificateId, F.cohortCertificateId, "JUVENILE_PARTICIPANT"],
    audit: { entity: "Certificate", ids: () => [F.youthCertificateId, F.cohortCertificateId] },
  },
  {
    tier: "juvenile",
    data: "the programme in the year's report",
    op: `fiscalYearReport(${JUVENILE_FY}) { includesJuvenileProgramme byProgramme }`,
    query: `query($fy: Int!) { fiscalYearReport(fiscalYear: $fy) { includesJuvenileProgramme byProgramme { code name figures { activities hours } } } }`,
    vars: () => ({ fy: JUVENILE_FY }),
    allowed: JUVENILE,
    refusal: () => "HIDDEN",
    secrets: () => [`"includesJuvenileProgramme":true`, `"code":"juvenile"`, F.juvenileProgrammeName],
  },
  {
    tier: "juvenile",
    data: "the programme itself",
    op: "programmes",
    query: `{ programmes { code name } }`,
    allowed: JUVENILE,
    refusal: () => "HIDDEN",
    secrets: () => [`"code":"juvenile"`, F.juvenileProgrammeName],
  },
  {
    tier: "juvenile",
    data: "an export of the cohort's roster (少年法61条: nobody, not even staff)",
    op: "rosterCsv(groupId: cohort)",
    query: `query($g: ID!) { rosterCsv(groupId: $g) { filename text } }`,
    vars: () => ({ g: F.groups.cohort }),
    allowed: NOBODY,
    secrets: () => [F.cohort.name, ...F.cohort.codes],
  },
  {
    tier: "juvenile",
    data: "the programme in the report export (少年法61条: nobody, not even staff)",
    op: `fiscalYearReportCsv(${JUVENILE_FY}, PROGRAMME)`,
    query: `query($fy: Int!) { fiscalYearReportCsv(fiscalYear: $fy, breakdown: PROGRAMME) { filename text } }`,
    vars: () => ({ fy: JUVENILE_FY }),
    allowed: NOBODY,
    refusal: () => "HIDDEN",
    secrets: () => [F.juvenileProgrammeName],
  },

  // ── salon rosters: staff; that salon's leaders
  {
    tier: "salon",
    data: "the salon's roster",
    op: "group(さくら).roster { person { name } }",
    query: `query($g: ID!) { group(id: $g) { roster(first: 200) { totalCount edges { node { id person { id name } groupRole { code } } } } } }`,
    vars: () => ({ g: F.groups.salon }),
    allowed: SALON,
    secrets: () => [F.salonMember.legalName],
    audit: { entity: "Membership", ids: () => [F.salonMember.membershipId] },
  },
  {
    tier: "salon",
    data: "when each of the salon's members joined and took their role (kept across role changes)",
    op: "group(さくら).roster { joinedOn startedOn person { name } }",
    query: `query($g: ID!) { group(id: $g) { roster(first: 200, includeEnded: true) { edges { node { id joinedOn startedOn person { id name } } } } } }`,
    vars: () => ({ g: F.groups.salon }),
    allowed: SALON,
    secrets: () => [F.salonMember.legalName],
    audit: { entity: "Membership", ids: () => [F.salonMember.membershipId] },
  },
  {
    tier: "salon",
    data: "the salon's roster export",
    op: "rosterCsv(groupId: さくら)",
    query: `query($g: ID!) { rosterCsv(groupId: $g) { filename text } }`,
    vars: () => ({ g: F.groups.salon }),
    allowed: SALON,
    secrets: () => [F.salonMember.legalName],
    audit: { action: "export", entity: "Group", ids: () => [F.groups.salon] },
  },
  {
    tier: "salon",
    data: "another salon's roster (not the leader's own)",
    op: "group(other salon).roster { person { name } }",
    query: `query($g: ID!) { group(id: $g) { roster(first: 200) { edges { node { person { name } } } } } }`,
    vars: () => ({ g: F.groups.otherSalon }),
    allowed: STAFF_ONLY,
    secrets: () => [F.otherSalonMember],
  },
  {
    tier: "salon",
    data: "who came to the salon's sessions (names in its logs)",
    op: "activityLogs(groupId: さくら) { participants { person { name } } }",
    query: `query($g: ID!) { activityLogs(groupId: $g, first: 1) { edges { node { id participants { person { name } } } } } }`,
    vars: () => ({ g: F.groups.salon }),
    allowed: SALON,
    secrets: () => [F.salonLog.name],
    audit: { entity: "ActivityLog", ids: () => [F.salonLog.id] },
  },
  // ── notifications: the inbox shows a notification only while its reader may read its record's group
  {
    tier: "juvenile",
    data: "a notification about a cohort's record (the inbox)",
    op: "notifications (cohort)",
    query: `{ notifications(first: 50) { edges { node { title body bodyEn path } } } }`,
    allowed: JUVENILE,
    refusal: () => "HIDDEN",
    secrets: () => [F.notices.cohort],
  },
  {
    tier: "child",
    data: "a notification about a school group's record (the inbox)",
    op: "notifications (尾崎小)",
    query: `{ notifications(first: 50) { edges { node { title body } } } }`,
    allowed: OZAKI,
    refusal: () => "HIDDEN",
    secrets: () => [F.notices.ozaki],
  },
  {
    tier: "salon",
    data: "a notification about a salon's record (the inbox)",
    op: "notifications (さくら)",
    query: `{ notifications(first: 50, unreadOnly: true) { edges { node { title body } } } }`,
    allowed: SALON,
    refusal: () => "HIDDEN",
    secrets: () => [F.notices.salon],
  },
  // ── ボランティア活動保険: the lapse list is read per group (staff: the organisation); recording is staff's
  {
    tier: "salon",
    data: "the salon's uninsured members (保険未加入)",
    op: "insuranceLapses(groupId: さくら)",
    query: `query($g: ID!, $fy: Int) { insuranceLapses(fiscalYear: $fy, groupId: $g) { id name memberships { group { name } } } }`,
    vars: () => ({ g: F.groups.salon, fy: FY }),
    allowed: SALON,
    refusal: () => "HIDDEN",
    secrets: () => [F.salonLapse.legalName],
    audit: { entity: "Person", ids: () => [F.salonLapse.id] },
  },
  {
    tier: "child",
    data: "a school's uninsured children (保険未加入)",
    op: "insuranceLapses(groupId: 尾崎小)",
    query: `query($g: ID!, $fy: Int) { insuranceLapses(fiscalYear: $fy, groupId: $g) { id name } }`,
    vars: () => ({ g: F.groups.ozaki, fy: FY }),
    allowed: OZAKI,
    refusal: () => "HIDDEN",
    secrets: () => [F.ozakiLapse.legalName],
    audit: { entity: "Person", ids: () => [F.ozakiLapse.id] },
  },
  {
    tier: "child",
    data: "the 加入申込 CSV of uninsured people (children included)",
    op: "insuranceLapsesCsv(groupId: 尾崎小)",
    query: `query($g: ID!, $fy: Int) { insuranceLapsesCsv(fiscalYear: $fy, groupId: $g) { filename text } }`,
    vars: () => ({ g: F.groups.ozaki, fy: FY }),
    allowed: STAFF_ONLY,
    secrets: () => [F.ozakiLapse.legalName],
  },
  {
    tier: "child",
    data: "the audit trail, each row naming its target (a child's name)",
    op: "auditEvents(entity: ChildVolunteer) { target { name } }",
    query: `query($id: String!) { auditEvents(first: 5, entity: "ChildVolunteer", entityId: $id) { edges { node { target { kind name } } } } }`,
    vars: () => ({ id: F.ozakiChild.id }),
    allowed: STAFF_ONLY,
    secrets: () => [F.ozakiChild.legalName],
  },
  {
    tier: "child",
    data: "the audit trail CSV, each row naming its target (a child's name)",
    op: "auditEventsCsv(entity: ChildVolunteer)",
    query: `query($id: String!) { auditEventsCsv(entity: "ChildVolunteer", entityId: $id) { filename text } }`,
    vars: () => ({ id: F.ozakiChild.id }),
    allowed: STAFF_ONLY,
    secrets: () => [F.ozakiChild.legalName],
  },
  {
    tier: "child",
    data: "the year's insurance enrolments (children included)",
    op: "insuranceEnrolments(fiscalYear)",
    query: `query($fy: Int!) { insuranceEnrolments(fiscalYear: $fy) { id plan person { name } } }`,
    vars: () => ({ fy: FY }),
    allowed: STAFF_ONLY,
    secrets: () => [F.insuredChild],
  },
  {
    tier: "child",
    data: "who the insurance rollover would enrol (children included)",
    op: "previewInsuranceRollover(fiscalYear: next)",
    query: `query($fy: Int!) { previewInsuranceRollover(fiscalYear: $fy) { entries { name } } }`,
    vars: () => ({ fy: FY + 1 }),
    allowed: STAFF_ONLY,
    secrets: () => [F.insuredChild],
  },
  {
    tier: "account",
    data: "the organisation's accounts: e-mail addresses and access roles",
    op: "accounts",
    query: `{ accounts { id name email lastSignInAt roles { role scopeName } } }`,
    allowed: STAFF_ONLY,
    secrets: () => ["staff@hannan.example", F.invitee.email],
  },
  {
    tier: "account",
    data: "invitations: the invitee's e-mail and the state",
    op: "invitations",
    query: `{ invitations { id email state } }`,
    allowed: STAFF_ONLY,
    secrets: () => [F.invitee.email, F.invitee.invitationId],
  },
  {
    tier: "account",
    data: "undelivered mail: the recipient's address, the subject and the last error",
    op: "undeliveredMails",
    query: `{ undeliveredMails { id to subject status attempts lastError } }`,
    allowed: STAFF_ONLY,
    secrets: () => [F.undeliveredTo],
  },
];

interface Row extends Cell {
  account: Account;
  outcome: "allowed" | Refusal;
  label: string;
}

const rows: Row[] = cells.flatMap((cell) =>
  ACCOUNTS.map((account) => {
    const outcome = cell.allowed.includes(account) ? "allowed" : (cell.refusal?.(account) ?? "FORBIDDEN");
    return { ...cell, account, outcome, label: `[${cell.tier}] ${cell.data} · ${cell.op} · ${account} → ${outcome}` };
  }),
);

// ───────────────────────── setup ─────────────────────────

async function mutate<T>(client: TestClient, query: string, variables: Record<string, unknown>, field: string): Promise<T> {
  const a = await call(client, query, variables);
  const result = valueAt(a.data, [field]) as { __typename: string; data?: T } | null;
  if (!result?.data) throw new Error(`setup ${field} failed: ${a.text}`);
  return result.data;
}

async function loadFixture(): Promise<Fixture> {
  const db = server.db.prisma;
  const users = await db.user.findMany({
    where: { email: { in: ACCOUNTS.map((a) => `${a}@hannan.example`) } },
    include: { accessRoles: true },
  });
  const user = (a: Account) => {
    const u = users.find((x) => x.email === `${a}@hannan.example`);
    if (!u) throw new Error(`no demo account ${a}`);
    return u;
  };
  const scope = (a: Account) => user(a).accessRoles[0]!.groupId!;
  const orgId = user("staff").orgId;
  const groups = {
    ozaki: scope("coordinator.ozaki"),
    tottori: scope("coordinator.tottori-higashi"),
    eventBukai: scope("event-bukai"),
    salon: scope("salon-leader"),
    otherSalon: (
      await db.group.findFirstOrThrow({
        where: { orgId, programme: { code: "salon" }, id: { not: scope("salon-leader") }, memberships: { some: { endedOn: null } } },
        orderBy: { name: "asc" },
      })
    ).id,
    cohort: (
      await db.group.findFirstOrThrow({
        where: { orgId, programme: { privacyTier: "JUVENILE" }, juvenileParticipants: { some: {} } },
        orderBy: { startedOn: "desc" },
      })
    ).id,
  };
  const [ozakiGroup, tottoriGroup] = await Promise.all([
    db.group.findUniqueOrThrow({ where: { id: groups.ozaki } }),
    db.group.findUniqueOrThrow({ where: { id: groups.tottori } }),
  ]);

  const ozakiChildRow = await db.childVolunteer.findFirstOrThrow({
    where: { orgId, schoolId: ozakiGroup.schoolId!, status: "ACTIVE", guardianPhone: { not: null }, guardianEmail: { not: null } },
    include: { person: { include: { memberships: { where: { groupId: groups.ozaki, endedOn: null } } } } },
    orderBy: { id: "asc" },
  });
  const movedRow = await db.childVolunteer.findFirstOrThrow({
    where: {
      orgId,
      schoolId: tottoriGroup.schoolId!,
      guardianPhone: { not: null },
      person: { memberships: { some: { groupId: groups.ozaki, endedOn: { not: null } } } },
    },
    include: { person: true },
  });

  const ozakiLogRow = await db.activityLog.findFirstOrThrow({
    where: { groupId: groups.ozaki },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    include: { participants: { include: { person: { include: { childVolunteer: true } } } } },
  });
  const ozakiLogChild = ozakiLogRow.participants.find((p) => p.person?.childVolunteer?.schoolId === ozakiGroup.schoolId);

  const nicknamed = await db.person.findMany({
    where: { orgId, displayName: { not: null }, memberships: { some: { groupId: groups.eventBukai, endedOn: null } } },
    select: { id: true, displayName: true, legalName: true, legalNameKana: true },
    orderBy: { id: "asc" },
  });
  const signedUp = await db.signUp.findMany({
    where: { orgId, shift: { event: { groupId: groups.eventBukai } }, person: { displayName: { not: null } } },
    select: { person: { select: { legalName: true } } },
  });
  const bukaiLogs = await db.activityLog.findMany({
    where: { groupId: groups.eventBukai },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    take: 20,
    select: { participants: { select: { person: { select: { legalName: true, displayName: true } } } } },
  });

  const leaderPersonId = user("salon-leader").personId;
  const salonMembership = await db.membership.findFirstOrThrow({
    where: {
      groupId: groups.salon,
      endedOn: null,
      personId: { not: leaderPersonId ?? undefined },
      person: { displayName: null, childVolunteer: null },
    },
    include: { person: true },
    orderBy: { id: "asc" },
  });
  const otherSalonMember = await db.membership.findFirstOrThrow({
    where: { groupId: groups.otherSalon, endedOn: null, person: { displayName: null, memberships: { none: { groupId: groups.salon } } } },
    include: { person: true },
  });
  const salonLogRow = await db.activityLog.findFirstOrThrow({
    where: { groupId: groups.salon },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    include: { participants: { include: { person: true } } },
  });
  const salonLogName = salonLogRow.participants.find((p) => p.person && p.person.id !== leaderPersonId && !p.person.displayName)?.person
    ?.legalName;

  const cohortGroup = await db.group.findUniqueOrThrow({
    where: { id: groups.cohort },
    include: { juvenileParticipants: { orderBy: { code: "asc" } }, programme: true },
  });
  const cohortLog = await db.activityLog.findFirstOrThrow({
    where: { groupId: groups.cohort },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    include: { participants: { include: { juvenileParticipant: true } }, activityType: true },
  });
  const ozakiQueueLog = await db.activityLog.findFirstOrThrow({
    where: { groupId: groups.ozaki, status: "SUBMITTED", participants: { some: { person: { childVolunteer: { isNot: null } } } } },
    include: { participants: { include: { person: { include: { childVolunteer: true } } } } },
    orderBy: { id: "asc" },
  });
  const wakame = await db.groupAchievement.findFirstOrThrow({ where: { groupId: groups.cohort } });
  const fisherman = await db.thankYouMessage.findFirstOrThrow({ where: { toGroupId: groups.cohort, status: "APPROVED" } });
  const youthCert = await db.certificate.findFirstOrThrow({ where: { orgId, juvenileParticipantId: { not: null } } });
  const cohortCert = await db.certificate.findFirstOrThrow({ where: { orgId, groupId: groups.cohort } });

  // an event staff plan for the cohort, and one of 尾崎小's group with the Ozaki child signed up; the
  // demo's cohort ended with its season (March) and a closed group plans no event, so here it runs on
  await db.group.update({ where: { id: groups.cohort }, data: { endedOn: null } });
  const staff = as("staff");
  const createEvent = `mutation($i: CreateEventInput!) { createEvent(input: $i) { __typename ... on MutationCreateEventSuccess { data { id title } } } }`;
  const cohortEvent = await mutate<{ id: string; title: string }>(
    staff,
    createEvent,
    {
      i: {
        groupId: groups.cohort,
        title: "わかめ種付けの事前打合せ（グリーンサポーター）",
        place: "西鳥取漁港 作業場",
        startsAt: "2026-12-03T01:00:00Z",
        endsAt: "2026-12-03T03:00:00Z",
      },
    },
    "createEvent",
  );
  const schoolEvent = await mutate<{ id: string }>(
    staff,
    createEvent,
    { i: { groupId: groups.ozaki, title: "校区の一斉清掃", startsAt: "2026-12-05T00:30:00Z", endsAt: "2026-12-05T02:30:00Z" } },
    "createEvent",
  );
  const shift = await mutate<{ id: string }>(
    staff,
    `mutation($i: AddShiftInput!) { addShift(input: $i) { __typename ... on MutationAddShiftSuccess { data { id } } } }`,
    { i: { eventId: schoolEvent.id, title: "午前の部", startsAt: "2026-12-05T00:30:00Z", endsAt: "2026-12-05T02:30:00Z", capacity: 10 } },
    "addShift",
  );
  // staff correct the cohort's newest log (the same content): its former state is kept with its codes
  const cohortCodes = cohortLog.participants.flatMap((p) => (p.juvenileParticipant ? [p.juvenileParticipant.code] : []));
  await mutate<{ activityLog: { id: string } }>(
    staff,
    `mutation($i: UpdateActivityLogInput!) { updateActivityLog(input: $i) { __typename ... on MutationUpdateActivityLogSuccess { data { activityLog { id } } } } }`,
    {
      i: {
        id: cohortLog.id,
        expectedVersion: cohortLog.version,
        activityTypeCode: cohortLog.activityType.code,
        date: cohortLog.date.toISOString().slice(0, 10),
        minutes: cohortLog.minutes,
        juvenileCodes: cohortCodes,
        reason: "確認のための訂正",
      },
    },
    "updateActivityLog",
  );
  const signUp = await mutate<{ id: string }>(
    staff,
    `mutation($s: ID!, $p: ID!) { signUp(shiftId: $s, personId: $p) { __typename ... on MutationSignUpSuccess { data { id } } } }`,
    { s: shift.id, p: ozakiChildRow.personId },
    "signUp",
  );

  // ボランティア活動保険: the uninsured of さくら and of 尾崎小 this year, and an insured child
  const lapseOf = (groupId: string) =>
    db.person.findFirstOrThrow({
      where: {
        displayName: null,
        insuranceEnrolments: { none: { fiscalYear: FY } },
        memberships: { some: { groupId, endedOn: null } },
        AND: [{ memberships: { none: { groupId: { not: groupId }, endedOn: null } } }],
      },
      select: { id: true, legalName: true },
      orderBy: { id: "asc" },
    });
  const salonLapse = await lapseOf(groups.salon);
  const ozakiLapse = await lapseOf(groups.ozaki);
  const insuredChild = await db.person.findFirstOrThrow({
    where: {
      childVolunteer: { isNot: null },
      insuranceEnrolments: { some: { fiscalYear: FY } },
      memberships: { some: { groupId: groups.ozaki, endedOn: null } },
    },
    select: { legalName: true },
    orderBy: { id: "asc" },
  });

  // the person master's contact details, on records whose names the group's accounts may see
  const contactsOf = async (personId: string, key: string) => {
    const phone = `06-0000-${key}`;
    const email = `contact-${key}@privacy.example`;
    await db.person.update({ where: { id: personId }, data: { phone, email, address: `大阪府阪南市 連絡先${key}` } });
    return [phone, email];
  };
  const contacts = {
    salonPersonId: salonMembership.personId,
    salon: await contactsOf(salonMembership.personId, "7101"),
    network: await contactsOf(nicknamed[0]!.id, "7102"),
    child: await contactsOf(ozakiChildRow.personId, "7103"),
  };

  // a second organisation (社協) with one staff account and a salon of its own
  const other = await db.organization.create({
    data: {
      slug: `other-${randomUUID().slice(0, 8)}`,
      name: "よその町社会福祉協議会",
      nameEn: "Another Town Council of Social Welfare",
      municipality: "よその町",
    },
  });
  const programme = await db.programme.create({
    data: { orgId: other.id, code: "salon", name: "サロン", nameEn: "Salons", privacyTier: "SALON" },
  });
  const kind = await db.groupKind.create({
    data: { orgId: other.id, programmeId: programme.id, code: "salon", name: "サロン", nameEn: "Salon" },
  });
  const otherGroup = await db.group.create({
    data: { orgId: other.id, programmeId: programme.id, kindId: kind.id, name: "よその町 ふれあいサロン" },
  });
  const otherUserId = randomUUID();
  await db.user.create({ data: { id: otherUserId, name: "余所 職員", email: OTHER_EMAIL, emailVerified: true, orgId: other.id } });
  await db.accessRoleAssignment.create({ data: { orgId: other.id, userId: otherUserId, role: "STAFF" } });
  await db.account.create({
    data: {
      id: randomUUID(),
      accountId: otherUserId,
      providerId: "credential",
      userId: otherUserId,
      password: await hashPassword(OTHER_PASSWORD),
    },
  });

  // an invitation to a new account (a salon leader of さくら), as staff send it
  const inviteeId = randomUUID();
  const inviteeEmail = "invitee.privacy@hannan.example";
  await db.user.create({ data: { id: inviteeId, name: "招待 花子", email: inviteeEmail, orgId } });
  await db.accessRoleAssignment.create({ data: { orgId, userId: inviteeId, role: "SALON_LEADER", groupId: groups.salon } });
  const invitation = await db.invitation.create({
    data: { orgId, userId: inviteeId, email: inviteeEmail, tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) },
  });
  // a mail the outbox gave up on: undeliveredMails names its recipient and subject (staff only)
  const undeliveredTo = "undelivered.privacy@hannan.example";
  await db.mailOutbox.create({
    data: {
      orgId,
      to: undeliveredTo,
      subject: "届かなかったお知らせ",
      text: "",
      status: "FAILED",
      attempts: 10,
      lastError: "550 no such user",
    },
  });
  // a row of the audit trail about the Ozaki child: auditEvents names its target (staff only)
  await db.auditEvent.create({
    data: { orgId, actorId: user("coordinator.ozaki").id, action: "read", entity: "ChildVolunteer", entityId: ozakiChildRow.id },
  });

  // a notification about each of three groups' records in every account's inbox (as if notify had
  // been called before the roles changed): the inbox shows each only to those who may read the group
  const notices = { cohort: "お知らせ・少年院の記録", ozaki: "お知らせ・尾崎小の記録", salon: "お知らせ・さくらの記録" };
  await db.notification.createMany({
    data: ACCOUNTS.flatMap((a) =>
      (["cohort", "ozaki", "salon"] as const).map((g) => ({
        orgId,
        recipientId: user(a).id,
        kind: "THANK_YOU_APPROVED" as const,
        subjectType: "GROUP" as const,
        subjectId: groups[g],
        groupId: groups[g],
        params: { group: notices[g], receivedOn: "2026-11-20" },
        dedupeKey: `privacy-${g}`,
      })),
    ),
  });

  return {
    orgId,
    notices,
    invitee: { email: inviteeEmail, invitationId: invitation.id },
    undeliveredTo,
    userIds: Object.fromEntries(ACCOUNTS.map((a) => [a, user(a).id])) as Record<Account, string>,
    groups,
    ozakiChild: {
      id: ozakiChildRow.id,
      personId: ozakiChildRow.personId,
      membershipId: ozakiChildRow.person.memberships[0]!.id,
      legalName: ozakiChildRow.person.legalName,
      guardianName: ozakiChildRow.guardianName,
      guardianPhone: ozakiChildRow.guardianPhone!,
      guardianEmail: ozakiChildRow.guardianEmail!,
    },
    movedChild: { id: movedRow.id, legalName: movedRow.person.legalName, guardianPhone: movedRow.guardianPhone! },
    ozakiLog: { id: ozakiLogRow.id, childName: ozakiLogChild!.person!.legalName },
    ozakiQueueChild: ozakiQueueLog.participants.find((p) => p.person?.childVolunteer)!.person!.legalName,
    cohortCorrected: { id: cohortLog.id, code: cohortCodes[0]! },
    nicknamed: nicknamed.map((p) => ({ ...p, displayName: p.displayName! })),
    signedUpNicknamedLegalNames: [...new Set(signedUp.map((s) => s.person.legalName))],
    loggedNicknamedLegalNames: [
      ...new Set(bukaiLogs.flatMap((l) => l.participants.flatMap((p) => (p.person?.displayName ? [p.person.legalName] : [])))),
    ],
    salonMember: { legalName: salonMembership.person.legalName, membershipId: salonMembership.id },
    otherSalonMember: otherSalonMember.person.legalName,
    salonLog: { id: salonLogRow.id, name: salonLogName! },
    cohort: {
      name: cohortGroup.name,
      codes: cohortGroup.juvenileParticipants.map((p) => p.code),
      newestLogId: cohortLog.id,
      newestLogCode: cohortLog.participants.find((p) => p.juvenileParticipant)!.juvenileParticipant!.code,
    },
    wakameTitle: wakame.title,
    fishermanBody: fisherman.body,
    youthCertificateId: youthCert.id,
    cohortCertificateId: cohortCert.id,
    juvenileProgrammeName: cohortGroup.programme.name,
    cohortEvent,
    schoolEvent: { id: schoolEvent.id, signUpId: signUp.id },
    other: { orgId: other.id, userId: otherUserId, groupId: otherGroup.id, groupName: otherGroup.name },
    salonLapse,
    ozakiLapse,
    insuredChild: insuredChild.legalName,
    contacts,
  };
}

beforeAll(async () => {
  server = await startTestServer();
  await Promise.all(ACCOUNTS.map(async (a) => clients.set(a, await server.signIn(a))));
  F = await loadFixture();
  clients.set("other", await server.signIn(OTHER_EMAIL, OTHER_PASSWORD));
});
afterAll(() => server?.close());

describe("the fixture", () => {
  it("has every kind of restricted record the matrix reads", () => {
    expect(F.nicknamed.length).toBeGreaterThanOrEqual(2);
    expect(F.signedUpNicknamedLegalNames.length).toBeGreaterThan(0);
    expect(F.loggedNicknamedLegalNames.length).toBeGreaterThan(0);
    expect(F.cohort.codes.length).toBeGreaterThan(0);
    expect(F.ozakiLog.childName).toBeTruthy();
    expect(F.salonLog.name).toBeTruthy();
    // the names differ from what the 部会 sees (表示名), so finding one proves the legal name leaked
    for (const p of F.nicknamed) expect(p.legalName).not.toBe(p.displayName);
  });
});

// ───────────────────────── the tiers, cell by cell ─────────────────────────

describe("privacy tiers × demo accounts", () => {
  for (const row of rows)
    it(row.label, async () => {
      const a = await call(as(row.account), row.query, row.vars?.() ?? {});
      expect(a.status).toBe(200);
      const secrets = row.secrets();
      expect(secrets.length, "the cell names values to look for").toBeGreaterThan(0);

      if (row.outcome === "allowed") {
        expect(a.errors, a.text.slice(0, 600)).toBeUndefined();
        for (const s of secrets) expect(a.text, `${row.account} sees ${s}`).toContain(s);
      } else {
        for (const s of secrets) expect(a.text, `${row.account} must not see ${s}`).not.toContain(s);
        if (row.outcome === "FORBIDDEN") expectForbidden(a);
        else expect(a.errors, a.text.slice(0, 600)).toBeUndefined();
      }

      const trail = await auditsOf(a.requestId);
      if (row.account === "staff") {
        expect(
          trail.filter((e) => e.action === "read"),
          "staff reads leave no read entries",
        ).toEqual([]);
      } else if (row.outcome === "allowed" && row.audit) {
        const { action = "read", entity, ids } = row.audit;
        const entries = trail.filter((e) => e.action === action && (!entity || e.entity === entity));
        expect(
          entries.map((e) => `${e.action} ${e.entity}`),
          `a ${row.account} read of ${row.data} (${row.op}) must leave a "${action}" audit entry${entity ? ` for ${entity}` : ""}`,
        ).not.toHaveLength(0);
        for (const e of entries) {
          expect(e.actorId).toBe(F.userIds[row.account]);
          expect(e.orgId).toBe(F.orgId);
        }
        const wanted = ids();
        if (wanted.length > 0) {
          const named = entries.some((e) => wanted.some((id) => e.entityId === id || JSON.stringify(e.details ?? null).includes(id)));
          expect(named, `the audit entry names the record read (one of ${wanted.join(", ")})`).toBe(true);
        }
      }
    });

  it.each(ACCOUNTS.map((account) => ({ account, allowed: JUVENILE.includes(account) })))(
    "[juvenile] a youth's certificate PDF · GET /api/certificates/:id.pdf · $account → allowed: $allowed",
    async ({ account, allowed }) => {
      const res = await as(account).fetch(`/api/certificates/${F.youthCertificateId}.pdf`);
      const trail = await auditsOf(res.headers.get("x-request-id")!);
      if (allowed) {
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toContain("application/pdf");
      } else {
        // the certificate exists in the viewer's organisation: FORBIDDEN (403), not NOT_FOUND
        expect(res.status).toBe(403);
        expect(await res.json()).toMatchObject({ code: "FORBIDDEN", messageEn: expect.any(String) });
      }
      if (account === "staff") expect(trail.filter((e) => e.action === "read")).toEqual([]);
      if (account === "liaison")
        expect(trail.some((e) => e.action === "read" && e.entity === "Certificate" && e.entityId === F.youthCertificateId)).toBe(true);
    },
  );
});

describe("calendar subscription feeds (GET /calendar/<token>.ics) hold what the account may read", () => {
  const ISSUE = `mutation($g: ID) { issueCalendarFeed(groupId: $g) { __typename ... on Error { code } ... on MutationIssueCalendarFeedSuccess { data { url } } } }`;
  it.each(
    ACCOUNTS.map((account) => ({ account, juvenile: JUVENILE.includes(account), ozaki: ["staff", "coordinator.ozaki"].includes(account) })),
  )(
    "$account: its own feed has the cohort's event: $juvenile, 尾崎小's event: $ozaki; a cohort feed only for staff and the liaison",
    async ({ account, juvenile, ozaki }) => {
      const own = await call(as(account), ISSUE, {});
      const url = (valueAt(own.data, ["issueCalendarFeed", "data", "url"]) as string | null) ?? "";
      expect(url, own.text).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const feed = await as(account).fetch(new URL(url).pathname);
      expect(feed.status).toBe(200);
      const text = await feed.text();
      expect(text.includes(`event-${F.cohortEvent.id}@`), "the cohort's event").toBe(juvenile);
      expect(text.includes(F.cohortEvent.title.slice(0, 8)), "the cohort's event title").toBe(juvenile);
      expect(text.includes(`event-${F.schoolEvent.id}@`), "尾崎小's event").toBe(ozaki);
      // a feed never carries a person: no signed-up child's name
      expect(text).not.toContain(F.ozakiChild.legalName);
      const cohort = await call(as(account), ISSUE, { g: F.groups.cohort });
      const result = valueAt(cohort.data, ["issueCalendarFeed"]) as { __typename: string; code?: string };
      if (juvenile) expect(result.__typename).toBe("MutationIssueCalendarFeedSuccess");
      else expect(result).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    },
  );
});

describe("the person master (edit, duplicates, merge): staff only", () => {
  /** a mutation refused as FORBIDDEN: its union's ForbiddenError, or a FORBIDDEN error on the field */
  const expectRefused = (a: Answer, field: string) => {
    const result = valueAt(a.data, [field]) as { __typename?: string; code?: string } | null;
    if (result?.__typename === "ForbiddenError") expect(result.code).toBe("FORBIDDEN");
    else expectForbidden(a);
  };
  it.each(ACCOUNTS.filter((a) => a !== "staff"))(
    "%s · updatePerson, mergePeople, possibleDuplicatePeople → FORBIDDEN, nothing changed",
    async (account) => {
      const db = server.db.prisma;
      const salonPerson = await db.person.findUniqueOrThrow({ where: { id: F.contacts.salonPersonId } });
      const other = await db.person.findFirstOrThrow({ where: { orgId: F.orgId, id: { not: salonPerson.id }, childVolunteer: null } });
      const edit = await call(
        as(account),
        `mutation($i: UpdatePersonInput!) { updatePerson(input: $i) { __typename ... on Error { code } ... on MutationUpdatePersonSuccess { data { id } } } }`,
        {
          i: {
            personId: salonPerson.id,
            expectedUpdatedAt: salonPerson.updatedAt.toISOString(),
            legalName: "書き換え 太郎",
            legalNameKana: "かきかえ たろう",
          },
        },
      );
      expectRefused(edit, "updatePerson");
      const merge = await call(
        as(account),
        `mutation($i: MergePeopleInput!) { mergePeople(input: $i) { __typename ... on Error { code } ... on MutationMergePeopleSuccess { data { id } } } }`,
        { i: { survivorId: salonPerson.id, mergedId: other.id } },
      );
      expectRefused(merge, "mergePeople");
      const dupes = await call(
        as(account),
        `query($n: String!, $k: String!) { possibleDuplicatePeople(legalName: $n, legalNameKana: $k) { id name } }`,
        {
          n: salonPerson.legalName,
          k: salonPerson.legalNameKana,
        },
      );
      expectForbidden(dupes);
      expect(dupes.text).not.toContain(salonPerson.legalName);
      const after = await db.person.findUniqueOrThrow({ where: { id: salonPerson.id } });
      expect(after.legalName).toBe(salonPerson.legalName);
      expect(await db.person.count({ where: { id: other.id } })).toBe(1);
    },
  );
});

// ───────────────────────── aggregate counts: any signed-in account of the organisation ─────────────────────────

describe("aggregate counts (hours, people, activities)", () => {
  const REPORT = `query($fy: Int!) { fiscalYearReport(fiscalYear: $fy) { includesJuvenileProgramme totals { activities minutes hours volunteers peopleServed } } }`;

  async function expectedTotals(fiscalYear: number, includeJuvenile: boolean) {
    const where = {
      orgId: F.orgId,
      fiscalYear,
      status: "APPROVED" as const,
      ...(includeJuvenile ? {} : { group: { programme: { privacyTier: { not: "JUVENILE" as const } } } }),
    };
    const [activities, minutes] = await Promise.all([
      server.db.prisma.activityLog.count({ where }),
      server.db.prisma.activityLogParticipant.aggregate({ _sum: { minutes: true }, where: { activityLog: where } }),
    ]);
    return { activities, minutes: minutes._sum.minutes ?? 0 };
  }

  it.each(ACCOUNTS)(`fiscalYearReport(${FY}) totals · %s → allowed, the organisation's figures`, async (account) => {
    const a = await call(as(account), REPORT, { fy: FY });
    expect(a.errors).toBeUndefined();
    const report = valueAt(a.data, ["fiscalYearReport"]) as {
      includesJuvenileProgramme: boolean;
      totals: { activities: number; minutes: number; volunteers: number };
    };
    const expected = await expectedTotals(FY, JUVENILE.includes(account));
    expect(expected.activities).toBeGreaterThan(0);
    expect(report.totals).toMatchObject(expected);
    expect(report.totals.volunteers).toBeGreaterThan(0);
    // aggregates are not tier-restricted records: nothing to audit
    expect((await auditsOf(a.requestId)).filter((e) => e.action === "read")).toEqual([]);
  });

  it.each(ACCOUNTS)("groups { activeMemberCount } of rosters the account may not read · %s → allowed, same counts", async (account) => {
    const a = await call(as(account), `{ groups { id activeMemberCount } }`);
    expect(a.errors).toBeUndefined();
    const list = valueAt(a.data, ["groups"]) as Array<{ id: string; activeMemberCount: number }>;
    for (const id of [F.groups.ozaki, F.groups.tottori, F.groups.eventBukai, F.groups.salon, F.groups.otherSalon]) {
      const count = await server.db.prisma.membership.count({ where: { groupId: id, endedOn: null } });
      expect(count).toBeGreaterThan(0);
      expect(list.find((g) => g.id === id)?.activeMemberCount, `count of ${id}`).toBe(count);
    }
  });

  it("signed out → refused (FORBIDDEN), no figures", async () => {
    const res = await server.anonymous.graphql(REPORT, { fy: FY });
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toContain("FORBIDDEN");
    const groups = await server.anonymous.graphql(`{ groups { id activeMemberCount } }`);
    expect(groups.data ?? null).toBeNull();
    expect(groups.errors?.map((e) => e.extensions?.code)).toContain("FORBIDDEN");
  });
});

// ───────────────────────── nobody sees another organisation ─────────────────────────

describe("another organisation's staff sees nothing of Hannan", () => {
  /** values of Hannan's records; none may appear in any answer to the other organisation */
  const hannan = () => [
    F.orgId,
    "阪南",
    F.cohort.name,
    F.wakameTitle,
    F.fishermanBody,
    F.ozakiChild.legalName,
    F.ozakiChild.guardianPhone,
    F.salonMember.legalName,
    F.otherSalonMember,
    ...F.nicknamed.flatMap((p) => [p.legalName, p.displayName]),
    ...F.cohort.codes,
    ...Object.values(F.groups),
    ...Object.values(F.userIds),
    F.youthCertificateId,
    F.cohortCertificateId,
    F.cohortEvent.id,
    F.ozakiLog.id,
  ];

  interface CrossCell {
    op: string;
    query: string;
    vars?: () => Record<string, unknown>;
    /** FORBIDDEN, or EMPTY/NULL (the API's not-found choice: nothing there, no error) */
    expect: "FORBIDDEN" | "EMPTY";
    check?: (data: unknown) => void;
  }

  const crossCells: CrossCell[] = [
    {
      op: "groups",
      query: `{ groups { id name } }`,
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["groups"])).toEqual([{ id: F.other.groupId, name: F.other.groupName }]),
    },
    {
      op: "programmes",
      query: `{ programmes { code name } }`,
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["programmes"])).toHaveLength(1),
    },
    {
      op: "organization",
      query: `{ organization { id name } }`,
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["organization", "id"])).toBe(F.other.orgId),
    },
    {
      op: "group(id: Hannan salon) { roster }",
      query: `query($id: ID!) { group(id: $id) { id name roster(first: 10) { edges { node { id } } } } }`,
      vars: () => ({ id: F.groups.salon }),
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["group"])).toBeNull(),
    },
    {
      op: "group(id: Hannan school)",
      query: `query($id: ID!) { group(id: $id) { id name } }`,
      vars: () => ({ id: F.groups.ozaki }),
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["group"])).toBeNull(),
    },
    {
      op: "childVolunteers(groupId: Hannan school)",
      query: `query($g: ID!) { childVolunteers(groupId: $g) { id person { name } } }`,
      vars: () => ({ g: F.groups.ozaki }),
      expect: "FORBIDDEN",
    },
    {
      op: "childVolunteer(id: Hannan child)",
      query: `query($id: ID!) { childVolunteer(id: $id) { id guardianName person { name } } }`,
      vars: () => ({ id: F.ozakiChild.id }),
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["childVolunteer"])).toBeNull(),
    },
    {
      op: "activityLogs",
      query: `{ activityLogs(first: 50) { totalCount edges { node { id } } } }`,
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["activityLogs", "totalCount"])).toBe(0),
    },
    {
      op: "activityLogs(groupId: Hannan salon)",
      query: `query($g: ID!) { activityLogs(groupId: $g, first: 5) { edges { node { id } } } }`,
      vars: () => ({ g: F.groups.salon }),
      expect: "FORBIDDEN",
    },
    {
      op: "approvalQueue",
      query: `{ approvalQueue { id } }`,
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["approvalQueue"])).toEqual([]),
    },
    {
      op: "rosterCsv(groupId: Hannan salon)",
      query: `query($g: ID!) { rosterCsv(groupId: $g) { text } }`,
      vars: () => ({ g: F.groups.salon }),
      expect: "FORBIDDEN",
    },
    {
      op: "thankYous",
      query: `{ thankYous(first: 50) { edges { node { id body } } } }`,
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["thankYous", "edges"])).toEqual([]),
    },
    {
      op: "thankYous(toGroupId: Hannan cohort)",
      query: `query($g: ID!) { thankYous(toGroupId: $g, first: 5) { edges { node { id } } } }`,
      vars: () => ({ g: F.groups.cohort }),
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["thankYous", "edges"])).toEqual([]),
    },
    {
      op: "recentThankYous",
      query: `{ recentThankYous(first: 20) { id body } }`,
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["recentThankYous"])).toEqual([]),
    },
    {
      op: "moderationQueue",
      query: `{ moderationQueue(first: 20) { edges { node { id } } } }`,
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["moderationQueue", "edges"])).toEqual([]),
    },
    {
      op: "notifications",
      query: `{ unreadNotificationCount notifications(first: 50) { edges { node { id body } } } }`,
      expect: "EMPTY",
      check: (d) => {
        expect(valueAt(d, ["notifications", "edges"])).toEqual([]);
        expect(valueAt(d, ["unreadNotificationCount"])).toBe(0);
      },
    },
    {
      op: "certificates",
      query: `{ certificates(first: 50) { edges { node { id } } } }`,
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["certificates", "edges"])).toEqual([]),
    },
    {
      op: "groupAchievements",
      query: `{ groupAchievements(first: 100) { id title } }`,
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["groupAchievements"])).toEqual([]),
    },
    {
      op: "juvenileCohorts",
      query: `{ juvenileCohorts { id name participants { code } } }`,
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["juvenileCohorts"])).toEqual([]),
    },
    {
      op: "juvenileCohort(id: Hannan cohort)",
      query: `query($id: ID!) { juvenileCohort(id: $id) { id name } }`,
      vars: () => ({ id: F.groups.cohort }),
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["juvenileCohort"])).toBeNull(),
    },
    { op: "events", query: `{ events { id title } }`, expect: "EMPTY", check: (d) => expect(valueAt(d, ["events"])).toEqual([]) },
    {
      op: "event(id: Hannan event)",
      query: `query($id: ID!) { event(id: $id) { id title } }`,
      vars: () => ({ id: F.cohortEvent.id }),
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["event"])).toBeNull(),
    },
    {
      op: "events(groupId: Hannan 部会)",
      query: `query($g: ID!) { events(groupId: $g) { id } }`,
      vars: () => ({ g: F.groups.eventBukai }),
      expect: "FORBIDDEN",
    },
    {
      op: "meetingMinutes(groupId: Hannan 部会)",
      query: `query($g: ID!) { meetingMinutes(groupId: $g) { id body } }`,
      vars: () => ({ g: F.groups.eventBukai }),
      expect: "FORBIDDEN",
    },
    {
      op: `fiscalYearReport(${JUVENILE_FY}) (its own zeros)`,
      query: `query($fy: Int!) { fiscalYearReport(fiscalYear: $fy) { totals { activities minutes volunteers peopleServed } byProgramme { code } } }`,
      vars: () => ({ fy: JUVENILE_FY }),
      expect: "EMPTY",
      check: (d) =>
        expect(valueAt(d, ["fiscalYearReport"])).toEqual({
          totals: { activities: 0, minutes: 0, volunteers: 0, peopleServed: 0 },
          byProgramme: [],
        }),
    },
    {
      op: "insuranceLapses (its own people only)",
      query: `query($fy: Int) { insuranceLapses(fiscalYear: $fy) { id name } }`,
      vars: () => ({ fy: FY }),
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["insuranceLapses"])).toEqual([]),
    },
    {
      op: "insuranceLapses(groupId: Hannan salon)",
      query: `query($g: ID!, $fy: Int) { insuranceLapses(fiscalYear: $fy, groupId: $g) { id name } }`,
      vars: () => ({ g: F.groups.salon, fy: FY }),
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["insuranceLapses"])).toEqual([]),
    },
    {
      op: "insuranceLapsesCsv (a header only)",
      query: `query($fy: Int) { insuranceLapsesCsv(fiscalYear: $fy) { text } }`,
      vars: () => ({ fy: FY }),
      expect: "EMPTY",
      check: (d) =>
        expect(
          String(valueAt(d, ["insuranceLapsesCsv", "text"]))
            .trim()
            .split("\r\n"),
        ).toHaveLength(1),
    },
    {
      op: "insuranceEnrolments",
      query: `query($fy: Int!) { insuranceEnrolments(fiscalYear: $fy) { id person { name } } }`,
      vars: () => ({ fy: FY }),
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["insuranceEnrolments"])).toEqual([]),
    },
    {
      op: "previewInsuranceRollover",
      query: `query($fy: Int!) { previewInsuranceRollover(fiscalYear: $fy) { entries { name } alreadyEnrolledCount notCurrentCount } }`,
      vars: () => ({ fy: FY + 1 }),
      expect: "EMPTY",
      check: (d) => expect(valueAt(d, ["previewInsuranceRollover"])).toEqual({ entries: [], alreadyEnrolledCount: 0, notCurrentCount: 0 }),
    },
    {
      op: "enrolInsurance(a Hannan person) → not found, nothing written",
      query: `mutation($i: EnrolInsuranceInput!) { enrolInsurance(input: $i) { __typename ... on InvalidInputError { issues { path messageEn } } } }`,
      vars: () => ({ i: { personIds: [F.salonLapse.id], fiscalYear: FY, plan: "基本タイプ", enrolledOn: "2026-11-01" } }),
      expect: "EMPTY",
      check: (d) =>
        expect(valueAt(d, ["enrolInsurance"])).toEqual({
          __typename: "InvalidInputError",
          issues: [{ path: "input.personIds.0", messageEn: "The person was not found." }],
        }),
    },
    {
      op: "accounts (their own only)",
      query: `{ accounts { id email } invitations { id email } }`,
      expect: "EMPTY",
      check: (d) => {
        expect(valueAt(d, ["accounts"])).toEqual([{ id: F.other.userId, email: OTHER_EMAIL }]);
        expect(valueAt(d, ["invitations"])).toEqual([]);
      },
    },
    {
      op: "grantAccessRole(a Hannan account) → not found, nothing written",
      query: `mutation($i: GrantAccessRoleInput!) { grantAccessRole(input: $i) { __typename ... on Error { code messageEn } } }`,
      vars: () => ({ i: { userId: F.userIds["salon-leader"], role: "STAFF" } }),
      expect: "EMPTY",
      check: (d) =>
        expect(valueAt(d, ["grantAccessRole"])).toEqual({
          __typename: "NotFoundError",
          code: "NOT_FOUND",
          messageEn: "The account was not found.",
        }),
    },
    {
      op: "auditEvents",
      query: `{ auditEvents(first: 100) { edges { node { actorId entity entityId } } } }`,
      expect: "EMPTY",
      check: (d) => expect(JSON.stringify(valueAt(d, ["auditEvents"]))).not.toContain(F.userIds.staff),
    },
  ];

  it.each(crossCells)("other organisation's staff · $op → $expect", async (cell) => {
    const a = await call(clients.get("other")!, cell.query, cell.vars?.() ?? {});
    for (const s of hannan()) expect(a.text, `must not see Hannan's ${s}`).not.toContain(s);
    if (cell.expect === "FORBIDDEN") expectForbidden(a);
    else expect(a.errors, a.text.slice(0, 600)).toBeUndefined();
    cell.check?.(a.data);
    expect((await auditsOf(a.requestId)).filter((e) => e.action === "read")).toEqual([]);
  });

  it("other organisation's staff · GET a Hannan certificate PDF → 404 NOT_FOUND (not even FORBIDDEN: it does not exist for them)", async () => {
    const res = await clients.get("other")!.fetch(`/api/certificates/${F.cohortCertificateId}.pdf`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("and Hannan's staff sees nothing of the other organisation", async () => {
    const a = await call(as("staff"), `query($id: ID!) { group(id: $id) { id name } groups { id } }`, { id: F.other.groupId });
    expect(a.errors).toBeUndefined();
    expect(valueAt(a.data, ["group"])).toBeNull();
    expect(a.text).not.toContain(F.other.groupId);
    expect(a.text).not.toContain(F.other.groupName);
  });
});

// ───────────────────────── the audit trail, over everything above ─────────────────────────

describe("audit trail", () => {
  it("staff (of either organisation) left no read entries; each non-staff account that read restricted records did", async () => {
    const reads = await server.db.prisma.auditEvent.groupBy({ by: ["actorId"], where: { action: "read" }, _count: true });
    const count = (userId: string) => reads.find((r) => r.actorId === userId)?._count ?? 0;
    expect(count(F.userIds.staff)).toBe(0);
    expect(count(F.other.userId)).toBe(0);
    for (const account of ACCOUNTS.filter((a) => a !== "staff")) expect(count(F.userIds[account]), account).toBeGreaterThan(0);
    // and every entry stays in Hannan's trail, never in the other organisation's
    expect(await server.db.prisma.auditEvent.count({ where: { orgId: F.other.orgId, action: "read" } })).toBe(0);
  });
});
