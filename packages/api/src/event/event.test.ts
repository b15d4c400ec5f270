// Events of the 草の根ネットワーク's 部会 over HTTP, as the demo accounts: shifts and sign-ups under
// concurrency (on both databases), the waiting list, who may see and change what, validation, and
// attendance → activity log.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestClient, type TestServer } from "../testing.ts";

let server: TestServer;
let staff: TestClient;
let bukai: TestClient;
let salonLeader: TestClient;
let coordinator: TestClient;
let orgId: string;
/** イベント部会「ぼちぼちいこらyo！」 */
let groupId: string;
/** 居場所部会「虹みっけ」: a 部会 the event-bukai account does not reach */
let otherBukaiId: string;
/** 50 members of the イベント部会 made for these tests (no insurance unless given below) */
let people: string[];
/** a person of the organisation who is no member of the network */
let outsiderId: string;

/** A query refused as a whole: no data, a FORBIDDEN error in both languages. */
function expectForbidden(res: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }) {
  expect(res.errors?.[0]).toMatchObject({
    message: "この操作・情報へのアクセス権限がありません。",
    extensions: { code: "FORBIDDEN", messageEn: "You are not allowed to see or do this." },
  });
}

interface Result {
  __typename: string;
  message?: string;
  messageEn?: string;
  code?: string;
  issues?: Array<{ path: string; message: string; messageEn: string }>;
  data?: Record<string, unknown> & { id: string };
}

const RESULT = `__typename ... on Error { message messageEn code } ... on InvalidInputError { issues { path message messageEn } }`;

const VAR_TYPES: Record<string, string> = {
  attendedPersonIds: "[ID!]!",
  activityTypeCode: "String!",
  minutes: "Int",
  peopleServed: "Int",
};

const capitalised = (field: string) => `${field[0]!.toUpperCase()}${field.slice(1)}`;

