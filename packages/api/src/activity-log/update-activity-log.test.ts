// Editing activity logs over HTTP, as the demo accounts: a draft and a returned log by their salon's
// leader (resubmitted), refusals (submitted log, another salon's log), staff correcting an approved
// log with its former state kept (訂正履歴), the stale-version check, guardian consent on edit, and
// the roster paths that may not make a child volunteer without 子ども福祉委員の登録.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestClient, type TestServer } from "../testing.ts";

let server: TestServer;
let staff: TestClient;
let salonLeader: TestClient;
let ozaki: TestClient;
let salon01: string;
let salon02: string;
let schoolOzaki: string;

const DAY = "2026-11-20";
const DAY_DATE = new Date(`${DAY}T00:00:00Z`);

const ERROR_FIELDS = `
  ... on Error { message messageEn code }
  ... on InvalidInputError { issues { path message messageEn } }`;

const LOG = `mutation ($input: LogActivityInput!) {
  logActivity(input: $input) { __typename ... on MutationLogActivitySuccess { data { activityLog { id version status } } } ${ERROR_FIELDS} }
}`;

const UPDATE = `mutation ($input: UpdateActivityLogInput!) {
  updateActivityLog(input: $input) {
    __typename
    ... on MutationUpdateActivityLogSuccess {
      data {
        uninsuredCount
        activityLog { id version status minutes place rejectionReason participants { minutes person { id } } }
      }
    }
    ${ERROR_FIELDS}
  }
}`;

const READ = `query ($id: ID!) {
  activityLog(id: $id) {
    id version status minutes rejectionReason viewerCanEdit
    participants { person { id name } }
    versions { version status minutes reason participantCount people { id } changedBy { name } }
  }
}`;

interface Failure {
  __typename: string;
  message?: string;
  messageEn?: string;
  code?: string;
  issues?: Array<{ path: string; message: string; messageEn: string }>;
}

interface Updated extends Failure {
  data?: {
    uninsuredCount: number;
    activityLog: {
      id: string;
      version: number;
      status: string;
      minutes: number;
      place: string | null;
      rejectionReason: string | null;
      participants: Array<{ minutes: number; person: { id: string } | null }>;
    };
  };
}

interface ReadLog {
  id: string;
  version: number;
  status: string;
  minutes: number;
  rejectionReason: string | null;
  viewerCanEdit: boolean;
  participants: Array<{ person: { id: string; name: string | null } | null }>;
  versions: Array<{
    version: number;
    status: string;
    minutes: number;
    reason: string | null;
    participantCount: number;
    people: Array<{ id: string }>;
    changedBy: { name: string } | null;
  }>;
}

const db = () => server.db.prisma;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

async function membersOn(groupId: string, day: Date): Promise<string[]> {
  const rows = await db().membership.findMany({
    where: { groupId, startedOn: { lte: day }, OR: [{ endedOn: null }, { endedOn: { gte: day } }] },
    select: { personId: true },
    orderBy: { personId: "asc" },
  });
  return [...new Set(rows.map((r) => r.personId))];
}

async function logNew(client: TestClient, input: Record<string, unknown>) {
  const res = await client.graphql<{ logActivity: Failure & { data?: { activityLog: { id: string; version: number } } } }>(LOG, {
    input: { date: DAY, minutes: 90, submit: true, activityTypeCode: "salon", ...input },
  });
  expect(res.errors).toBeUndefined();
  const log = res.data!.logActivity.data?.activityLog;
  expect(log, JSON.stringify(res.data)).toBeDefined();
  return log!;
}

async function update(client: TestClient, input: Record<string, unknown>): Promise<Updated> {
  const res = await client.graphql<{ updateActivityLog: Updated }>(UPDATE, { input: { date: DAY, activityTypeCode: "salon", ...input } });
  expect(res.errors).toBeUndefined();
  return res.data!.updateActivityLog;
}

async function read(client: TestClient, id: string): Promise<ReadLog | null> {
  const res = await client.graphql<{ activityLog: ReadLog | null }>(READ, { id });
  expect(res.errors).toBeUndefined();
  return res.data!.activityLog;
}

function expectBilingual(f: Failure) {
  expect(f.message).toMatch(JAPANESE);
  expect(f.messageEn).toMatch(/^[\x20-\x7e]+$/);
  for (const i of f.issues ?? []) {
    expect(i.message).toMatch(JAPANESE);
    // English (a child's name or the screen's Japanese name may stand in it)
    expect(i.messageEn).toMatch(/[A-Za-z]{2,} [A-Za-z]{2,}/);
  }
}

