// Activity logs and milestones over HTTP, as the demo accounts: logging (leaders, coordinators,
// the institution liaison by code), guardian consent, insurance flags, bulk approval with
// milestones, rejection, and who may see what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestClient, type TestServer } from "../testing.ts";

let server: TestServer;
let staff: TestClient;
let salonLeader: TestClient;
let ozaki: TestClient;
let liaison: TestClient;
let salon01: string;
let salon02: string;
let schoolOzaki: string;

/** A day in the past that every test may log on (TEST_TODAY is 2026-11-26). */
const DAY = "2026-11-20";
const DAY_DATE = new Date(`${DAY}T00:00:00Z`);

const LOG = /* GraphQL */ `
  mutation ($input: LogActivityInput!) {
    logActivity(input: $input) {
      __typename
      ... on MutationLogActivitySuccess {
        data {
          uninsuredCount
          uninsuredParticipants {
            id
            name
          }
          activityLog {
            id
            status
            fiscalYear
            minutes
            uninsuredCount
            submittedBy {
              name
            }
            participants {
              minutes
              uninsured
              juvenileCode
              person {
                id
              }
            }
          }
        }
      }
      ... on Error {
        message
        messageEn
        code
      }
      ... on InvalidInputError {
        issues {
          path
          message
          messageEn
        }
      }
    }
  }
`;

const APPROVE = /* GraphQL */ `
  mutation ($ids: [ID!]!) {
    approveActivityLogs(ids: $ids) {
      __typename
      ... on MutationApproveActivityLogsSuccess {
        data {
          activityLogs {
            id
            status
            reviewedBy {
              name
            }
          }
          newMilestoneAwards {
            id
            activityLogId
            juvenileCode
            person {
              id
            }
            milestone {
              code
              kind
              threshold
            }
          }
        }
      }
      ... on Error {
        message
        messageEn
        code
      }
      ... on InvalidInputError {
        issues {
          path
          message
          messageEn
        }
      }
    }
  }
`;

const REJECT = /* GraphQL */ `
  mutation ($ids: [ID!]!, $reason: String!) {
    rejectActivityLogs(ids: $ids, reason: $reason) {
      __typename
      ... on MutationRejectActivityLogsSuccess {
        data {
          activityLogs {
            id
            status
            rejectionReason
          }
        }
      }
      ... on Error {
        message
        messageEn
        code
      }
      ... on InvalidInputError {
        issues {
          path
          message
          messageEn
        }
      }
    }
  }
`;

interface LogResult {
  logActivity: {
    __typename: string;
    data?: {
      uninsuredCount: number;
      uninsuredParticipants: Array<{ id: string; name: string | null }>;
      activityLog: {
        id: string;
        status: string;
        fiscalYear: number;
        minutes: number;
        uninsuredCount: number;
        submittedBy: { name: string } | null;
        participants: Array<{ minutes: number; uninsured: boolean; juvenileCode: string | null; person: { id: string } | null }>;
      };
    };
    message?: string;
    messageEn?: string;
    code?: string;
    issues?: Array<{ path: string; message: string; messageEn: string }>;
  };
}

interface ApproveResult {
  approveActivityLogs: {
    __typename: string;
    data?: {
      activityLogs: Array<{ id: string; status: string; reviewedBy: { name: string } | null }>;
      newMilestoneAwards: Array<{
        id: string;
        activityLogId: string | null;
        juvenileCode: string | null;
        person: { id: string } | null;
        milestone: { code: string; kind: string; threshold: number };
      }>;
    };
    code?: string;
    message?: string;
    messageEn?: string;
    issues?: Array<{ path: string; message: string; messageEn: string }>;
  };
}

const db = () => server.db.prisma;
const logCount = () => db().activityLog.count();

async function membersOn(groupId: string, day: Date): Promise<string[]> {
  const rows = await db().membership.findMany({
    where: { groupId, startedOn: { lte: day }, OR: [{ endedOn: null }, { endedOn: { gte: day } }] },
    select: { personId: true },
    orderBy: { personId: "asc" },
  });
  return [...new Set(rows.map((r) => r.personId))];
}

async function log(client: TestClient, input: Record<string, unknown>) {
  const res = await client.graphql<LogResult>(LOG, { input: { date: DAY, minutes: 90, submit: true, ...input } });
  expect(res.errors).toBeUndefined();
  return res.data!.logActivity;
}