/** Runs a mutation with `vars` as its arguments and returns its typed result (data or an error). */
async function mutate(client: TestClient, field: string, selection: string, vars: Record<string, unknown>) {
  const type = (k: string) => (k === "input" ? `${capitalised(field)}Input!` : (VAR_TYPES[k] ?? "ID!"));
  const decl = Object.keys(vars)
    .map((k) => `$${k}: ${type(k)}`)
    .join(", ");
  const args = Object.keys(vars)
    .map((k) => `${k}: $${k}`)
    .join(", ");
  const res = await client.graphql<Record<string, Result>>(
    `mutation(${decl}) { r: ${field}(${args}) { ${RESULT} ... on Mutation${capitalised(field)}Success { data { ${selection} } } } }`,
    vars,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.r!;
}

async function createEvent(client: TestClient, input: Record<string, unknown>) {
  return mutate(client, "createEvent", "id title status group { id }", { input });
}

async function addShift(client: TestClient, input: Record<string, unknown>) {
  return mutate(client, "addShift", "id capacity placesLeft", { input });
}

const SIGN_UP = "id status signedUpAt person { id } shift { id placesLeft }";

function signUp(client: TestClient, shiftId: string, personId: string) {
  return mutate(client, "signUp", SIGN_UP, { shiftId, personId });
}

function cancelSignUp(client: TestClient, signUpId: string) {
  return mutate(client, "cancelSignUp", SIGN_UP, { signUpId });
}

interface ShiftView {
  capacity: number;
  placesLeft: number;
  confirmed: Array<{ id: string; person: { id: string }; signedUpAt: string }>;
  waitlist: Array<{ id: string; person: { id: string }; signedUpAt: string }>;
  cancelled: Array<{ id: string; person: { id: string } }>;
}

async function shiftView(client: TestClient, eventId: string, shiftId: string): Promise<ShiftView> {
  const res = await client.graphql<{ event: { shifts: Array<ShiftView & { id: string }> } }>(
    `query($id: ID!) { event(id: $id) { shifts { id capacity placesLeft
        confirmed { id signedUpAt person { id } } waitlist { id signedUpAt person { id } } cancelled { id person { id } } } } }`,
    { id: eventId },
  );
  expect(res.errors).toBeUndefined();
  const shift = res.data!.event.shifts.find((s) => s.id === shiftId);
  if (!shift) throw new Error("shift not found");
  return shift;
}

/** A new event of the イベント部会 with one shift, made through the API. */
async function eventWithShift(capacity: number, start = "2026-12-20T09:00:00+09:00", end = "2026-12-20T12:00:00+09:00") {
  const ev = await createEvent(bukai, { groupId, title: "年末ふれあいバザー 出店", startsAt: start, endsAt: "2026-12-20T15:00:00+09:00" });
  expect(ev.__typename).toBe("MutationCreateEventSuccess");
  const shift = await addShift(bukai, { eventId: ev.data!.id, title: "午前（準備・受付）", startsAt: start, endsAt: end, capacity });
  expect(shift.__typename).toBe("MutationAddShiftSuccess");
  return { eventId: ev.data!.id, shiftId: shift.data!.id };
}

beforeAll(async () => {
  server = await startTestServer({ viewerCacheTtlMs: 10 * 60_000 });
  [staff, bukai, salonLeader, coordinator] = await Promise.all([
    server.signIn("staff"),
    server.signIn("event-bukai"),
    server.signIn("salon-leader"),
    server.signIn("coordinator.ozaki"),
  ]);
  const me = await bukai.graphql<{ me: { organizationId: string; subcommitteeIds: string[] } }>(
    "{ me { organizationId subcommitteeIds } }",
  );
  orgId = me.data!.me.organizationId;
  groupId = me.data!.me.subcommitteeIds[0]!;

  const db = server.db.prisma;
  const [ibasho, member, outsider] = await Promise.all([
    db.group.findFirstOrThrow({ where: { orgId, nickname: "虹みっけ" }, select: { id: true } }),
    db.groupRole.findFirstOrThrow({ where: { orgId, code: "member" }, select: { id: true } }),
    // a salon volunteer with no membership in the network
    db.person.findFirstOrThrow({
      where: {
        orgId,
        childVolunteer: null,
        memberships: { some: { group: { programme: { code: "salon" } } }, none: { group: { programme: { code: "network" } } } },
      },
      select: { id: true },
    }),
  ]);
  otherBukaiId = ibasho.id;
  outsiderId = outsider.id;
  // the 50 people of the concurrency test (no API makes people yet): members of the イベント部会
  people = Array.from({ length: 50 }, () => randomUUID());
  await db.person.createMany({
    data: people.map((id, i) => ({ id, orgId, legalName: `試験 ${i + 1}号`, legalNameKana: "しけん" })),
  });
  await db.membership.createMany({
    data: people.map((personId) => ({ orgId, groupId, personId, groupRoleId: member.id, startedOn: new Date("2026-04-01T00:00:00Z") })),
  });
});
afterAll(() => server?.close());

describe("sign-ups under concurrency", () => {
  it("50 parallel sign-ups to a 10-place shift end with exactly 10 confirmed and 40 waiting, none lost", async () => {
    const { eventId, shiftId } = await eventWithShift(10);
    const results = await Promise.all(people.map((personId, i) => signUp(i % 2 === 0 ? bukai : staff, shiftId, personId)));

    expect(results.map((r) => r.__typename)).toEqual(Array(50).fill("MutationSignUpSuccess"));
    const statuses = results.map((r) => r.data!.status);
    expect(statuses.filter((s) => s === "CONFIRMED")).toHaveLength(10);
    expect(statuses.filter((s) => s === "WAITLISTED")).toHaveLength(40);

    const view = await shiftView(bukai, eventId, shiftId);
    expect(view.placesLeft).toBe(0);
    expect(view.confirmed).toHaveLength(10);
    expect(view.waitlist).toHaveLength(40);
    expect(new Set([...view.confirmed, ...view.waitlist].map((s) => s.person.id))).toEqual(new Set(people));
    // everyone confirmed came before everyone waiting (the queue order is the lock order)
    const lastConfirmed = Math.max(...view.confirmed.map((s) => Date.parse(s.signedUpAt)));
    expect(Date.parse(view.waitlist[0]!.signedUpAt)).toBeGreaterThanOrEqual(lastConfirmed);
    expect(await server.db.prisma.signUp.count({ where: { shiftId } })).toBe(50);

    // five parallel cancellations of confirmed places promote exactly the first five waiting
    const cancelled = view.confirmed.slice(0, 5);
    const firstWaiting = view.waitlist.slice(0, 5).map((s) => s.person.id);
    const cancels = await Promise.all(cancelled.map((s, i) => cancelSignUp(i % 2 ? staff : bukai, s.id)));
    expect(cancels.map((r) => r.data?.status)).toEqual(Array(5).fill("CANCELLED"));
    const after = await shiftView(staff, eventId, shiftId);
    expect(after.confirmed).toHaveLength(10);
    expect(after.waitlist).toHaveLength(35);
    expect(after.cancelled).toHaveLength(5);
    expect(after.confirmed.map((s) => s.person.id)).toEqual(expect.arrayContaining(firstWaiting));
    expect(after.waitlist.map((s) => s.person.id)).toEqual(view.waitlist.slice(5).map((s) => s.person.id));
  });
});

describe("the waiting list", () => {
  it("a third person on a 2-place shift waits, and is confirmed when someone cancels", async () => {
    const { eventId, shiftId } = await eventWithShift(2);
    const [a, b, c, d] = people as [string, string, string, string];
    const first = await signUp(bukai, shiftId, a);
    const second = await signUp(bukai, shiftId, b);
    const third = await signUp(bukai, shiftId, c);
    const fourth = await signUp(bukai, shiftId, d);
    expect([first, second, third, fourth].map((r) => r.data!.status)).toEqual(["CONFIRMED", "CONFIRMED", "WAITLISTED", "WAITLISTED"]);
    expect(second.data!.shift).toMatchObject({ placesLeft: 0 });

    // signing up twice is refused, and changes nothing
    const twice = await signUp(bukai, shiftId, a);
    expect(twice).toMatchObject({
      __typename: "ConflictError",
      code: "CONFLICT",
      messageEn: "This person is already signed up to this shift.",
    });
    expect(twice.message).toContain("申し込み済み");

    // the first confirmed person cancels: the first waiting (c) is promoted, d still waits
    const cancelled = await cancelSignUp(bukai, first.data!.id);
    expect(cancelled.data).toMatchObject({ status: "CANCELLED", shift: { placesLeft: 0 } });
    let view = await shiftView(bukai, eventId, shiftId);
    expect(view.confirmed.map((s) => s.person.id)).toEqual([b, c]);
    expect(view.waitlist.map((s) => s.person.id)).toEqual([d]);

    // cancelling a waiting sign-up promotes nobody; cancelling twice is refused
    const waitingCancelled = await cancelSignUp(staff, fourth.data!.id);
    expect(waitingCancelled.data?.status).toBe("CANCELLED");
    expect((await cancelSignUp(staff, fourth.data!.id)).__typename).toBe("ConflictError");

    // a is back: the cancelled sign-up is reused (one per person and shift), at the back of the queue
    const again = await signUp(bukai, shiftId, a);
    expect(again.data).toMatchObject({ id: first.data!.id, status: "WAITLISTED" });
    expect(Date.parse(again.data!.signedUpAt as unknown as string)).toBeGreaterThan(
      Date.parse(third.data!.signedUpAt as unknown as string),
    );
    view = await shiftView(bukai, eventId, shiftId);
    expect(view.confirmed.map((s) => s.person.id)).toEqual([b, c]);
    expect(view.waitlist.map((s) => s.person.id)).toEqual([a]);
    expect(view.cancelled.map((s) => s.person.id)).toEqual([d]);
    expect(await server.db.prisma.signUp.count({ where: { shiftId } })).toBe(4);

    // a larger capacity confirms the person waiting; below the confirmed count is refused
    const bigger = await mutate(bukai, "updateShift", "capacity placesLeft waitlist { id }", { input: { id: shiftId, capacity: 4 } });
    expect(bigger.data).toMatchObject({ capacity: 4, placesLeft: 1, waitlist: [] });
    const smaller = await mutate(bukai, "updateShift", "capacity", { input: { id: shiftId, capacity: 1 } });
    expect(smaller.__typename).toBe("InvalidInputError");
    expect(smaller.issues?.[0]).toMatchObject({ path: "input.capacity", messageEn: expect.stringContaining("3 confirmed") });
  });

  it("a cancelled event takes no more sign-ups", async () => {
    const { eventId, shiftId } = await eventWithShift(5);
    const cancelled = await mutate(bukai, "cancelEvent", "status", { id: eventId });
    expect(cancelled.data).toMatchObject({ status: "CANCELLED" });
    const refused = await signUp(bukai, shiftId, people[0]!);
    expect(refused).toMatchObject({ __typename: "ConflictError", messageEn: "The event has been cancelled; sign-ups are closed." });
    expect(await server.db.prisma.signUp.count({ where: { shiftId } })).toBe(0);
  });
});

describe("who may see and change a 部会's events", () => {
  let eventId: string;
  let shiftId: string;
  let signUpId: string;
  beforeAll(async () => {
    ({ eventId, shiftId } = await eventWithShift(3));
    signUpId = (await signUp(bukai, shiftId, people[10]!)).data!.id;
  });

  it("the 部会's member and staff see its events; staff may list the whole organisation's", async () => {
    const q = `query($g: ID) { events(groupId: $g) { id group { id } } }`;
    const mine = await bukai.graphql<{ events: Array<{ id: string; group: { id: string } }> }>(q, { g: groupId });
    expect(mine.data!.events.map((e) => e.id)).toContain(eventId);
    expect(mine.data!.events.every((e) => e.group.id === groupId)).toBe(true);
    const all = await staff.graphql<{ events: Array<{ id: string }> }>(q, {});
    expect(all.data!.events.map((e) => e.id)).toContain(eventId);

    // a window: only events overlapping it
    const window = await bukai.graphql<{ events: Array<{ id: string; startsAt: string }> }>(
      `query($g: ID!) { events(groupId: $g, from: "2026-12-01T00:00:00+09:00", to: "2027-01-01T00:00:00+09:00") { id startsAt } }`,
      { g: groupId },
    );
    expect(window.data!.events.map((e) => e.id)).toContain(eventId);
    expect(window.data!.events.every((e) => e.startsAt >= "2026-11-30")).toBe(true);
    const before = await bukai.graphql<{ events: Array<{ id: string }> }>(
      `query($g: ID!) { events(groupId: $g, to: "2026-11-01T00:00:00+09:00") { id } }`,
      { g: groupId },
    );
    expect(before.data!.events.map((e) => e.id)).not.toContain(eventId);
  });

  it("a salon leader and a school coordinator are refused everything of the 部会", async () => {
    for (const outsider of [salonLeader, coordinator]) {
      const list = await outsider.graphql(`query($g: ID!) { events(groupId: $g) { id } }`, { g: groupId });
      expect(list.data).toBeNull();
      expectForbidden(list);
      const whole = await outsider.graphql(`{ events { id } }`);
      expectForbidden(whole);
      // the same answer as for an id that does not exist: null, no error (existence is not revealed)
      const one = await outsider.graphql<{ event: unknown }>(`query($id: ID!) { event(id: $id) { id title } }`, { id: eventId });
      const unknown = await outsider.graphql<{ event: unknown }>(`query($id: ID!) { event(id: $id) { id title } }`, { id: randomUUID() });
      expect(one.errors).toBeUndefined();
      expect(one.data).toEqual({ event: null });
      expect(unknown).toEqual(one);
      const minutes = await outsider.graphql(`query($g: ID!) { meetingMinutes(groupId: $g) { id } }`, { g: groupId });
      expectForbidden(minutes);

      expect(
        await createEvent(outsider, { groupId, title: "x", startsAt: "2026-12-01T10:00:00Z", endsAt: "2026-12-01T11:00:00Z" }),
      ).toMatchObject({
        __typename: "ForbiddenError",
        code: "FORBIDDEN",
        messageEn: "You are not allowed to see or do this.",
      });
      expect((await signUp(outsider, shiftId, people[11]!)).__typename).toBe("ForbiddenError");
      expect((await cancelSignUp(outsider, signUpId)).__typename).toBe("ForbiddenError");
      expect((await mutate(outsider, "cancelEvent", "status", { id: eventId })).__typename).toBe("ForbiddenError");
      expect(
        (await addShift(outsider, { eventId, title: "x", startsAt: "2026-12-20T09:00:00Z", endsAt: "2026-12-20T10:00:00Z", capacity: 1 }))
          .__typename,
      ).toBe("ForbiddenError");
    }
    const db = server.db.prisma;
    expect(await db.signUp.findUniqueOrThrow({ where: { id: signUpId }, select: { status: true } })).toEqual({ status: "CONFIRMED" });
    expect(await db.signUp.count({ where: { shiftId } })).toBe(1);
    expect(await db.shift.count({ where: { eventId } })).toBe(1);
    expect(await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { status: true } })).toEqual({ status: "PLANNED" });
    expect(await db.event.count({ where: { orgId, title: "x" } })).toBe(0);
  });

  it("a 部会's member is refused another 部会's events; staff are not", async () => {
    const refused = await createEvent(bukai, {
      groupId: otherBukaiId,
      title: "見学",
      startsAt: "2026-12-05T10:00:00Z",
      endsAt: "2026-12-05T12:00:00Z",
    });
    expect(refused.__typename).toBe("ForbiddenError");
    const list = await bukai.graphql(`query($g: ID!) { events(groupId: $g) { id } }`, { g: otherBukaiId });
    expectForbidden(list);
    const allowed = await createEvent(staff, {
      groupId: otherBukaiId,
      title: "子ども食堂の見学",
      startsAt: "2026-12-05T10:00:00Z",
      endsAt: "2026-12-05T12:00:00Z",
    });
    expect(allowed.data).toMatchObject({ group: { id: otherBukaiId }, status: "PLANNED" });
    const hidden = await bukai.graphql(`query($id: ID!) { event(id: $id) { id } }`, { id: allowed.data!.id });
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data).toEqual({ event: null });
  });

  it("a 部会's member signs up only members of the 部会 or its network; staff anyone of the organisation", async () => {
    const refused = await signUp(bukai, shiftId, outsiderId);
    expect(refused).toMatchObject({
      __typename: "ForbiddenError",
      messageEn: "Only members of the subcommittee or its network can be signed up or assigned.",
    });
    expect(refused.message).toContain("メンバーではない");
    expect(await server.db.prisma.signUp.count({ where: { shiftId, personId: outsiderId } })).toBe(0);
    // a member of the network (not of this 部会) may be signed up
    const networkOnly = await server.db.prisma.person.findFirstOrThrow({
      where: { orgId, memberships: { some: { groupId: otherBukaiId, endedOn: null }, none: { groupId } } },
      select: { id: true },
    });
    expect((await signUp(bukai, shiftId, networkOnly.id)).data?.status).toBe("CONFIRMED");
    expect((await signUp(staff, shiftId, outsiderId)).data?.status).toBe("CONFIRMED");
    // the 部会 sees those sign-ups, but not the names of people outside it (person.ts's rule)
    const seen = await bukai.graphql<{
      event: { shifts: Array<{ confirmed: Array<{ person: { id: string; name: string | null } | null }> }> };
    }>(`query($id: ID!) { event(id: $id) { shifts { confirmed { person { id name } } } } }`, { id: eventId });
    const names = seen.data!.event.shifts[0]!.confirmed.map((s) => s.person?.name ?? null);
    expect(names).toEqual(["試験 11号", null, null]);
    expect(seen.errors?.map((e) => [e.path?.slice(-2), e.extensions?.code])).toEqual([
      [["person", "name"], "FORBIDDEN"],
      [["person", "name"], "FORBIDDEN"],
    ]);
    // only the refused name is null: the person (and the sign-up) stay
    expect(seen.data!.event.shifts[0]!.confirmed.map((s) => s.person?.id ?? null)).toEqual([people[10], networkOnly.id, outsiderId]);
    expect(
      await server.db.prisma.signUp.count({ where: { shiftId, personId: { in: [networkOnly.id, outsiderId] }, status: "CONFIRMED" } }),
    ).toBe(2);
    // nobody of another organisation, or no one at all
    expect((await signUp(staff, shiftId, randomUUID())).__typename).toBe("NotFoundError");
  });
});