const audits = (id: string) => db().auditEvent.findMany({ where: { entity: "ActivityLog", entityId: id }, orderBy: { id: "asc" } });

beforeAll(async () => {
  server = await startTestServer();
  [staff, salonLeader, ozaki] = await Promise.all([
    server.signIn("staff"),
    server.signIn("salon-leader"),
    server.signIn("coordinator.ozaki"),
  ]);
  const me = await salonLeader.graphql<{ me: { salonIds: string[] } }>("{ me { salonIds } }");
  salon01 = me.data!.me.salonIds[0]!;
  salon02 = (await db().group.findFirstOrThrow({ where: { programme: { code: "salon" }, id: { not: salon01 } }, orderBy: { name: "asc" } }))
    .id;
  const coord = await ozaki.graphql<{ me: { schoolGroupIds: string[] } }>("{ me { schoolGroupIds } }");
  schoolOzaki = coord.data!.me.schoolGroupIds[0]!;
});
afterAll(() => server?.close());

describe("a salon leader edits their own logs", () => {
  it("edits a draft: the content changes, it stays a draft, the former state is kept and audited", async () => {
    const members = await membersOn(salon01, DAY_DATE);
    const log = await logNew(salonLeader, { groupId: salon01, participantPersonIds: members.slice(0, 2), submit: false });
    expect(log.version).toBe(1);
    const res = await update(salonLeader, {
      id: log.id,
      expectedVersion: 1,
      minutes: 150,
      place: "尾崎住民センター 和室",
      participantPersonIds: members.slice(0, 3),
    });
    expect(res.__typename).toBe("MutationUpdateActivityLogSuccess");
    const saved = res.data!.activityLog;
    expect(saved).toMatchObject({ status: "DRAFT", version: 2, minutes: 150, place: "尾崎住民センター 和室" });
    expect(saved.participants.map((p) => p.person!.id).sort()).toEqual(members.slice(0, 3).sort());
    expect(saved.participants.every((p) => p.minutes === 150)).toBe(true);

    const seen = await read(salonLeader, log.id);
    expect(seen!.viewerCanEdit).toBe(true);
    expect(seen!.versions).toHaveLength(1);
    expect(seen!.versions[0]).toMatchObject({ version: 1, status: "DRAFT", minutes: 90, participantCount: 2 });
    const trail = (await audits(log.id)).filter((a) => a.action !== "read");
    expect(trail.map((a) => a.action)).toEqual(["create", "update"]);
    expect(trail[1]!.details).toMatchObject({ change: "edit", version: 2, status: "DRAFT", minutes: { from: 90, to: 150 } });
  });

  it("edits a returned log and resubmits it; the reason stays readable until a decision", async () => {
    const members = await membersOn(salon01, DAY_DATE);
    const log = await logNew(salonLeader, { groupId: salon01, participantPersonIds: members.slice(0, 2) });
    const rejected = await staff.graphql(
      `mutation ($ids: [ID!]!) { rejectActivityLogs(ids: $ids, reason: "時間を確認してください") { __typename } }`,
      { ids: [log.id] },
    );
    expect(rejected.errors).toBeUndefined();
    const returned = await read(salonLeader, log.id);
    expect(returned).toMatchObject({ status: "REJECTED", rejectionReason: "時間を確認してください", viewerCanEdit: true });
    // submitted (1 → 1: created submitted), then rejected: version 2
    expect(returned!.version).toBe(2);

    const res = await update(salonLeader, {
      id: log.id,
      expectedVersion: returned!.version,
      minutes: 60,
      participantPersonIds: members.slice(0, 2),
      submit: true,
    });
    expect(res.data!.activityLog).toMatchObject({ status: "SUBMITTED", version: 3, minutes: 60 });
    const queue = await staff.graphql<{ approvalQueue: Array<{ id: string }> }>("{ approvalQueue { id } }");
    expect(queue.data!.approvalQueue.map((l) => l.id)).toContain(log.id);
    const trail = await audits(log.id);
    expect(trail.at(-1)!.details).toMatchObject({ change: "edit", status: "SUBMITTED", version: 3 });

    // once submitted again, the leader may no longer edit it: FORBIDDEN, bilingual, nothing written
    const again = await update(salonLeader, { id: log.id, expectedVersion: 3, minutes: 45, participantPersonIds: members.slice(0, 2) });
    expect(again).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    expectBilingual(again);
    expect((await read(salonLeader, log.id))!).toMatchObject({ minutes: 60, version: 3, viewerCanEdit: false });
  });

  it("may not edit another salon's log; the log stays as it was", async () => {
    const members = await membersOn(salon02, DAY_DATE);
    const log = await logNew(staff, { groupId: salon02, participantPersonIds: members.slice(0, 1), submit: false });
    const res = await update(salonLeader, { id: log.id, expectedVersion: 1, minutes: 30, participantPersonIds: members.slice(0, 1) });
    expect(res).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    expectBilingual(res);
    expect(await read(salonLeader, log.id)).toBeNull();
    expect((await db().activityLog.findUniqueOrThrow({ where: { id: log.id } })).minutes).toBe(90);
  });

  it("refuses bad input in Japanese and English, and writes nothing", async () => {
    const members = await membersOn(salon01, DAY_DATE);
    const log = await logNew(salonLeader, { groupId: salon01, participantPersonIds: members.slice(0, 1), submit: false });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ minutes: 0 }, "input.minutes"],
      [{ minutes: 2000 }, "input.minutes"],
      [{ place: "あ".repeat(201) }, "input.place"],
      [{ description: "あ".repeat(2001) }, "input.description"],
      [{ peopleServed: -1 }, "input.peopleServed"],
      [{ reason: "あ".repeat(501) }, "input.reason"],
      [{ expectedVersion: 0 }, "input.expectedVersion"],
      [{ date: "2030-01-01" }, "input.date"],
      [{ activityTypeCode: "no-such-type" }, "input.activityTypeCode"],
      [{ participantPersonIds: [] }, "input.participantPersonIds"],
      [{ juvenileCodes: ["X-01"] }, "input.juvenileCodes"],
    ];
    for (const [change, path] of cases) {
      const res = await update(salonLeader, {
        id: log.id,
        expectedVersion: 1,
        minutes: 60,
        participantPersonIds: members.slice(0, 1),
        ...change,
      });
      expect(res.__typename, JSON.stringify(change)).toBe("InvalidInputError");
      expectBilingual(res);
      expect(res.issues!.map((i) => i.path)).toContain(path);
    }
    const after = await db().activityLog.findUniqueOrThrow({ where: { id: log.id } });
    expect(after).toMatchObject({ version: 1, minutes: 90 });
    expect(await db().activityLogVersion.count({ where: { activityLogId: log.id } })).toBe(0);
  });
});