async function approve(ids: string[]) {
  const res = await staff.graphql<ApproveResult>(APPROVE, { ids });
  expect(res.errors).toBeUndefined();
  return res.data!.approveActivityLogs;
}

beforeAll(async () => {
  server = await startTestServer();
  [staff, salonLeader, ozaki, liaison] = await Promise.all([
    server.signIn("staff"),
    server.signIn("salon-leader"),
    server.signIn("coordinator.ozaki"),
    server.signIn("liaison"),
  ]);
  const me = await salonLeader.graphql<{ me: { salonIds: string[] } }>("{ me { salonIds } }");
  salon01 = me.data!.me.salonIds[0]!;
  const other = await db().group.findFirst({
    where: { programme: { code: "salon" }, id: { not: salon01 } },
    select: { id: true },
    orderBy: { name: "asc" },
  });
  salon02 = other!.id;
  const coord = await ozaki.graphql<{ me: { schoolGroupIds: string[] } }>("{ me { schoolGroupIds } }");
  schoolOzaki = coord.data!.me.schoolGroupIds[0]!;
});
afterAll(() => server?.close());

describe("logging an activity", () => {
  it("a salon leader logs a session of their salon; the uninsured member is flagged, not refused", async () => {
    const members = await membersOn(salon01, DAY_DATE);
    const insured = new Set(
      (await db().insuranceEnrolment.findMany({ where: { personId: { in: members }, fiscalYear: 2026 }, select: { personId: true } })).map(
        (e) => e.personId,
      ),
    );
    const uninsured = members.filter((id) => !insured.has(id));
    const covered = members.filter((id) => insured.has(id));
    // the demo has one member of the salon who did not renew this year's insurance
    expect(uninsured.length).toBeGreaterThan(0);
    const participants = [uninsured[0]!, covered[0]!, covered[1]!];

    const result = await log(salonLeader, {
      groupId: salon01,
      activityTypeCode: "salon",
      minutes: 120,
      peopleServed: 14,
      place: "尾崎住民センター",
      participantPersonIds: participants,
    });
    expect(result.__typename).toBe("MutationLogActivitySuccess");
    const data = result.data!;
    expect(data.activityLog).toMatchObject({ status: "SUBMITTED", fiscalYear: 2026, minutes: 120, uninsuredCount: 1 });
    expect(data.activityLog.submittedBy?.name).toBeTruthy();
    expect(data.uninsuredCount).toBe(1);
    expect(data.uninsuredParticipants).toHaveLength(1);
    expect(data.uninsuredParticipants[0]!.id).toBe(uninsured[0]);
    expect(data.uninsuredParticipants[0]!.name).toBeTruthy(); // the leader may see their salon's names
    const stored = await db().activityLogParticipant.findMany({ where: { activityLogId: data.activityLog.id } });
    expect(stored).toHaveLength(3);
    expect(stored.find((p) => p.personId === uninsured[0])?.uninsured).toBe(true);
    expect(stored.filter((p) => p.uninsured)).toHaveLength(1);
    const audit = await db().auditEvent.findFirst({ where: { entity: "ActivityLog", entityId: data.activityLog.id, action: "create" } });
    expect(audit).not.toBeNull();
  });

  it("a salon leader cannot log for another salon, and nothing is written", async () => {
    const before = await logCount();
    const members = await membersOn(salon02, DAY_DATE);
    const result = await log(salonLeader, { groupId: salon02, activityTypeCode: "salon", participantPersonIds: members.slice(0, 1) });
    expect(result.__typename).toBe("ForbiddenError");
    expect(result.code).toBe("FORBIDDEN");
    expect(result.messageEn).toBeTruthy();
    expect(await logCount()).toBe(before);
  });

  it("refuses bad input in Japanese and English, and writes nothing", async () => {
    const before = await logCount();
    const members = await membersOn(salon01, DAY_DATE);
    const future = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const cases: Array<[Record<string, unknown>, string, RegExp, RegExp]> = [
      [{ date: future }, "date", /未来/, /future/],
      [{ minutes: 0 }, "minutes", /1分以上/, /at least 1/],
      [{ minutes: 1441 }, "minutes", /1440/, /1440/],
      [{ peopleServed: -1 }, "peopleServed", /0以上/, /negative/],
      [{ activityTypeCode: "cafe" }, "activityTypeCode", /活動種別/, /activity type/],
      [{ participantPersonIds: [] }, "participantPersonIds", /1人以上/, /at least one/],
    ];
    for (const [override, field, ja, en] of cases) {
      const result = await log(salonLeader, {
        groupId: salon01,
        activityTypeCode: "salon",
        participantPersonIds: members.slice(0, 1),
        ...override,
      });
      expect(result.__typename, field).toBe("InvalidInputError");
      const issue = result.issues!.find((i) => i.path.includes(field));
      expect(issue, `${field}: ${JSON.stringify(result.issues)}`).toBeDefined();
      expect(issue!.message).toMatch(ja);
      expect(issue!.messageEn).toMatch(en);
      expect(result.message).toMatch(/何も保存していません/);
    }
    // someone who is not a member of the salon
    const outsider = (await membersOn(salon02, DAY_DATE)).find((id) => !members.includes(id))!;
    const result = await log(salonLeader, { groupId: salon01, activityTypeCode: "salon", participantPersonIds: [members[0], outsider] });
    expect(result.__typename).toBe("InvalidInputError");
    expect(result.issues).toEqual([
      expect.objectContaining({ path: "input.participantPersonIds.1", messageEn: expect.stringMatching(/not a member/) }),
    ]);
    expect(await logCount()).toBe(before);
  });
});