describe("validation", () => {
  it("bad input is refused in Japanese and English, and nothing is written", async () => {
    const db = server.db.prisma;
    const eventsBefore = await db.event.count({ where: { orgId } });
    const empty = await createEvent(bukai, { groupId, title: "   ", startsAt: "2026-12-01T10:00:00Z", endsAt: "2026-12-01T11:00:00Z" });
    expect(empty).toMatchObject({
      __typename: "InvalidInputError",
      code: "INVALID_INPUT",
      messageEn: "The input has 1 problem(s). Nothing was saved.",
      issues: [{ path: "input.title", message: "件名を入力してください。", messageEn: "Enter a title." }],
    });
    expect(empty.message).toContain("何も保存していません");
    const backwards = await createEvent(bukai, {
      groupId,
      title: "逆さま",
      startsAt: "2026-12-01T11:00:00Z",
      endsAt: "2026-12-01T10:00:00Z",
    });
    expect(backwards.issues).toEqual([
      { path: "input.endsAt", message: "終了日時は開始日時より後にしてください。", messageEn: "The end must not be before the start." },
    ]);
    expect(await db.event.count({ where: { orgId } })).toBe(eventsBefore);

    const { eventId, shiftId } = await eventWithShift(2);
    const negative = await addShift(bukai, {
      eventId,
      title: "午後",
      startsAt: "2026-12-20T12:00:00Z",
      endsAt: "2026-12-20T15:00:00Z",
      capacity: -1,
    });
    expect(negative.issues).toEqual([
      { path: "input.capacity", message: "定員は0以上で入力してください。", messageEn: "The capacity cannot be negative." },
    ]);
    expect(await db.shift.count({ where: { eventId } })).toBe(1);

    // a malformed id is refused with the whole request, before anything runs (request-checks.ts)
    const badId = await bukai.graphql(`mutation ($s: ID!, $p: ID!) { signUp(shiftId: $s, personId: $p) { __typename } }`, {
      s: shiftId,
      p: "not-an-id",
    });
    expect(badId.status).toBe(400);
    expect(badId.errors?.[0]?.extensions).toMatchObject({
      code: "INVALID_INPUT",
      issues: [{ path: "signUp.personId", message: "ID の形式が正しくありません。", messageEn: "Not a valid ID." }],
    });
    expect(await db.signUp.count({ where: { shiftId } })).toBe(0);

    // a change that would put the end before the (stored) start
    const update = await mutate(bukai, "updateEvent", "id", { input: { id: eventId, endsAt: "2026-12-19T00:00:00Z" } });
    expect(update.issues?.[0]).toMatchObject({ path: "input.endsAt", messageEn: "The end must not be before the start." });
    expect((await db.event.findUniqueOrThrow({ where: { id: eventId } })).endsAt.toISOString()).toBe("2026-12-20T06:00:00.000Z");
  });
});

