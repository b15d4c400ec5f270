// Thank-you messages (ありがとう), the juvenile programme's cohort views and group achievements,
// over HTTP as the demo accounts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestClient, type TestServer } from "../testing.ts";

let server: TestServer;
let staff: TestClient;
let salonLeader: TestClient;
let liaison: TestClient;
let coordinator: TestClient;
let eventMember: TestClient;
/** the salon leader's salon (salon/01) and their own Person */
let salonId: string;
let salonLeaderPersonId: string;
/** another salon the salon leader does not lead */
let otherSalonId: string;
let cohortId: string;

beforeAll(async () => {
  server = await startTestServer();
  [staff, salonLeader, liaison, coordinator, eventMember] = await Promise.all([
    server.signIn("staff"),
    server.signIn("salon-leader"),
    server.signIn("liaison"),
    server.signIn("coordinator.ozaki"),
    server.signIn("event-bukai"),
  ]);
  const me = await salonLeader.graphql<{ me: { salonIds: string[]; personId: string } }>("{ me { salonIds personId } }");
  salonId = me.data!.me.salonIds[0]!;
  salonLeaderPersonId = me.data!.me.personId;
  const db = server.db.prisma;
  otherSalonId = (await db.group.findFirstOrThrow({ where: { programme: { code: "salon" }, id: { not: salonId } }, select: { id: true } }))
    .id;
  cohortId = (
    await db.group.findFirstOrThrow({
      where: { programme: { privacyTier: "JUVENILE" } },
      orderBy: { startedOn: "desc" },
      select: { id: true },
    })
  ).id;
});
afterAll(() => server?.close());

const SEND = `mutation ($input: SendThankYouInput!) {
  sendThankYou(input: $input) {
    __typename
    ... on MutationSendThankYouSuccess { data { id status fromName body receivedOn moderatedAt toGroup { id } toPerson { id } } }
    ... on Error { message messageEn code }
    ... on InvalidInputError { issues { path message messageEn } }
  }
}`;

const MODERATE = `mutation ($ids: [ID!]!, $decision: ModerationDecision!) {
  moderateThankYous(ids: $ids, decision: $decision) {
    __typename
    ... on MutationModerateThankYousSuccess { data { id status moderatedAt } }
    ... on Error { message messageEn code }
  }
}`;

const THANK_YOUS = `query ($toGroupId: ID, $toPersonId: ID, $status: ModerationStatus) {
  thankYous(toGroupId: $toGroupId, toPersonId: $toPersonId, status: $status, first: 100) {
    edges { node { id status fromName body toGroup { id name } toPerson { id } } }
  }
}`;

interface SendResult {
  sendThankYou: {
    __typename: string;
    data?: { id: string; status: string; fromName: string; body: string; receivedOn: string; moderatedAt: string | null };
    message?: string;
    messageEn?: string;
    code?: string;
    issues?: Array<{ path: string; message: string; messageEn: string }>;
  };
}
interface ThankYouNode {
  id: string;
  status: string;
  fromName: string;
  body: string;
  toGroup: { id: string; name: string } | null;
  toPerson: { id: string } | null;
}
type ThankYousResult = { thankYous: { edges: Array<{ node: ThankYouNode }> } };

async function visibleIds(client: TestClient, vars: Record<string, unknown> = {}): Promise<string[]> {
  const res = await client.graphql<ThankYousResult>(THANK_YOUS, vars);
  expect(res.errors).toBeUndefined();
  return res.data!.thankYous.edges.map((e) => e.node.id);
}

const thankYouCount = () => server.db.prisma.thankYouMessage.count();