describe("guardian consent (保護者同意)", () => {
  /** children in school groups without a granted, unwithdrawn activity consent */
  async function childrenWithoutConsent() {
    return db().childVolunteer.findMany({
      where: {
        status: "ACTIVE",
        consents: { none: { kind: "GUARDIAN_ACTIVITY", granted: true, withdrawnAt: null } },
      },
      select: {
        personId: true,
        person: { select: { legalName: true, displayName: true, memberships: { where: { endedOn: null }, select: { groupId: true } } } },
      },
    });
  }

  it("the demo's three children without valid consent cannot be logged, by their coordinator or by staff", async () => {
    const children = await childrenWithoutConsent();
    expect(children).toHaveLength(3);
    const before = await logCount();
    const beforeParticipants = await db().activityLogParticipant.count();

    const ozakiChild = children.find((c) => c.person.memberships.some((m) => m.groupId === schoolOzaki))!;
    expect(ozakiChild).toBeDefined();
    const consented = (await membersOn(schoolOzaki, DAY_DATE)).filter((id) => !children.some((c) => c.personId === id));
    const result = await log(ozaki, {
      groupId: schoolOzaki,
      activityTypeCode: "mimamori",
      participantPersonIds: [consented[0], ozakiChild.personId],
    });
    expect(result.__typename).toBe("InvalidInputError");
    const name = ozakiChild.person.displayName ?? ozakiChild.person.legalName;
    // the coordinator may see the child's name, so the refusal names the child
    expect(result.issues).toEqual([
      expect.objectContaining({
        path: "input.participantPersonIds.1",
        message: expect.stringContaining(name),
        messageEn: expect.stringMatching(/guardian consent/),
      }),
    ]);

    for (const child of children) {
      const groupId = child.person.memberships[0]!.groupId;
      const res = await log(staff, { groupId, activityTypeCode: "mimamori", participantPersonIds: [child.personId] });
      expect(res.__typename).toBe("InvalidInputError");
      expect(res.issues![0]!.message).toContain(child.person.displayName ?? child.person.legalName);
    }
    expect(await logCount()).toBe(before);
    expect(await db().activityLogParticipant.count()).toBe(beforeParticipants);
  });

  it("a salon leader is refused for such a child without learning the child's name", async () => {
    const [child] = await childrenWithoutConsent();
    const role = await db().groupRole.findFirstOrThrow({ where: { code: "member" } });
    const group = await db().group.findUniqueOrThrow({ where: { id: salon01 } });
    // the child also helps at the salon (a multi-generation session)
    await db().membership.create({
      data: {
        orgId: group.orgId,
        groupId: salon01,
        personId: child!.personId,
        groupRoleId: role.id,
        startedOn: new Date("2026-10-01T00:00:00Z"),
      },
    });
    const before = await logCount();
    const members = await membersOn(salon01, DAY_DATE);
    const result = await log(salonLeader, {
      groupId: salon01,
      activityTypeCode: "salon",
      participantPersonIds: [members.find((id) => id !== child!.personId), child!.personId],
    });
    expect(result.__typename).toBe("InvalidInputError");
    const issue = result.issues![0]!;
    expect(issue.path).toBe("input.participantPersonIds.1");
    expect(issue.message).toMatch(/参加者（2人目）.*保護者の活動参加同意/);
    expect(issue.message).not.toContain(child!.person.legalName);
    expect(issue.messageEn).not.toContain(child!.person.legalName);
    expect(await logCount()).toBe(before);
  });
});