describe("event tasks", () => {
  it("adds, assigns, dates, toggles and removes a task", async () => {
    const { eventId } = await eventWithShift(1);
    const added = await mutate(bukai, "addEventTask", "id title done assignee { id name } dueOn sortOrder", {
      input: { eventId, title: "千本くじの景品の買い出し", assigneeId: people[0], dueOn: "2026-12-13" },
    });
    expect(added.data).toMatchObject({
      title: "千本くじの景品の買い出し",
      done: false,
      assignee: { id: people[0], name: "試験 1号" },
      dueOn: "2026-12-13",
      sortOrder: 1,
    });
    const taskId = added.data!.id;
    const done = await mutate(bukai, "updateEventTask", "done doneAt dueOn assignee { id }", {
      input: { id: taskId, done: true, assigneeId: people[1], dueOn: null },
    });
    expect(done.data).toMatchObject({ done: true, dueOn: null, assignee: { id: people[1] } });
    expect(done.data!.doneAt).toBeTruthy();
    const undone = await mutate(bukai, "updateEventTask", "done doneAt assignee { id }", {
      input: { id: taskId, done: false, assigneeId: null },
    });
    expect(undone.data).toMatchObject({ done: false, doneAt: null, assignee: null });
    const outsider = await mutate(bukai, "updateEventTask", "id", { input: { id: taskId, assigneeId: outsiderId } });
    expect(outsider.__typename).toBe("ForbiddenError");
    expect(await server.db.prisma.eventTask.findUniqueOrThrow({ where: { id: taskId }, select: { assigneeId: true } })).toEqual({
      assigneeId: null,
    });
    expect((await mutate(salonLeader, "updateEventTask", "id", { input: { id: taskId, done: true } })).__typename).toBe("ForbiddenError");

    const removed = await mutate(bukai, "removeEventTask", "id tasks { id }", { id: taskId });
    expect(removed.data).toMatchObject({ id: eventId, tasks: [] });
    expect(await server.db.prisma.eventTask.count({ where: { id: taskId } })).toBe(0);
    const audited = await server.db.prisma.auditEvent.count({ where: { entity: "EventTask", entityId: taskId } });
    expect(audited).toBe(4);
  });
});