describe("thank-you messages", () => {
  it("waits for staff moderation before the recipient group sees it", async () => {
    const sent = await salonLeader.graphql<SendResult>(SEND, {
      input: { toGroupId: salonId, fromName: " 利用者の娘さん ", body: "母がいつもお世話になっています。", receivedOn: "2026-11-20" },
    });
    expect(sent.data?.sendThankYou.__typename).toBe("MutationSendThankYouSuccess");
    const message = sent.data!.sendThankYou.data!;
    expect(message).toMatchObject({ status: "PENDING", fromName: "利用者の娘さん", receivedOn: "2026-11-20", moderatedAt: null });

    // pending: the recipient does not see it, not even asking for PENDING; staff see it in the queue
    expect(await visibleIds(salonLeader, { toGroupId: salonId })).not.toContain(message.id);
    expect(await visibleIds(salonLeader, { status: "PENDING" })).toEqual([]);
    const queue = await staff.graphql<{ moderationQueue: { edges: Array<{ node: { id: string } }> } }>(
      "{ moderationQueue(first: 100) { edges { node { id } } } }",
    );
    expect(queue.data!.moderationQueue.edges.map((e) => e.node.id)).toContain(message.id);

    const approved = await staff.graphql<{
      moderateThankYous: { __typename: string; data: Array<{ id: string; status: string; moderatedAt: string }> };
    }>(MODERATE, { ids: [message.id], decision: "APPROVE" });
    expect(approved.data?.moderateThankYous.__typename).toBe("MutationModerateThankYousSuccess");
    expect(approved.data!.moderateThankYous.data).toEqual([expect.objectContaining({ id: message.id, status: "APPROVED" })]);
    expect(approved.data!.moderateThankYous.data[0]!.moderatedAt).toBeTruthy();

    expect(await visibleIds(salonLeader, { toGroupId: salonId })).toContain(message.id);
    const recent = await salonLeader.graphql<{ recentThankYous: Array<{ id: string }> }>("{ recentThankYous(first: 3) { id } }");
    expect(recent.data!.recentThankYous.map((m) => m.id)).toContain(message.id);

    const trail = await server.db.prisma.auditEvent.findMany({
      where: { entity: "ThankYouMessage", entityId: message.id },
      select: { action: true },
    });
    expect(trail.map((e) => e.action).sort()).toEqual(["approve", "create"]);
  });

  it("reaches a person through their own account only once approved", async () => {
    const sent = await staff.graphql<SendResult>(SEND, {
      input: {
        toPersonId: salonLeaderPersonId,
        fromName: "さくらの常連さん",
        body: "いつも笑顔で迎えてくれてありがとう。",
        receivedOn: "2026-11-21",
      },
    });
    const id = sent.data!.sendThankYou.data!.id;
    expect(await visibleIds(salonLeader, { toPersonId: salonLeaderPersonId })).not.toContain(id);
    await staff.graphql(MODERATE, { ids: [id], decision: "APPROVE" });
    expect(await visibleIds(salonLeader, { toPersonId: salonLeaderPersonId })).toContain(id);
    // a thank-you to a person is theirs: another account of the organisation does not see it
    expect(await visibleIds(coordinator)).not.toContain(id);
  });

  it("refuses recipients outside the sender's reach, and writes nothing", async () => {
    const before = await thankYouCount();
    const base = { fromName: "地域の方", body: "ありがとう", receivedOn: "2026-11-20" };
    const otherSalon = await salonLeader.graphql<SendResult>(SEND, { input: { ...base, toGroupId: otherSalonId } });
    expect(otherSalon.data!.sendThankYou).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    expect(otherSalon.data!.sendThankYou.messageEn).toMatch(/Only staff/);
    // the cohort is not even known to a salon leader
    const cohort = await salonLeader.graphql<SendResult>(SEND, { input: { ...base, toGroupId: cohortId } });
    expect(cohort.data!.sendThankYou).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    // a person of another group (the coordinator reaches only their school's children)
    const person = await coordinator.graphql<SendResult>(SEND, { input: { ...base, toPersonId: salonLeaderPersonId } });
    expect(person.data!.sendThankYou).toMatchObject({ __typename: "ForbiddenError" });
    const signedOut = await server.anonymous.graphql<SendResult>(SEND, { input: { ...base, toGroupId: salonId } });
    expect(signedOut.data!.sendThankYou).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    expect(await thankYouCount()).toBe(before);
  });

  it("validates the input in Japanese and English, and writes nothing", async () => {
    const before = await thankYouCount();
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ toGroupId: salonId, fromName: "地域の方", body: "   ", receivedOn: "2026-11-20" }, "input.body", /Enter the message/],
      [{ toGroupId: salonId, fromName: "地域の方", body: "あ".repeat(2001), receivedOn: "2026-11-20" }, "input.body", /2,000 characters/],
      [{ toGroupId: salonId, fromName: "", body: "ありがとう", receivedOn: "2026-11-20" }, "input.fromName", /sender's name/],
      [
        { toGroupId: salonId, fromName: "地域の方", body: "ありがとう", receivedOn: "2099-01-01" },
        "input.receivedOn",
        /cannot be in the future/,
      ],
      [
        { toGroupId: salonId, toPersonId: salonLeaderPersonId, fromName: "地域の方", body: "ありがとう", receivedOn: "2026-11-20" },
        "input.toPersonId",
        /exactly one recipient/,
      ],
      [{ fromName: "地域の方", body: "ありがとう", receivedOn: "2026-11-20" }, "input.toPersonId", /exactly one recipient/],
    ];
    for (const [input, path, en] of cases) {
      const res = await staff.graphql<SendResult>(SEND, { input });
      const result = res.data!.sendThankYou;
      expect(result.__typename, JSON.stringify(input).slice(0, 80)).toBe("InvalidInputError");
      expect(result.message).toMatch(/入力内容に誤りがあります/);
      const issue = result.issues!.find((i) => i.path === path);
      expect(issue, `${path} in ${JSON.stringify(result.issues)}`).toBeDefined();
      expect(issue!.messageEn).toMatch(en);
      expect(issue!.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
    // a malformed id is refused with the whole request, before anything runs (request-checks.ts)
    const malformed = await staff.graphql<SendResult>(SEND, {
      input: { toGroupId: "not-a-uuid", fromName: "地域の方", body: "ありがとう", receivedOn: "2026-11-20" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: "INVALID_INPUT",
      issues: [{ path: "sendThankYou.input.toGroupId", messageEn: "Not a valid ID." }],
    });
    expect(await thankYouCount()).toBe(before);
  });

  it("moderates in bulk, all or nothing, and only staff may", async () => {
    const pending = await server.db.prisma.thankYouMessage.findMany({
      where: { status: "PENDING" },
      select: { id: true, toGroupId: true },
    });
    expect(pending.length).toBeGreaterThanOrEqual(2);
    const approvedOne = await server.db.prisma.thankYouMessage.findFirstOrThrow({ where: { status: "APPROVED" }, select: { id: true } });

    const mixed = await staff.graphql<{ moderateThankYous: { __typename: string; code: string; messageEn: string } }>(MODERATE, {
      ids: [pending[0]!.id, approvedOne.id],
      decision: "REJECT",
    });
    expect(mixed.data!.moderateThankYous).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    expect(await server.db.prisma.thankYouMessage.count({ where: { id: pending[0]!.id, status: "PENDING" } })).toBe(1);

    const unknown = await staff.graphql<{ moderateThankYous: { __typename: string } }>(MODERATE, {
      ids: [pending[0]!.id, "00000000-0000-4000-8000-000000000000"],
      decision: "APPROVE",
    });
    expect(unknown.data!.moderateThankYous.__typename).toBe("NotFoundError");

    const notStaff = await salonLeader.graphql<{ moderateThankYous: { __typename: string } }>(MODERATE, {
      ids: [pending[0]!.id],
      decision: "APPROVE",
    });
    expect(notStaff.data!.moderateThankYous.__typename).toBe("ForbiddenError");
    const queue = await salonLeader.graphql("{ moderationQueue { edges { node { id } } } }");
    expect(queue.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const ids = pending.slice(0, 2).map((p) => p.id);
    const rejected = await staff.graphql<{ moderateThankYous: { data: Array<{ status: string }> } }>(MODERATE, { ids, decision: "REJECT" });
    expect(rejected.data!.moderateThankYous.data.map((m) => m.status)).toEqual(["REJECTED", "REJECTED"]);
    const audit = await server.db.prisma.auditEvent.findFirstOrThrow({
      where: { entity: "ThankYouMessage", action: "reject" },
      orderBy: { id: "desc" },
    });
    expect((audit.details as { ids: string[] }).ids.sort()).toEqual([...ids].sort());
    // a rejected message never reaches its recipient; staff still find it by status
    const staffRejected = await visibleIds(staff, { status: "REJECTED" });
    expect(staffRejected).toEqual(expect.arrayContaining(ids));
    expect(await visibleIds(coordinator, { status: "REJECTED" })).toEqual([]);
  });

  it("shows the liaison the cohort's thank-yous and nothing of the salons, audited", async () => {
    const all = await liaison.graphql<ThankYousResult>(THANK_YOUS);
    const nodes = all.data!.thankYous.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.toGroup?.id === cohortId && n.status === "APPROVED")).toBe(true);
    expect(nodes.map((n) => n.body)).toContain("我々漁師も嬉しくて涙がでる。また困ってる人がいたら紹介してな");
    expect(await visibleIds(liaison, { toGroupId: salonId })).toEqual([]);
    const recent = await liaison.graphql<{ recentThankYous: Array<{ toGroup: { id: string } | null }> }>(
      "{ recentThankYous(first: 50) { toGroup { id } } }",
    );
    expect(recent.data!.recentThankYous.every((m) => m.toGroup?.id === cohortId)).toBe(true);

    const trail = await server.db.prisma.auditEvent.findMany({
      where: { entity: "ThankYouMessage", action: "read", actorId: await userId("liaison") },
      orderBy: { id: "asc" },
    });
    expect(trail.length).toBeGreaterThanOrEqual(2);
    expect((trail[0]!.details as { ids: string[] }).ids).toEqual(expect.arrayContaining(nodes.map((n) => n.id)));

    // the salon leader sees their salon's thank-yous and none of the cohort's
    const salon = await salonLeader.graphql<ThankYousResult>(THANK_YOUS);
    expect(salon.data!.thankYous.edges.some((e) => e.node.toGroup?.id === cohortId)).toBe(false);
    expect(salon.data!.thankYous.edges.some((e) => e.node.toGroup?.id === salonId)).toBe(true);

    // the liaison may thank the cohort, not a salon
    const base = { fromName: "漁港の方", body: "ありがとう", receivedOn: "2026-11-20" };
    const ok = await liaison.graphql<SendResult>(SEND, { input: { ...base, toGroupId: cohortId } });
    expect(ok.data!.sendThankYou.data?.status).toBe("PENDING");
    const refused = await liaison.graphql<SendResult>(SEND, { input: { ...base, toGroupId: salonId } });
    expect(refused.data!.sendThankYou.__typename).toBe("ForbiddenError");
  });
});