describe("guardian consent on edit", () => {
  it("a child without consent in force on the log's date cannot be added by an edit", async () => {
    const withoutConsent = await db().childVolunteer.findMany({
      where: { status: "ACTIVE", consents: { none: { kind: "GUARDIAN_ACTIVITY", granted: true, withdrawnAt: null } } },
      select: { personId: true, person: { select: { memberships: { where: { groupId: schoolOzaki, endedOn: null } } } } },
    });
    const child = withoutConsent.find((c) => c.person.memberships.length > 0)!;
    expect(child).toBeDefined();
    const consented = (await membersOn(schoolOzaki, DAY_DATE)).filter((id) => !withoutConsent.some((c) => c.personId === id));
    const log = await logNew(ozaki, {
      groupId: schoolOzaki,
      activityTypeCode: "mimamori",
      participantPersonIds: [consented[0]],
      submit: false,
    });
    const res = await update(ozaki, {
      id: log.id,
      expectedVersion: 1,
      activityTypeCode: "mimamori",
      minutes: 90,
      participantPersonIds: [consented[0], child.personId],
    });
    expect(res.__typename).toBe("InvalidInputError");
    expectBilingual(res);
    expect(res.issues!.find((i) => i.path === "input.participantPersonIds.1")?.messageEn).toMatch(/guardian consent/);
    expect(await db().activityLogParticipant.count({ where: { activityLogId: log.id } })).toBe(1);
  });
});