describe("attendance and the activity log", () => {
  it("turns attendance into one submitted activity log, flags the uninsured, and refuses a second", async () => {
    const db = server.db.prisma;
    const [p1, p2, p3, p4] = people.slice(20, 24) as [string, string, string, string];
    // p1 and p3 are insured for 年度 2026; p2 is not (and p4 will not come)
    await db.insuranceEnrolment.createMany({
      data: [p1, p3].map((personId) => ({
        orgId,
        personId,
        fiscalYear: 2026,
        plan: "ボランティア活動保険（基本タイプ）",
        enrolledOn: new Date("2026-04-01T00:00:00Z"),
      })),
    });
    const { eventId, shiftId: morning } = await eventWithShift(3, "2026-12-20T09:00:00+09:00", "2026-12-20T12:00:00+09:00");
    const afternoon = (
      await addShift(bukai, {
        eventId,
        title: "午後",
        startsAt: "2026-12-20T12:00:00+09:00",
        endsAt: "2026-12-20T14:00:00+09:00",
        capacity: 3,
      })
    ).data!.id;
    for (const p of [p1, p2, p4]) expect((await signUp(bukai, morning, p)).data?.status).toBe("CONFIRMED");
    for (const p of [p1, p3]) expect((await signUp(bukai, afternoon, p)).data?.status).toBe("CONFIRMED");

    // someone not signed up to the shift cannot be marked present
    const stranger = await mutate(bukai, "markAttendance", "id", {
      shiftId: morning,
      attendedPersonIds: [p1, p3],
    });
    expect(stranger.issues).toEqual([
      {
        path: "attendedPersonIds.1",
        message: "このシフトに申し込んでいない人です。先に申し込みを登録してください。",
        messageEn: "This person is not signed up to the shift; sign them up first.",
      },
    ]);
    expect(await db.signUp.count({ where: { shiftId: morning, attended: { not: null } } })).toBe(0);

    // morning: p4 did not come; afternoon: attendance not taken, so the confirmed count
    const marked = await mutate(bukai, "markAttendance", "confirmed { person { id } attended }", {
      shiftId: morning,
      attendedPersonIds: [p1, p2],
    });
    expect(marked.data!.confirmed).toEqual([
      { person: { id: p1 }, attended: true },
      { person: { id: p2 }, attended: true },
      { person: { id: p4 }, attended: false },
    ]);

    const record = (v: Record<string, unknown>) => mutate(bukai, "recordEventActivityLog", "id status activityLogId", v);
    const unknownType = await record({ eventId, activityTypeCode: "salon", peopleServed: 10 });
    expect(unknownType.issues?.[0]).toMatchObject({ path: "activityTypeCode", messageEn: "Not an activity type this group can use." });
    const refused = await mutate(salonLeader, "recordEventActivityLog", "id", {
      eventId,
      activityTypeCode: "event",
    });
    expect(refused.__typename).toBe("ForbiddenError");
    expect(
      await db.activityLog.count({ where: { orgId, description: "年末ふれあいバザー 出店", date: new Date("2026-12-20T00:00:00Z") } }),
    ).toBe(0);

    const logged = await record({ eventId, activityTypeCode: "event", peopleServed: 150 });
    expect(logged.data).toMatchObject({ id: eventId, status: "HELD" });
    const logId = logged.data!.activityLogId as string;
    expect(logId).toBeTruthy();
    const seen = await bukai.graphql<{ event: { activityLog: unknown } }>(
      `query($id: ID!) { event(id: $id) { activityLog { id status fiscalYear participantCount uninsuredCount } } }`,
      { id: eventId },
    );
    expect(seen.data!.event.activityLog).toEqual({
      id: logId,
      status: "SUBMITTED",
      fiscalYear: 2026,
      participantCount: 3,
      uninsuredCount: 1,
    });

    const log = await db.activityLog.findUniqueOrThrow({
      where: { id: logId },
      include: { participants: { select: { personId: true, minutes: true, uninsured: true } }, activityType: { select: { code: true } } },
    });
    expect(log).toMatchObject({
      groupId,
      status: "SUBMITTED",
      fiscalYear: 2026,
      minutes: 360,
      peopleServed: 150,
      place: null,
      activityType: { code: "event" },
    });
    expect(log.date.toISOString().slice(0, 10)).toBe("2026-12-20");
    expect(log.submittedById).toBeTruthy();
    expect(log.participants.sort((a, b) => people.indexOf(a.personId!) - people.indexOf(b.personId!))).toEqual([
      { personId: p1, minutes: 300, uninsured: false },
      { personId: p2, minutes: 180, uninsured: true },
      { personId: p3, minutes: 120, uninsured: false },
    ]);

    const second = await record({ eventId, activityTypeCode: "event", peopleServed: 150 });
    expect(second).toMatchObject({ __typename: "ConflictError", messageEn: "An activity log has already been made from this event." });
    expect(
      await db.activityLog.count({
        where: { orgId, groupId, date: new Date("2026-12-20T00:00:00Z"), description: "年末ふれあいバザー 出店" },
      }),
    ).toBe(1);
    // and the event, once logged, cannot be cancelled
    expect((await mutate(bukai, "cancelEvent", "status", { id: eventId })).__typename).toBe("ConflictError");
  });
});

