// The juvenile programme's codes over HTTP (少年法61条): a participant's code, in any width, case or
// spacing, is refused in every free text that leaves staff and the liaison; the programme's own
// texts may carry codes, but a name next to one asks for a confirmation first; and a cohort never
// holds a named person, whoever asks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestClient, type TestServer } from "../testing.ts";

let server: TestServer;
let staff: TestClient;
let liaison: TestClient;

const SAKURA = "ふれあい喫茶 さくら";
const EVENT_BUKAI = "イベント部会";

let F: {
  cohortId: string;
  youth: { code: string; joinedOn: string };
  cohortActivityType: string;
  sakuraId: string;
  sakuraActivityType: string;
  sakuraMemberId: string;
  eventBukaiId: string;
};

/** The code as someone might type it to slip past an exact match. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const spaced = (s: string) => s.toLowerCase().replaceAll("-", " ");

interface Payload {
  __typename: string;
  code?: string;
  messageEn?: string;
  issues?: Array<{ path: string; message: string; messageEn: string }>;
  data?: { id?: string };
}

const RESULT = `__typename
  ... on Error { code messageEn }
  ... on InvalidInputError { issues { path message messageEn } }`;

/** Runs a mutation and returns its union payload (the one root field). */
async function mutate(client: TestClient, mutation: string, variables: Record<string, unknown>): Promise<Payload> {
  const res = await client.graphql<Record<string, Payload>>(mutation, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return Object.values(res.data!)[0]!;
}

const CERTIFICATE = `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { ${RESULT} } }`;
const THANK_YOU = `mutation($input: SendThankYouInput!) { sendThankYou(input: $input) { ${RESULT} ... on MutationSendThankYouSuccess { data { id } } } }`;
const LOG = `mutation($input: LogActivityInput!) { logActivity(input: $input) { ${RESULT} ... on MutationLogActivitySuccess { data { activityLog { id } } } } }`;
const CREATE_EVENT = `mutation($input: CreateEventInput!) { createEvent(input: $input) { ${RESULT} ... on MutationCreateEventSuccess { data { id } } } }`;
const MINUTES = `mutation($input: RecordMeetingMinutesInput!) { recordMeetingMinutes(input: $input) { ${RESULT} } }`;
const ACHIEVEMENT = `mutation($groupId: ID!, $title: String!, $description: String, $achievedOn: Date!) {
  recordGroupAchievement(groupId: $groupId, title: $title, description: $description, achievedOn: $achievedOn) { ${RESULT} } }`;
const CREATE_PERSON = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { ${RESULT} } }`;
const ADD_MEMBERSHIP = `mutation($input: AddMembershipInput!) { addMembership(input: $input) { ${RESULT} } }`;
const ADD_SHIFT = `mutation($input: AddShiftInput!) { addShift(input: $input) { ${RESULT} ... on MutationAddShiftSuccess { data { id } } } }`;
const SIGN_UP = `mutation($shiftId: ID!, $personId: ID!) { signUp(shiftId: $shiftId, personId: $personId) { ${RESULT} } }`;

const CODE_REFUSED = /may not contain a juvenile participant's code/;

beforeAll(async () => {
  server = await startTestServer();
  staff = await server.signIn("staff");
  liaison = await server.signIn("liaison");
  const db = server.db.prisma;
  const youth = await db.juvenileParticipant.findFirstOrThrow({
    orderBy: [{ joinedOn: "desc" }, { code: "asc" }],
    select: { code: true, joinedOn: true, cohortId: true, cohort: { select: { programmeId: true, endedOn: true } } },
  });
  // the demo's cohort ended with its season (March), its youths with it; these tests plan its events
  // in December, and a closed group plans none (organization/group.ts), so here it runs on
  await db.group.update({ where: { id: youth.cohortId }, data: { endedOn: null } });
  if (youth.cohort.endedOn)
    await db.juvenileParticipant.updateMany({ where: { cohortId: youth.cohortId, leftOn: youth.cohort.endedOn }, data: { leftOn: null } });
  const sakura = await db.group.findFirstOrThrow({ where: { name: SAKURA }, select: { id: true, programmeId: true } });
  const activityType = (programmeId: string) =>
    db.activityType
      .findFirstOrThrow({
        where: { OR: [{ programmeId }, { programmeId: null }] },
        orderBy: { programmeId: { sort: "asc", nulls: "last" } },
        select: { code: true },
      })
      .then((t) => t.code);
  const member = await db.membership.findFirstOrThrow({ where: { groupId: sakura.id, endedOn: null }, select: { personId: true } });
  const eventBukai = await db.group.findFirstOrThrow({ where: { name: { startsWith: EVENT_BUKAI } }, select: { id: true } });
  F = {
    cohortId: youth.cohortId,
    youth: { code: youth.code, joinedOn: youth.joinedOn.toISOString().slice(0, 10) },
    cohortActivityType: await activityType(youth.cohort.programmeId),
    sakuraId: sakura.id,
    sakuraActivityType: await activityType(sakura.programmeId),
    sakuraMemberId: member.personId,
    eventBukaiId: eventBukai.id,
  };
});
afterAll(() => server?.close());

describe("a participant's code in text that leaves staff and the liaison", () => {
  it("is refused in every such field, in full width, lower case or without its separators; nothing is saved", async () => {
    const code = F.youth.code;
    const day = "2026-11-20";
    const cases: Array<[string, () => Promise<Payload>, string]> = [
      [
        "a person's certificate",
        () =>
          mutate(staff, CERTIFICATE, {
            input: { personId: F.sakuraMemberId, title: "感謝状", body: `${fullWidth(code)}と一緒に`, issuedOn: day },
          }),
        "input.body",
      ],
      [
        "a thank-you to a salon",
        () =>
          mutate(staff, THANK_YOU, {
            input: { toGroupId: F.sakuraId, fromName: "利用者", body: `${code.toLowerCase()}くん ありがとう`, receivedOn: day },
          }),
        "input.body",
      ],
      [
        "a salon's activity log",
        () =>
          mutate(staff, LOG, {
            input: {
              groupId: F.sakuraId,
              activityTypeCode: F.sakuraActivityType,
              date: day,
              minutes: 60,
              description: `${spaced(code)} も来た`,
              participantPersonIds: [F.sakuraMemberId],
              submit: false,
            },
          }),
        "input.description",
      ],
      [
        "a 部会's event title",
        () =>
          mutate(staff, CREATE_EVENT, {
            input: {
              groupId: F.eventBukaiId,
              title: `${fullWidth(code.toLowerCase())} 歓迎会`,
              startsAt: "2026-12-10T01:00:00Z",
              endsAt: "2026-12-10T03:00:00Z",
            },
          }),
        "input.title",
      ],
      [
        "a 部会's minutes",
        () =>
          mutate(staff, MINUTES, {
            input: { groupId: F.eventBukaiId, heldOn: day, title: "定例会", body: `出席: ${code.replaceAll("-", "・")}` },
          }),
        "input.body",
      ],
      [
        "a salon's achievement",
        () =>
          mutate(staff, ACHIEVEMENT, {
            groupId: F.sakuraId,
            title: "100回開催",
            description: `${code.replaceAll("-", "")}も参加`,
            achievedOn: day,
          }),
        "description",
      ],
      [
        "a person's display name",
        () =>
          mutate(staff, CREATE_PERSON, { input: { legalName: "試験 太郎", legalNameKana: "しけん たろう", displayName: spaced(code) } }),
        "input.displayName",
      ],
    ];
    const before = await server.db.prisma.auditEvent.count({ where: { action: { not: "read" } } });
    for (const [what, run, path] of cases) {
      const payload = await run();
      expect(payload, what).toMatchObject({ __typename: "InvalidInputError", code: "INVALID_INPUT" });
      expect(payload.issues, what).toEqual([expect.objectContaining({ path, messageEn: expect.stringMatching(CODE_REFUSED) })]);
      expect(payload.issues![0]!.message, what).toContain("少年法61条");
    }
    // nothing was written (every change leaves an audit entry)
    expect(await server.db.prisma.auditEvent.count({ where: { action: { not: "read" } } })).toBe(before);
  });

  it("a youth's certificate carries no code either, however it is typed", async () => {
    const youth = await server.db.prisma.juvenileParticipant.findFirstOrThrow({ where: { code: F.youth.code }, select: { id: true } });
    const payload = await mutate(staff, CERTIFICATE, {
      input: {
        juvenileParticipantId: youth.id,
        title: `感謝状 ${spaced(F.youth.code)}`,
        body: "わかめの袋詰め、ありがとう。",
        issuedOn: "2026-11-20",
      },
    });
    expect(payload).toMatchObject({ __typename: "InvalidInputError", issues: [expect.objectContaining({ path: "input.title" })] });
  });
});

describe("the juvenile programme's own texts", () => {
  const cohortLog = (description: string, acknowledgeNameWarning?: boolean) =>
    mutate(liaison, LOG, {
      input: {
        groupId: F.cohortId,
        activityTypeCode: F.cohortActivityType,
        date: F.youth.joinedOn,
        minutes: 90,
        description,
        juvenileCodes: [F.youth.code],
        submit: false,
        ...(acknowledgeNameWarning === undefined ? {} : { acknowledgeNameWarning }),
      },
    });

  it("may name codes: the liaison logs 「<code> がわかめの袋詰め」 at once", async () => {
    const payload = await cohortLog(`${F.youth.code} がわかめの袋詰めを担当`);
    expect(payload.__typename).toBe("MutationLogActivitySuccess");
  });

  it("a name next to a code asks for a confirmation (nothing saved), then saves when acknowledged", async () => {
    const description = `${F.youth.code}（山田）がわかめの袋詰めを担当`;
    const logs = () => server.db.prisma.activityLog.count({ where: { groupId: F.cohortId, description } });
    const asked = await cohortLog(description);
    expect(asked).toMatchObject({ __typename: "InvalidInputError", code: "CONFIRMATION_REQUIRED" });
    expect(asked.issues).toEqual([
      expect.objectContaining({
        path: "input.description",
        messageEn: expect.stringMatching(/personal name next to a participant's code/),
      }),
    ]);
    expect(await logs()).toBe(0);
    const saved = await cohortLog(description, true);
    expect(saved.__typename).toBe("MutationLogActivitySuccess");
    expect(await logs()).toBe(1);
  });

  it("a cohort's event title with a name next to a code asks too", async () => {
    const input = {
      groupId: F.cohortId,
      title: `山田太郎 ${F.youth.code} 牡蠣小屋`,
      startsAt: "2026-12-11T01:00:00Z",
      endsAt: "2026-12-11T03:00:00Z",
    };
    expect(await mutate(staff, CREATE_EVENT, { input })).toMatchObject({ code: "CONFIRMATION_REQUIRED" });
    expect((await mutate(staff, CREATE_EVENT, { input: { ...input, acknowledgeNameWarning: true } })).__typename).toBe(
      "MutationCreateEventSuccess",
    );
  });
});

describe("a cohort holds no named person", () => {
  it("staff cannot put a person on a cohort's roster", async () => {
    const payload = await mutate(staff, ADD_MEMBERSHIP, {
      input: { groupId: F.cohortId, personId: F.sakuraMemberId, roleCode: "member", startedOn: "2026-11-01" },
    });
    expect(payload).toMatchObject({ __typename: "InvalidInputError", issues: [expect.objectContaining({ path: "input.groupId" })] });
    expect(payload.issues![0]!.messageEn).toMatch(/never holds a named person/);
    expect(await server.db.prisma.membership.count({ where: { groupId: F.cohortId } })).toBe(0);
  });

  it("neither staff nor the liaison can sign a person up for a cohort's event", async () => {
    const event = await mutate(staff, CREATE_EVENT, {
      input: { groupId: F.cohortId, title: "牡蠣小屋の手伝い", startsAt: "2026-12-12T01:00:00Z", endsAt: "2026-12-12T03:00:00Z" },
    });
    expect(event.__typename).toBe("MutationCreateEventSuccess");
    const shift = await mutate(staff, ADD_SHIFT, {
      input: { eventId: event.data!.id, title: "午前", startsAt: "2026-12-12T01:00:00Z", endsAt: "2026-12-12T03:00:00Z", capacity: 5 },
    });
    expect(shift.__typename).toBe("MutationAddShiftSuccess");
    for (const client of [staff, liaison]) {
      const payload = await mutate(client, SIGN_UP, { shiftId: shift.data!.id, personId: F.sakuraMemberId });
      expect(payload).toMatchObject({ __typename: "InvalidInputError", code: "INVALID_INPUT" });
      expect(payload.issues![0]!.messageEn).toMatch(/never holds a named person/);
    }
    expect(await server.db.prisma.signUp.count({ where: { shiftId: shift.data!.id } })).toBe(0);
  });
});