describe("staff correct an approved log (訂正)", () => {
  it("the former state is kept in the history, hours follow the correction, and a stale edit is refused", async () => {
    const members = await membersOn(salon01, DAY_DATE);
    const log = await logNew(salonLeader, { groupId: salon01, participantPersonIds: members.slice(0, 3), minutes: 120 });
    const approved = await staff.graphql(`mutation ($ids: [ID!]!) { approveActivityLogs(ids: $ids) { __typename } }`, { ids: [log.id] });
    expect(approved.errors).toBeUndefined();
    const opened = await read(staff, log.id);
    expect(opened).toMatchObject({ status: "APPROVED", viewerCanEdit: true });
    // the salon leader may read it but no longer edit it
    expect((await read(salonLeader, log.id))!.viewerCanEdit).toBe(false);

    const approvedMinutes = async (personId: string) =>
      (await db().activityLogParticipant.aggregate({ _sum: { minutes: true }, where: { personId, activityLog: { status: "APPROVED" } } }))
        ._sum.minutes ?? 0;
    const dropped = members[2]!;
    const kept = members[0]!;
    const [droppedBefore, keptBefore] = [await approvedMinutes(dropped), await approvedMinutes(kept)];

    const res = await update(staff, {
      id: log.id,
      expectedVersion: opened!.version,
      minutes: 90,
      participantPersonIds: members.slice(0, 2),
      reason: "終了時刻の記入誤り",
      submit: true,
    });
    expect(res.__typename).toBe("MutationUpdateActivityLogSuccess");
    // a correction keeps the status (submit is for drafts and returned logs)
    expect(res.data!.activityLog).toMatchObject({ status: "APPROVED", minutes: 90, version: opened!.version + 1 });
    expect(await approvedMinutes(dropped)).toBe(droppedBefore - 120);
    expect(await approvedMinutes(kept)).toBe(keptBefore - 30);

    const history = (await read(staff, log.id))!.versions;
    expect(history[0]).toMatchObject({
      version: opened!.version,
      status: "APPROVED",
      minutes: 120,
      reason: "終了時刻の記入誤り",
      participantCount: 3,
    });
    expect(history[0]!.people.map((p) => p.id).sort()).toEqual(members.slice(0, 3).sort());
    expect(history[0]!.changedBy?.name).toBeTruthy();
    const trail = await audits(log.id);
    expect(trail.at(-1)).toMatchObject({ action: "update" });
    expect(trail.at(-1)!.details).toMatchObject({ change: "correct", reason: "終了時刻の記入誤り", removed: [dropped] });

    // a second edit made from the same reading: STALE_VERSION, bilingual, nothing written
    const stale = await update(staff, {
      id: log.id,
      expectedVersion: opened!.version,
      minutes: 30,
      participantPersonIds: members.slice(0, 2),
    });
    expect(stale).toMatchObject({ __typename: "StaleVersionError", code: "STALE_VERSION" });
    expectBilingual(stale);
    expect((await db().activityLog.findUniqueOrThrow({ where: { id: log.id } })).minutes).toBe(90);
    expect(await db().activityLogVersion.count({ where: { activityLogId: log.id } })).toBe(1);
  });

  it("a returned log opened before staff approved… an edit from a reading before a decision is stale", async () => {
    const members = await membersOn(salon01, DAY_DATE);
    const log = await logNew(salonLeader, { groupId: salon01, participantPersonIds: members.slice(0, 1), submit: false });
    const opened = await read(salonLeader, log.id);
    // the leader submits from the list meanwhile (another tab): the version moves on
    const submitted = await salonLeader.graphql(`mutation ($id: ID!) { submitActivityLog(id: $id) { __typename } }`, { id: log.id });
    expect(submitted.errors).toBeUndefined();
    const res = await staff.graphql<{ updateActivityLog: Updated }>(UPDATE, {
      input: {
        id: log.id,
        expectedVersion: opened!.version,
        date: DAY,
        activityTypeCode: "salon",
        minutes: 10,
        participantPersonIds: members.slice(0, 1),
      },
    });
    expect(res.data!.updateActivityLog.__typename).toBe("StaleVersionError");
  });

  it("a correction that takes someone past an hours milestone awards it", async () => {
    const members = await membersOn(salon01, DAY_DATE);
    const milestones = await db().milestone.findMany({ where: { kind: "HOURS", active: true }, orderBy: { threshold: "asc" } });
    const awards = await db().milestoneAward.findMany({
      where: { personId: { in: members } },
      select: { personId: true, milestoneId: true },
    });
    const minutes = await db().activityLogParticipant.groupBy({
      by: ["personId"],
      where: { personId: { in: members }, activityLog: { status: "APPROVED" } },
      _sum: { minutes: true },
    });
    const approved = new Map(minutes.map((m) => [m.personId, m._sum.minutes ?? 0]));
    // someone 1–23 hours short of an hours milestone they have not got
    const target = milestones
      .flatMap((m) => members.map((personId) => ({ m, personId, short: m.threshold * 60 - (approved.get(personId) ?? 0) })))
      .find(
        ({ m, personId, short }) => short > 1 && short <= 1440 && !awards.some((a) => a.personId === personId && a.milestoneId === m.id),
      );
    expect(target, "a salon member a day's activity short of an hours milestone").toBeDefined();
    const { m, personId, short } = target!;
    const log = await logNew(staff, { groupId: salon01, participantPersonIds: [personId], minutes: 1 });
    await staff.graphql(`mutation ($ids: [ID!]!) { approveActivityLogs(ids: $ids) { __typename } }`, { ids: [log.id] });
    expect(await db().milestoneAward.count({ where: { milestoneId: m.id, personId } })).toBe(0);
    const v = (await read(staff, log.id))!.version;
    const res = await staff.graphql<{
      updateActivityLog: { __typename: string; data?: { newMilestoneAwards: Array<{ milestone: { id: string } }> } };
    }>(
      `mutation ($input: UpdateActivityLogInput!) { updateActivityLog(input: $input) { __typename ... on MutationUpdateActivityLogSuccess { data { newMilestoneAwards { milestone { id } } } } } }`,
      { input: { id: log.id, expectedVersion: v, date: DAY, activityTypeCode: "salon", minutes: short, participantPersonIds: [personId] } },
    );
    expect(res.data!.updateActivityLog.data!.newMilestoneAwards.map((a) => a.milestone.id)).toContain(m.id);
    expect(await db().milestoneAward.count({ where: { milestoneId: m.id, personId, activityLogId: log.id } })).toBe(1);
  });
});