describe("the juvenile programme (少年院ボランティア)", () => {
  let cohortId: string;
  let codes: string[];
  const WINTER_DAY = "2026-02-05";

  beforeAll(async () => {
    const cohort = await db().group.findFirstOrThrow({ where: { programme: { privacyTier: "JUVENILE" } }, orderBy: { startedOn: "desc" } });
    cohortId = cohort.id;
    const youths = await db().juvenileParticipant.findMany({
      where: { cohortId, joinedOn: { lte: new Date(`${WINTER_DAY}T00:00:00Z`) } },
      orderBy: { code: "asc" },
    });
    codes = youths.filter((y) => !y.leftOn || y.leftOn >= new Date(`${WINTER_DAY}T00:00:00Z`)).map((y) => y.code);
    expect(codes.length).toBeGreaterThanOrEqual(2);
  });

  it("the liaison logs the cohort by pseudonymous codes; staff approve it", async () => {
    const result = await log(liaison, {
      groupId: cohortId,
      date: WINTER_DAY,
      activityTypeCode: "wakame",
      minutes: 240,
      juvenileCodes: codes.slice(0, 2),
    });
    expect(result.__typename).toBe("MutationLogActivitySuccess");
    const participants = result.data!.activityLog.participants;
    expect(participants.map((p) => p.juvenileCode).sort()).toEqual(codes.slice(0, 2));
    expect(participants.every((p) => p.person === null && !p.uninsured)).toBe(true);
    expect(result.data!.uninsuredCount).toBe(0);

    const seen = await liaison.graphql<{ activityLogs: { edges: Array<{ node: { id: string } }> } }>(
      `query ($g: ID!) { activityLogs(groupId: $g, first: 100) { edges { node { id } } } }`,
      { g: cohortId },
    );
    expect(seen.data!.activityLogs.edges.map((e) => e.node.id)).toContain(result.data!.activityLog.id);
    const approved = await approve([result.data!.activityLog.id]);
    expect(approved.__typename).toBe("MutationApproveActivityLogsSuccess");
    expect(approved.data!.activityLogs[0]!.status).toBe("APPROVED");
  });

  it("the liaison cannot log a salon, nor name people in a cohort log; unknown codes are refused", async () => {
    const before = await logCount();
    const members = await membersOn(salon01, DAY_DATE);
    const salon = await log(liaison, { groupId: salon01, activityTypeCode: "salon", participantPersonIds: members.slice(0, 1) });
    expect(salon.__typename).toBe("ForbiddenError");
    const people = await log(liaison, {
      groupId: cohortId,
      date: WINTER_DAY,
      activityTypeCode: "wakame",
      participantPersonIds: members.slice(0, 1),
    });
    expect(people.__typename).toBe("InvalidInputError");
    expect(people.issues![0]!.messageEn).toMatch(/pseudonymous code/);
    const unknown = await log(liaison, { groupId: cohortId, date: WINTER_DAY, activityTypeCode: "wakame", juvenileCodes: ["GS-X-99"] });
    expect(unknown.__typename).toBe("InvalidInputError");
    expect(unknown.issues![0]!.path).toBe("input.juvenileCodes.0");
    expect(await logCount()).toBe(before);
  });

  it("nobody else sees the cohort's logs", async () => {
    const forbidden = await salonLeader.graphql<{ activityLogs: unknown }>(
      `query ($g: ID!) { activityLogs(groupId: $g) { edges { node { id } } } }`,
      { g: cohortId },
    );
    expect(forbidden.data?.activityLogs ?? null).toBeNull();
    expect(forbidden.errors?.[0]?.message).toMatch(/権限/);
    const all = await ozaki.graphql<{ activityLogs: { totalCount: number; edges: Array<{ node: { group: { id: string } } }> } }>(
      `{ activityLogs(first: 100) { totalCount edges { node { group { id } } } } }`,
    );
    expect(all.data!.activityLogs.edges.every((e) => e.node.group.id === schoolOzaki)).toBe(true);
    expect(all.data!.activityLogs.totalCount).toBe(await db().activityLog.count({ where: { groupId: schoolOzaki } }));
  });
});