async function userId(local: string): Promise<string> {
  return (await server.db.prisma.user.findUniqueOrThrow({ where: { email: `${local}@hannan.example` }, select: { id: true } })).id;
}

const COHORTS = `{
  juvenileCohorts {
    id name institution activeParticipantCount
    participants { id code joinedOn leftOn }
    achievements { title achievedOn }
    thankYous { fromName body status }
  }
}`;

interface CohortsResult {
  juvenileCohorts: Array<{
    id: string;
    name: string;
    institution: string;
    activeParticipantCount: number;
    participants: Array<{ id: string; code: string; joinedOn: string; leftOn: string | null }>;
    achievements: Array<{ title: string; achievedOn: string }>;
    thankYous: Array<{ fromName: string; body: string; status: string }>;
  }> | null;
}

describe("the juvenile programme's cohorts", () => {
  it("staff and the liaison see the cohort: codes, the wakame sell-out and approved thank-yous", async () => {
    for (const client of [staff, liaison]) {
      const res = await client.graphql<CohortsResult>(COHORTS);
      expect(res.errors).toBeUndefined();
      const cohort = res.data!.juvenileCohorts!.find((c) => c.id === cohortId)!;
      expect(cohort.institution).toBe("泉南学寮");
      expect(cohort.participants.length).toBeGreaterThanOrEqual(6);
      expect(cohort.participants.every((p) => /^[A-Z0-9-]{2,20}$/.test(p.code))).toBe(true);
      expect(cohort.activeParticipantCount).toBe(cohort.participants.filter((p) => p.leftOn === null).length);
      expect(cohort.achievements.map((a) => a.title).join()).toContain("バリ旨わかめ");
      expect(cohort.thankYous.length).toBeGreaterThan(0);
      expect(cohort.thankYous.every((t) => t.status === "APPROVED")).toBe(true);
      expect(cohort.thankYous.map((t) => t.fromName)).toContain("西鳥取漁港の漁師さん");
    }
  });

  it("audits every read by the liaison, not by staff", async () => {
    const liaisonId = await userId("liaison");
    const staffId = await userId("staff");
    const before = await server.db.prisma.auditEvent.count({ where: { actorId: liaisonId, entity: "JuvenileCohort", action: "read" } });
    const one = await liaison.graphql<{ juvenileCohort: { participants: Array<{ id: string }> } }>(
      "query ($id: ID!) { juvenileCohort(id: $id) { participants { id } } }",
      { id: cohortId },
    );
    expect(one.data!.juvenileCohort.participants.length).toBeGreaterThan(0);
    expect(await server.db.prisma.auditEvent.count({ where: { actorId: liaisonId, entity: "JuvenileCohort", action: "read" } })).toBe(
      before + 1,
    );
    const participants = await server.db.prisma.auditEvent.findFirstOrThrow({
      where: { actorId: liaisonId, entity: "JuvenileParticipant", action: "read" },
      orderBy: { id: "desc" },
    });
    expect((participants.details as { ids: string[] }).ids.sort()).toEqual(one.data!.juvenileCohort.participants.map((p) => p.id).sort());
    await staff.graphql(COHORTS);
    expect(
      await server.db.prisma.auditEvent.count({ where: { actorId: staffId, entity: { in: ["JuvenileCohort", "JuvenileParticipant"] } } }),
    ).toBe(0);
  });

  it("is FORBIDDEN to every other account", async () => {
    for (const client of [salonLeader, coordinator, eventMember, server.anonymous]) {
      const res = await client.graphql<CohortsResult>(COHORTS);
      expect(res.data?.juvenileCohorts ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const one = await client.graphql("query ($id: ID!) { juvenileCohort(id: $id) { id } }", { id: cohortId });
      expect(one.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("a juvenile participant has a code, join and leave dates, and nothing else", async () => {
    const res = await staff.graphql<{ __type: { fields: Array<{ name: string }> } }>(
      '{ __type(name: "JuvenileParticipant") { fields { name } } }',
    );
    expect(res.data!.__type.fields.map((f) => f.name).sort()).toEqual(["code", "id", "joinedOn", "leftOn"]);
  });
});

const RECORD = `mutation ($groupId: ID!, $title: String!, $description: String, $achievedOn: Date!) {
  recordGroupAchievement(groupId: $groupId, title: $title, description: $description, achievedOn: $achievedOn) {
    __typename
    ... on MutationRecordGroupAchievementSuccess { data { id title description achievedOn group { id } } }
    ... on Error { message messageEn code }
    ... on InvalidInputError { issues { path messageEn } }
  }
}`;

describe("group achievements", () => {
  it("staff record one; it shows on the cohort and to the groups' own accounts only", async () => {
    const res = await staff.graphql<{
      recordGroupAchievement: { __typename: string; data: { id: string; title: string; group: { id: string } } };
    }>(RECORD, {
      groupId: cohortId,
      title: "牡蠣小屋の来場者 7,500人",
      description: "炭おこしから配膳まで",
      achievedOn: "2026-03-31",
    });
    expect(res.data!.recordGroupAchievement).toMatchObject({
      __typename: "MutationRecordGroupAchievementSuccess",
      data: { title: "牡蠣小屋の来場者 7,500人" },
    });
    const cohorts = await liaison.graphql<CohortsResult>(COHORTS);
    expect(cohorts.data!.juvenileCohorts![0]!.achievements.map((a) => a.title)).toContain("牡蠣小屋の来場者 7,500人");
    expect(
      await server.db.prisma.auditEvent.count({
        where: { entity: "GroupAchievement", entityId: res.data!.recordGroupAchievement.data.id, action: "create" },
      }),
    ).toBe(1);

    await staff.graphql(RECORD, { groupId: salonId, title: "開設10周年", achievedOn: "2026-10-01" });
    const list = await salonLeader.graphql<{ groupAchievements: Array<{ title: string; group: { id: string } }> }>(
      "{ groupAchievements(first: 100) { title group { id } } }",
    );
    expect(list.data!.groupAchievements.map((a) => a.title)).toContain("開設10周年");
    expect(list.data!.groupAchievements.some((a) => a.group.id === cohortId)).toBe(false);

    // the liaison sees the cohort's among them, and that read is audited
    const seen = await liaison.graphql<{ groupAchievements: Array<{ id: string; group: { id: string } }> }>(
      "{ groupAchievements(first: 100) { id group { id } } }",
    );
    const cohortAchievements = seen.data!.groupAchievements.filter((a) => a.group.id === cohortId).map((a) => a.id);
    expect(cohortAchievements.length).toBeGreaterThanOrEqual(2);
    const trail = await server.db.prisma.auditEvent.findFirstOrThrow({
      where: { entity: "GroupAchievement", action: "read", actorId: await userId("liaison") },
      orderBy: { id: "desc" },
    });
    expect((trail.details as { ids: string[] }).ids.sort()).toEqual(cohortAchievements.sort());
  });

  it("is staff-only, validated, and writes nothing when refused", async () => {
    const before = await server.db.prisma.groupAchievement.count();
    const notStaff = await salonLeader.graphql<{ recordGroupAchievement: { __typename: string; messageEn: string } }>(RECORD, {
      groupId: salonId,
      title: "完売",
      achievedOn: "2026-03-01",
    });
    expect(notStaff.data!.recordGroupAchievement).toMatchObject({
      __typename: "ForbiddenError",
      messageEn: "You are not allowed to see or do this.",
    });
    for (const [vars, path, en] of [
      [{ title: " ", achievedOn: "2026-03-01" }, "title", /Enter the title/],
      [{ title: "完売", achievedOn: "2099-03-01" }, "achievedOn", /cannot be in the future/],
      [{ title: "完売", achievedOn: "2026-03-01", description: "あ".repeat(2001) }, "description", /2,000 characters/],
    ] as const) {
      const res = await staff.graphql<{
        recordGroupAchievement: { __typename: string; issues: Array<{ path: string; messageEn: string }> };
      }>(RECORD, {
        groupId: salonId,
        ...vars,
      });
      expect(res.data!.recordGroupAchievement.__typename).toBe("InvalidInputError");
      expect(res.data!.recordGroupAchievement.issues).toEqual([{ path, messageEn: expect.stringMatching(en) }]);
    }
    const unknown = await staff.graphql<{ recordGroupAchievement: { __typename: string } }>(RECORD, {
      groupId: "00000000-0000-4000-8000-000000000000",
      title: "完売",
      achievedOn: "2026-03-01",
    });
    expect(unknown.data!.recordGroupAchievement.__typename).toBe("NotFoundError");
    expect(await server.db.prisma.groupAchievement.count()).toBe(before);
  });
});