describe("子ども福祉委員 only through child registration", () => {
  const ADD = `mutation ($input: AddMembershipInput!) { addMembership(input: $input) { __typename ${ERROR_FIELDS} } }`;
  const TRANSFER = `mutation ($input: TransferMembershipInput!) { transferMembership(input: $input) { __typename ${ERROR_FIELDS} } }`;
  const ROLE = `mutation ($input: ChangeMembershipRoleInput!) { changeMembershipRole(input: $input) { __typename ${ERROR_FIELDS} } }`;

  async function adultOfSalon() {
    return db().membership.findFirstOrThrow({
      where: { groupId: salon01, endedOn: null, person: { childVolunteer: null } },
      orderBy: { id: "asc" },
    });
  }

  it("staff cannot add, transfer or re-role an adult into a school group or the child-volunteer role; nothing is written", async () => {
    const m = await adultOfSalon();
    const before = await db().membership.count();
    const results = [
      (
        await staff.graphql<{ addMembership: Failure }>(ADD, {
          input: { groupId: schoolOzaki, personId: m.personId, roleCode: "child-volunteer", startedOn: "2026-11-01" },
        })
      ).data!.addMembership,
      (
        await staff.graphql<{ addMembership: Failure }>(ADD, {
          input: { groupId: salon02, personId: m.personId, roleCode: "child-volunteer", startedOn: "2026-11-01" },
        })
      ).data!.addMembership,
      (
        await staff.graphql<{ transferMembership: Failure }>(TRANSFER, {
          input: { membershipId: m.id, toGroupId: schoolOzaki, roleCode: "child-volunteer", on: "2026-11-25" },
        })
      ).data!.transferMembership,
      (
        await staff.graphql<{ changeMembershipRole: Failure }>(ROLE, {
          input: { membershipId: m.id, roleCode: "child-volunteer", on: "2026-11-25" },
        })
      ).data!.changeMembershipRole,
    ];
    // into a school group: through 子ども福祉委員の登録; the child-volunteer role in a salon is not a
    // role of a salon's kind at all (organization/group.test.ts), refused before the person is looked at
    const expected = ["子ども福祉委員の登録", "役割ではありません", "子ども福祉委員の登録", "役割ではありません"];
    for (const [i, r] of results.entries()) {
      expect(r.__typename).toBe("InvalidInputError");
      expectBilingual(r);
      expect(r.issues![0]!.message).toContain(expected[i]);
    }
    expect(await db().membership.count()).toBe(before);
    expect((await db().membership.findUniqueOrThrow({ where: { id: m.id } })).endedOn).toBeNull();
  });
});