describe("a child volunteer at an event", () => {
  it("is never logged without guardian consent: the log is refused until the child is marked absent", async () => {
    const db = server.db.prisma;
    const child = await db.childVolunteer.findFirstOrThrow({
      where: { orgId, status: "ACTIVE", consents: { none: { kind: "GUARDIAN_ACTIVITY", granted: true } } },
      select: { personId: true },
    });
    const adult = people[30]!;
    const { eventId, shiftId } = await eventWithShift(5);
    // only staff may put a child (no member of the network) on a shift
    expect((await signUp(bukai, shiftId, child.personId)).__typename).toBe("ForbiddenError");
    expect((await signUp(staff, shiftId, child.personId)).data?.status).toBe("CONFIRMED");
    expect((await signUp(bukai, shiftId, adult)).data?.status).toBe("CONFIRMED");

    const record = () => mutate(staff, "recordEventActivityLog", "activityLogId", { eventId, activityTypeCode: "event" });
    const refused = await record();
    expect(refused.__typename).toBe("InvalidInputError");
    expect(refused.issues).toEqual([
      {
        path: "eventId",
        message:
          "保護者の活動参加同意がない子ども福祉委員が1人含まれているため、活動記録を作成できません。欠席にするか、同意を記録してください。",
        messageEn:
          "1 child volunteer(s) have no guardian consent to take part, so no activity log can be made. Mark them absent or record the consent.",
      },
    ]);
    expect(await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { activityLogId: true } })).toEqual({ activityLogId: null });
    expect(
      await db.activityLogParticipant.count({
        where: { personId: child.personId, activityLog: { date: new Date("2026-12-20T00:00:00Z") } },
      }),
    ).toBe(0);

    expect((await mutate(staff, "markAttendance", "id", { shiftId, attendedPersonIds: [adult] })).__typename).toBe(
      "MutationMarkAttendanceSuccess",
    );
    const logged = await record();
    const logId = logged.data!.activityLogId as string;
    expect(await db.activityLogParticipant.findMany({ where: { activityLogId: logId }, select: { personId: true } })).toEqual([
      { personId: adult },
    ]);
  });
});