describe("approval, milestones and rejection", () => {
  let newcomer: string;
  const start = new Date("2024-11-01T00:00:00Z");

  beforeAll(async () => {
    // a newcomer to the salon, with no approved activity yet (insured this year)
    const group = await db().group.findUniqueOrThrow({ where: { id: salon01 } });
    const role = await db().groupRole.findFirstOrThrow({ where: { code: "member" } });
    const person = await db().person.create({
      data: { orgId: group.orgId, legalName: "新井 初", legalNameKana: "あらい はじめ" },
    });
    newcomer = person.id;
    await db().membership.create({
      data: { orgId: group.orgId, groupId: salon01, personId: newcomer, groupRoleId: role.id, startedOn: start },
    });
    await db().insuranceEnrolment.create({
      data: { orgId: group.orgId, personId: newcomer, fiscalYear: 2026, plan: "基本タイプ", enrolledOn: new Date("2026-04-10T00:00:00Z") },
    });
  });

  it("staff may change the milestones (data); others may not", async () => {
    const create = await staff.graphql<{ createMilestone: { __typename: string; data?: { code: string; threshold: number } } }>(
      `mutation { createMilestone(input: { code: "hours-5", kind: HOURS, threshold: 5, name: "活動5時間", nameEn: "5 hours" }) {
        __typename ... on MutationCreateMilestoneSuccess { data { code threshold } } } }`,
    );
    expect(create.data!.createMilestone).toEqual({ __typename: "MutationCreateMilestoneSuccess", data: { code: "hours-5", threshold: 5 } });
    const dup = await staff.graphql<{ createMilestone: { __typename: string; code: string } }>(
      `mutation { createMilestone(input: { code: "hours-5b", kind: HOURS, threshold: 5, name: "重複", nameEn: "dup" }) {
        __typename ... on Error { code } } }`,
    );
    expect(dup.data!.createMilestone).toEqual({ __typename: "ConflictError", code: "CONFLICT" });
    const first = await db().milestone.findFirstOrThrow({ where: { kind: "FIRST_ACTIVITY" } });
    const bad = await staff.graphql<{ updateMilestone: { __typename: string; issues: Array<{ messageEn: string }> } }>(
      `mutation ($id: ID!) { updateMilestone(id: $id, input: { threshold: 2 }) { __typename ... on InvalidInputError { issues { messageEn } } } }`,
      { id: first.id },
    );
    expect(bad.data!.updateMilestone.__typename).toBe("InvalidInputError");
    expect((await db().milestone.findUniqueOrThrow({ where: { id: first.id } })).threshold).toBe(1);
    const forbidden = await salonLeader.graphql<{ updateMilestone: { __typename: string } }>(
      `mutation ($id: ID!) { updateMilestone(id: $id, input: { name: "x" }) { __typename } }`,
      { id: first.id },
    );
    expect(forbidden.data!.updateMilestone.__typename).toBe("ForbiddenError");
    const list = await salonLeader.graphql<{ milestones: Array<{ code: string; active: boolean }> }>("{ milestones { code active } }");
    expect(list.data!.milestones.map((m) => m.code)).toEqual(expect.arrayContaining(["first-activity", "hours-5", "hours-10", "years-1"]));
  });

  it("staff approve in bulk; the newcomer's first activity, hours and years milestones are awarded once", async () => {
    const queueBefore = await db().activityLog.findMany({ where: { status: "SUBMITTED" }, select: { id: true }, orderBy: { date: "asc" } });
    const first = await log(salonLeader, { groupId: salon01, activityTypeCode: "salon", minutes: 540, participantPersonIds: [newcomer] });
    expect(first.__typename).toBe("MutationLogActivitySuccess");
    const firstId = first.data!.activityLog.id;

    const queue = await staff.graphql<{ approvalQueue: Array<{ id: string; date: string }> }>("{ approvalQueue { id date } }");
    const queued = queue.data!.approvalQueue;
    expect(queued.map((l) => l.id)).toContain(firstId);
    expect(queued.length).toBe(queueBefore.length + 1);
    expect([...queued.map((l) => l.date)]).toEqual([...queued.map((l) => l.date)].sort());

    const bulk = [firstId, ...queueBefore.slice(0, 3).map((l) => l.id)];
    const result = await approve(bulk);
    expect(result.__typename).toBe("MutationApproveActivityLogsSuccess");
    expect(result.data!.activityLogs.map((l) => l.status)).toEqual(["APPROVED", "APPROVED", "APPROVED", "APPROVED"]);
    expect(result.data!.activityLogs[0]!.reviewedBy?.name).toBeTruthy();
    const mine = result.data!.newMilestoneAwards.filter((a) => a.person?.id === newcomer);
    const today = new Date();
    const years = [1, 3, 5, 10].filter(
      (y) => new Date(Date.UTC(start.getUTCFullYear() + y, start.getUTCMonth(), start.getUTCDate())) <= today,
    );
    expect(mine.map((a) => a.milestone.code).sort()).toEqual(["first-activity", "hours-5", ...years.map((y) => `years-${y}`)].sort());
    expect(mine.every((a) => a.activityLogId === firstId)).toBe(true);

    // 9 h so far: another 2 h crosses 10 h; nothing already earned is awarded again
    const second = await log(salonLeader, { groupId: salon01, activityTypeCode: "salon", minutes: 120, participantPersonIds: [newcomer] });
    const secondId = second.data!.activityLog.id;
    const again = await approve([secondId]);
    expect(again.data!.newMilestoneAwards.filter((a) => a.person?.id === newcomer).map((a) => a.milestone.code)).toEqual(["hours-10"]);
    expect(again.data!.newMilestoneAwards.find((a) => a.milestone.code === "hours-10")!.activityLogId).toBe(secondId);
    const awards = await db().milestoneAward.findMany({ where: { personId: newcomer }, include: { milestone: true } });
    expect(awards.filter((a) => a.milestone.code === "first-activity")).toHaveLength(1);

    // the newcomer's awards are seen by whoever may see their name
    const q = `query ($g: ID!) { activityLogs(groupId: $g, first: 5) { edges { node { id participants { person { id name milestoneAwards { milestone { code } } } } } } } }`;
    const byLeader = await salonLeader.graphql<{
      activityLogs: {
        edges: Array<{
          node: {
            id: string;
            participants: Array<{
              person: { id: string; name: string | null; milestoneAwards: Array<{ milestone: { code: string } }> | null };
            }>;
          };
        }>;
      };
    }>(q, { g: salon01 });
    const p = byLeader.data!.activityLogs.edges.find((e) => e.node.id === secondId)!.node.participants[0]!.person;
    expect(p.name).toBe("新井 初");
    expect(p.milestoneAwards!.map((a) => a.milestone.code)).toContain("hours-10");
  });

  it("an inactive milestone is not awarded", async () => {
    const m = await db().milestone.findFirstOrThrow({ where: { code: "hours-50" } });
    const off = await staff.graphql<{ updateMilestone: { __typename: string; data?: { active: boolean } } }>(
      `mutation ($id: ID!) { updateMilestone(id: $id, input: { active: false }) { __typename ... on MutationUpdateMilestoneSuccess { data { active } } } }`,
      { id: m.id },
    );
    expect(off.data!.updateMilestone).toEqual({ __typename: "MutationUpdateMilestoneSuccess", data: { active: false } });
    // 11 h so far; 40 h more crosses 50 h
    const ids: string[] = [];
    for (const day of ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"]) {
      const r = await log(salonLeader, {
        groupId: salon01,
        date: day,
        activityTypeCode: "salon",
        minutes: 600,
        participantPersonIds: [newcomer],
      });
      ids.push(r.data!.activityLog.id);
    }
    const result = await approve(ids);
    expect(result.data!.newMilestoneAwards.filter((a) => a.person?.id === newcomer)).toEqual([]);
    await staff.graphql(`mutation ($id: ID!) { updateMilestone(id: $id, input: { active: true }) { __typename } }`, { id: m.id });
  });

  it("a bulk approval with a log that is not submitted changes nothing", async () => {
    const draft = await log(salonLeader, { groupId: salon01, activityTypeCode: "salon", submit: false, participantPersonIds: [newcomer] });
    expect(draft.data!.activityLog.status).toBe("DRAFT");
    const submitted = await db().activityLog.findFirstOrThrow({ where: { status: "SUBMITTED" } });
    const result = await approve([submitted.id, draft.data!.activityLog.id]);
    expect(result.__typename).toBe("InvalidInputError");
    expect(result.issues).toEqual([
      expect.objectContaining({ path: "ids.1", message: expect.stringMatching(/下書き/), messageEn: expect.stringMatching(/DRAFT/) }),
    ]);
    expect((await db().activityLog.findUniqueOrThrow({ where: { id: submitted.id } })).status).toBe("SUBMITTED");

    // the draft is submitted by its leader, once
    const SUBMIT = `mutation ($id: ID!) { submitActivityLog(id: $id) { __typename ... on MutationSubmitActivityLogSuccess { data { activityLog { status } } } ... on Error { code } } }`;
    const ok = await salonLeader.graphql<{ submitActivityLog: { __typename: string; data?: { activityLog: { status: string } } } }>(
      SUBMIT,
      {
        id: draft.data!.activityLog.id,
      },
    );
    expect(ok.data!.submitActivityLog.data!.activityLog.status).toBe("SUBMITTED");
    const twice = await salonLeader.graphql<{ submitActivityLog: { __typename: string; code: string } }>(SUBMIT, {
      id: draft.data!.activityLog.id,
    });
    expect(twice.data!.submitActivityLog).toEqual({ __typename: "ConflictError", code: "CONFLICT" });
    const stranger = await ozaki.graphql<{ submitActivityLog: { __typename: string } }>(SUBMIT, { id: submitted.id });
    expect(stranger.data!.submitActivityLog.__typename).toBe("ForbiddenError");
  });

  it("staff reject in bulk with a reason; others may neither approve nor reject", async () => {
    const queue = await db().activityLog.findMany({ where: { status: "SUBMITTED" }, take: 2, orderBy: { date: "asc" } });
    expect(queue).toHaveLength(2);
    const ids = queue.map((l) => l.id);

    const noReason = await staff.graphql<{
      rejectActivityLogs: { __typename: string; issues: Array<{ message: string; messageEn: string }> };
    }>(REJECT, {
      ids,
      reason: "  ",
    });
    expect(noReason.data!.rejectActivityLogs.__typename).toBe("InvalidInputError");
    expect(noReason.data!.rejectActivityLogs.issues[0]).toMatchObject({
      message: expect.stringMatching(/理由/),
      messageEn: expect.stringMatching(/reason/),
    });

    const byLeader = await salonLeader.graphql<{ rejectActivityLogs: { __typename: string } }>(REJECT, { ids, reason: "重複" });
    expect(byLeader.data!.rejectActivityLogs.__typename).toBe("ForbiddenError");
    const approveByLeader = await salonLeader.graphql<ApproveResult>(APPROVE, { ids });
    expect(approveByLeader.data!.approveActivityLogs.__typename).toBe("ForbiddenError");
    const queueByLeader = await salonLeader.graphql<{ approvalQueue: unknown }>("{ approvalQueue { id } }");
    expect(queueByLeader.data?.approvalQueue ?? null).toBeNull();
    expect(queueByLeader.errors?.length).toBeGreaterThan(0);

    const rejected = await staff.graphql<{
      rejectActivityLogs: { __typename: string; data: { activityLogs: Array<{ status: string; rejectionReason: string }> } };
    }>(REJECT, { ids, reason: "人数と時間をもう一度確認してください。" });
    expect(rejected.data!.rejectActivityLogs.data.activityLogs.map(({ status, rejectionReason }) => ({ status, rejectionReason }))).toEqual(
      [
        { status: "REJECTED", rejectionReason: "人数と時間をもう一度確認してください。" },
        { status: "REJECTED", rejectionReason: "人数と時間をもう一度確認してください。" },
      ],
    );
    const stored = await db().activityLog.findMany({ where: { id: { in: ids } } });
    expect(stored.every((l) => l.status === "REJECTED" && l.reviewedById !== null)).toBe(true);
    const again = await staff.graphql<{ rejectActivityLogs: { __typename: string } }>(REJECT, { ids, reason: "再度" });
    expect(again.data!.rejectActivityLogs.__typename).toBe("InvalidInputError");
  });
});