describe("meeting minutes", () => {
  it("records the minutes of a 部会's meeting, visible to the 部会 and staff only", async () => {
    const input = {
      groupId,
      heldOn: "2026-12-06",
      title: "イベント部会 ミーティング（12月）",
      body: "1. 年末バザーの役割分担\n2. 景品の予算",
    };
    const recorded = await mutate(bukai, "recordMeetingMinutes", "id heldOn title group { id } event { id }", { input });
    expect(recorded.data).toMatchObject({ heldOn: "2026-12-06", title: input.title, group: { id: groupId }, event: null });

    const { eventId } = await eventWithShift(1);
    const withEvent = await mutate(bukai, "recordMeetingMinutes", "event { id }", { input: { ...input, eventId } });
    expect(withEvent.data).toMatchObject({ event: { id: eventId } });
    const event = await bukai.graphql<{ event: { meetingMinutes: Array<{ title: string }> } }>(
      `query($id: ID!) { event(id: $id) { meetingMinutes { title } } }`,
      { id: eventId },
    );
    expect(event.data!.event.meetingMinutes).toEqual([{ title: input.title }]);

    const list = await staff.graphql<{ meetingMinutes: Array<{ id: string; heldOn: string }> }>(
      `query($g: ID!) { meetingMinutes(groupId: $g, from: "2026-12-01") { id heldOn } }`,
      { g: groupId },
    );
    expect(list.data!.meetingMinutes.map((m) => m.id)).toContain(recorded.data!.id);
    expect(list.data!.meetingMinutes.every((m) => m.heldOn >= "2026-12-01")).toBe(true);

    // an event of another group, an empty body, or an outsider: refused, nothing written
    const before = await server.db.prisma.meetingMinutes.count({ where: { groupId } });
    const foreign = await createEvent(staff, {
      groupId: otherBukaiId,
      title: "見学",
      startsAt: "2026-12-05T10:00:00Z",
      endsAt: "2026-12-05T12:00:00Z",
    });
    const wrongEvent = await mutate(bukai, "recordMeetingMinutes", "id", { input: { ...input, eventId: foreign.data!.id } });
    expect(wrongEvent.issues).toEqual([
      { path: "input.eventId", message: "この団体のイベントではありません。", messageEn: "Not an event of this group." },
    ]);
    const empty = await mutate(bukai, "recordMeetingMinutes", "id", { input: { ...input, body: " " } });
    expect(empty.issues).toEqual([{ path: "input.body", message: "本文を入力してください。", messageEn: "Enter the minutes." }]);
    const outsider = await mutate(salonLeader, "recordMeetingMinutes", "id", { input });
    expect(outsider.__typename).toBe("ForbiddenError");
    expect(await server.db.prisma.meetingMinutes.count({ where: { groupId } })).toBe(before);
  });
});