describe("reading logs", () => {
  it("a salon leader pages through their salon's logs only; activity types follow the programme", async () => {
    const page1 = await salonLeader.graphql<{
      activityLogs: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: Array<{ node: { id: string; group: { id: string } } }>;
      };
    }>(`{ activityLogs(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { id group { id } } } } }`);
    const c = page1.data!.activityLogs;
    expect(c.totalCount).toBe(await db().activityLog.count({ where: { groupId: salon01 } }));
    expect(c.edges).toHaveLength(5);
    expect(c.edges.every((e) => e.node.group.id === salon01)).toBe(true);
    const page2 = await salonLeader.graphql<{ activityLogs: { edges: Array<{ node: { id: string } }> } }>(
      `query ($after: String) { activityLogs(first: 5, after: $after) { edges { node { id } } } }`,
      { after: c.pageInfo.endCursor },
    );
    const ids2 = page2.data!.activityLogs.edges.map((e) => e.node.id);
    expect(ids2).toHaveLength(5);
    expect(ids2.some((id) => c.edges.some((e) => e.node.id === id))).toBe(false);

    const types = await salonLeader.graphql<{ activityTypes: Array<{ code: string }> }>(
      `{ activityTypes(programmeCode: "salon") { code } }`,
    );
    const codes = types.data!.activityTypes.map((t) => t.code);
    expect(codes).toContain("salon");
    expect(codes).toContain("mimamori");
    expect(codes).not.toContain("cafe");
  });

  it("a child's name and milestones stay hidden from a salon leader when the child takes part in the salon", async () => {
    const children = await db().childVolunteer.findMany({
      where: { status: "ACTIVE", consents: { some: { kind: "GUARDIAN_ACTIVITY", granted: true, withdrawnAt: null } } },
      select: { personId: true },
      take: 1,
    });
    const child = children[0]!.personId;
    const group = await db().group.findUniqueOrThrow({ where: { id: salon01 } });
    const role = await db().groupRole.findFirstOrThrow({ where: { code: "member" } });
    await db().membership.create({
      data: { orgId: group.orgId, groupId: salon01, personId: child, groupRoleId: role.id, startedOn: new Date("2026-10-01T00:00:00Z") },
    });
    const r = await log(salonLeader, { groupId: salon01, activityTypeCode: "salon", participantPersonIds: [child] });
    expect(r.__typename).toBe("MutationLogActivitySuccess");
    const logId = r.data!.activityLog.id;
    const q = `query ($g: ID!) { activityLogs(groupId: $g, first: 50) { edges { node { id participants { person { id milestoneAwards { id } } } } } } }`;
    type Page = {
      activityLogs: {
        edges: Array<{ node: { id: string; participants: Array<{ person: { id: string; milestoneAwards: unknown[] | null } | null }> } }>;
      };
    };
    const personIn = (page: Page | undefined) => page!.activityLogs.edges.find((e) => e.node.id === logId)!.node.participants[0]!.person;
    const byLeader = await salonLeader.graphql<Page>(q, { g: salon01 });
    expect(personIn(byLeader.data)).toEqual({ id: child, milestoneAwards: null });
    expect(byLeader.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    expect(byLeader.errors?.[0]?.path?.at(-1)).toBe("milestoneAwards");
    const named = await salonLeader.graphql<{
      activityLogs: { edges: Array<{ node: { id: string; participants: Array<{ person: { name: string } | null }> } }> };
    }>(`query ($g: ID!) { activityLogs(groupId: $g, first: 50) { edges { node { id participants { person { name } } } } } }`, {
      g: salon01,
    });
    expect(named.data!.activityLogs.edges.find((e) => e.node.id === logId)!.node.participants[0]!.person?.name ?? null).toBeNull();
    const byStaff = await staff.graphql<Page>(q, { g: salon01 });
    expect(personIn(byStaff.data)!.milestoneAwards!.length).toBeGreaterThan(0);
    expect(byStaff.errors).toBeUndefined();
    // reads of restricted records by non-staff are audited
    expect(await db().auditEvent.count({ where: { action: "read", entity: "ActivityLog" } })).toBeGreaterThan(0);
  });
});