describe("statements", () => {
  it("an events list takes the same few statements for one event as for all of them", async () => {
    const q = `query($g: ID!, $from: DateTime, $to: DateTime) { events(groupId: $g, from: $from, to: $to) {
      id title group { name } activityLogId meetingMinutes { title }
      tasks { title done assignee { name } }
      shifts { title placesLeft confirmed { person { name } attended } waitlist { person { name } } cancelled { person { name } } } } }`;
    const run = (vars: Record<string, unknown>) =>
      server.statements.count(() => bukai.graphql<{ events: Array<{ shifts: Array<{ confirmed: unknown[] }> }> }>(q, vars));
    // the summer bazaar of 2026, as the demo seeds it: shifts, sign-ups and tasks
    const one = await run({ g: groupId, from: "2026-07-01T00:00:00+09:00", to: "2026-08-01T00:00:00+09:00" });
    const all = await run({ g: groupId });
    // the only errors: names of people outside the 部会 (signed up by staff above)
    expect(all.result.errors?.every((e) => e.path?.at(-1) === "name" && e.extensions?.code === "FORBIDDEN")).toBe(true);
    expect(one.result.data!.events).toHaveLength(1);
    expect(all.result.data!.events.length).toBeGreaterThan(8);
    expect(all.result.data!.events.flatMap((e) => e.shifts.flatMap((s) => s.confirmed)).length).toBeGreaterThan(40);
    expect(all.statements.length).toBe(one.statements.length);
    expect(all.statements.length).toBeLessThanOrEqual(20);
  });
});
