// The person page over HTTP (Query.person, Person.memberships, Person.hoursByFiscalYear) and the
// staff's people search (Query.people): the same privacy tiers as Person.name — a child only for
// staff and the child's school's coordinators, memberships, hours and milestones only of the groups
// the viewer's role reaches, a person outside one's reach answered as an unknown one (null, no
// error) — with audited non-staff reads and no query per person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestClient, type TestServer } from "../testing.ts";

let server: TestServer;
let staff: TestClient;
let salonLeader: TestClient;

const SAKURA = "ふれあい喫茶 さくら";
const ASAHI = "いきいきサロン朝日";
const OZAKI_SCHOOL = "尾崎小学校 子ども福祉委員";
const TOTTORI_HIGASHI_SCHOOL = "鳥取東中学校 子ども福祉委員";
const EVENT_BUKAI = "イベント部会";

const as = (account: string) => server.as(account);
const groupId = (name: string) => server.groupId(name);

type Errors = Array<{ path?: Array<string | number>; extensions?: Record<string, unknown> }> | undefined;
const forbiddenAt = (errors: Errors, last: string) =>
  (errors ?? []).filter((e) => e.extensions?.code === "FORBIDDEN" && e.path?.[e.path.length - 1] === last);

interface PersonPage {
  id: string;
  name: string | null;
  usesNickname: boolean;
  memberships: Array<{
    id: string;
    startedOn: string;
    endedOn: string | null;
    endReason: string | null;
    isCurrent: boolean;
    group: { id: string; name: string };
    groupRole: { code: string };
  }> | null;
  hoursByFiscalYear: Array<{ fiscalYear: number; hours: number; activityCount: number }> | null;
  milestoneAwards: Array<{ id: string; milestone: { code: string } }> | null;
}

const PERSON = `
  query($id: ID!) {
    person(id: $id) {
      id name usesNickname
      memberships { id startedOn endedOn endReason isCurrent group { id name } groupRole { code } }
      hoursByFiscalYear { fiscalYear hours activityCount }
      milestoneAwards { id milestone { code } }
    }
  }`;
const person = (client: TestClient, id: string) => client.graphql<{ person: PersonPage | null }>(PERSON, { id });

async function rosterPeople(client: TestClient, group: string) {
  const res = await client.graphql<{
    group: { roster: { edges: Array<{ node: { id: string; person: { id: string; name: string | null; usesNickname: boolean } } }> } };
  }>(`query($id: ID!) { group(id: $id) { roster(first: 100) { edges { node { id person { id name usesNickname } } } } } }`, {
    id: groupId(group),
  });
  expect(res.errors).toBeUndefined();
  return res.data!.group.roster.edges.map((e) => e.node);
}

beforeAll(async () => {
  // sessions stay cached for the whole file, so statement counts do not depend on the machine's speed (auth/viewer.ts)
  server = await startTestServer({ viewerCacheTtlMs: 10 * 60_000 });
  staff = await as("staff");
  salonLeader = await as("salon-leader");
});
afterAll(() => server?.close());

describe("the person page", () => {
  it("staff open a salon volunteer: memberships with role and dates, hours per 年度 from approved logs, milestones", async () => {
    const member = (await rosterPeople(staff, SAKURA))[0]!;
    const res = await person(staff, member.person.id);
    expect(res.errors).toBeUndefined();
    const p = res.data!.person!;
    expect(p.name).toBe(member.person.name);
    expect(p.memberships!.some((m) => m.group.name === SAKURA && m.isCurrent)).toBe(true);
    // newest start first
    const starts = p.memberships!.map((m) => m.startedOn);
    expect(starts).toEqual([...starts].sort().reverse());

    // hours are the approved participations' minutes, per fiscal year, from the database
    const rows = await server.db.prisma.activityLogParticipant.findMany({
      where: { personId: member.person.id, activityLog: { status: "APPROVED" } },
      select: { minutes: true, activityLog: { select: { fiscalYear: true } } },
    });
    expect(rows.length).toBeGreaterThan(0);
    const years = [...new Set(rows.map((r) => r.activityLog.fiscalYear))].sort((a, b) => b - a);
    expect(p.hoursByFiscalYear!.map((y) => y.fiscalYear)).toEqual(years);
    for (const y of p.hoursByFiscalYear!) {
      const ofYear = rows.filter((r) => r.activityLog.fiscalYear === y.fiscalYear);
      expect(y.activityCount).toBe(ofYear.length);
      expect(y.hours).toBeCloseTo(ofYear.reduce((s, r) => s + r.minutes, 0) / 60, 2);
    }
    const awards = await server.db.prisma.milestoneAward.count({ where: { personId: member.person.id } });
    expect(p.milestoneAwards).toHaveLength(awards);
  });

  it("an unknown id is null; a malformed one is refused as invalid input", async () => {
    const unknown = await person(staff, "01900000-0000-7000-8000-000000000000");
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.person).toBeNull();
    const bad = await person(staff, "not-an-id");
    expect(bad.data?.person ?? null).toBeNull();
    expect(bad.errors?.[0]?.extensions?.code).toBe("INVALID_INPUT");
  });

  it("a salon leader opens their own volunteers, sees only their salon's memberships, and the read is audited", async () => {
    const leader = (await salonLeader.graphql<{ me: { id: string; personId: string } }>("{ me { id personId } }")).data!.me;
    // a volunteer other than the leader (the leader sees all of their own memberships)
    const member = (await rosterPeople(salonLeader, SAKURA)).find((m) => m.person.name && m.person.id !== leader.personId)!;
    // staff put the volunteer in a second salon too: the leader does not reach that one
    const add = await staff.graphql<{ addMembership: { __typename: string } }>(
      `mutation($input: AddMembershipInput!) { addMembership(input: $input) { __typename ... on MutationAddMembershipSuccess { data { id } } } }`,
      { input: { groupId: groupId(ASAHI), personId: member.person.id, roleCode: "member", startedOn: "2026-10-01" } },
    );
    expect(add.errors).toBeUndefined();
    expect(add.data!.addMembership.__typename).toBe("MutationAddMembershipSuccess");

    const asStaff = (await person(staff, member.person.id)).data!.person!;
    expect(asStaff.memberships!.map((m) => m.group.name)).toEqual(expect.arrayContaining([SAKURA, ASAHI]));

    const reads = () =>
      server.db.prisma.auditEvent.count({ where: { actorId: leader.id, action: "read", entity: "Person", entityId: member.person.id } });
    const before = await reads();
    const res = await person(salonLeader, member.person.id);
    expect(res.errors).toBeUndefined();
    const p = res.data!.person!;
    expect(p.name).toBe(member.person.name);
    expect(p.memberships!.length).toBeGreaterThan(0);
    expect(p.memberships!.every((m) => m.group.id === groupId(SAKURA))).toBe(true);
    expect(await reads()).toBe(before + 1);

    // staff reads are not audited as restricted reads
    const staffId = (await staff.graphql<{ me: { id: string } }>("{ me { id } }")).data!.me.id;
    expect(await server.db.prisma.auditEvent.count({ where: { actorId: staffId, action: "read", entity: "Person" } })).toBe(0);
  });

  it("a salon leader cannot open a child's page, nor a volunteer of another salon: the same answer as an unknown id", async () => {
    const child = (await rosterPeople(staff, OZAKI_SCHOOL))[0]!;
    const sakura = new Set((await rosterPeople(staff, SAKURA)).map((m) => m.person.id));
    const other = (await rosterPeople(staff, ASAHI)).find((m) => !sakura.has(m.person.id))!;
    // (it was FORBIDDEN for an existing person and null for an unknown id: an existence oracle)
    const unknown = await person(salonLeader, "01900000-0000-7000-8000-000000000000");
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ person: null });
    for (const id of [child.person.id, other.person.id]) {
      const res = await person(salonLeader, id);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual(unknown.data);
      expect(res.status).toBe(unknown.status);
    }
  });

  it("a child's page: staff and the child's school's coordinators only", async () => {
    const child = (await rosterPeople(staff, OZAKI_SCHOOL))[0]!;
    const ozaki = await as("coordinator.ozaki");
    const own = await person(ozaki, child.person.id);
    expect(own.errors).toBeUndefined();
    expect(own.data!.person!.name).toBe(child.person.name);
    expect(own.data!.person!.memberships!.every((m) => m.group.id === groupId(OZAKI_SCHOOL))).toBe(true);

    const tottori = await as("coordinator.tottori-higashi");
    const refused = await person(tottori, child.person.id);
    expect(refused.data?.person ?? null).toBeNull();
    expect(refused.errors).toBeUndefined();
    const theirs = (await rosterPeople(staff, TOTTORI_HIGASHI_SCHOOL))[0]!;
    expect((await person(ozaki, theirs.person.id)).data?.person ?? null).toBeNull();
  });

  it("a subcommittee member opens a nickname member by nickname; the legal name stays FORBIDDEN", async () => {
    const member = await as("event-bukai");
    const nicknamed = (await rosterPeople(member, EVENT_BUKAI)).find((m) => m.person.usesNickname)!;
    const res = await member.graphql<{ person: { name: string; legalName: string | null } | null }>(
      `query($id: ID!) { person(id: $id) { name legalName } }`,
      { id: nicknamed.person.id },
    );
    expect(res.data!.person!.name).toBe(nicknamed.person.name);
    expect(res.data!.person!.legalName).toBeNull();
    expect(forbiddenAt(res.errors, "legalName")).toHaveLength(1);
  });
});

describe("every field of Person has an access rule", () => {
  it("usesNickname follows the rule of name: a former pupil on the old school's roster history shows neither", async () => {
    const ozaki = await as("coordinator.ozaki");
    const res = await ozaki.graphql<{
      group: { roster: { edges: Array<{ node: { person: { id: string; name: string | null; usesNickname: boolean | null } } }> } };
    }>(
      `query($id: ID!) { group(id: $id) { roster(first: 200, includeEnded: true) { edges { node { person { id name usesNickname } } } } } }`,
      {
        id: groupId(OZAKI_SCHOOL),
      },
    );
    const people = res.data!.group.roster.edges.map((e) => e.node.person);
    const hidden = people.filter((p) => p.name === null);
    // the former pupils now at another school: their name is refused, and so is whether they use a nickname
    expect(hidden.length).toBeGreaterThan(0);
    for (const p of hidden) expect(p.usesNickname).toBeNull();
    expect(forbiddenAt(res.errors, "usesNickname")).toHaveLength(hidden.length);
    // a current pupil's answer is there
    expect(people.filter((p) => p.name !== null).every((p) => typeof p.usesNickname === "boolean")).toBe(true);
  });
});

describe("hours and milestones shown to a group leader", () => {
  it("are those earned in the groups the leader's role reaches; staff see all", async () => {
    const leader = (await salonLeader.graphql<{ me: { personId: string } }>("{ me { personId } }")).data!.me;
    const member = (await rosterPeople(salonLeader, SAKURA)).find((m) => m.person.name && m.person.id !== leader.personId)!;
    const personId = member.person.id;
    // the member also volunteers at another salon, where staff log (and approve) a long session,
    // which earns a milestone staff have just defined
    const ok = (r: { errors?: unknown; data?: Record<string, { __typename: string } | null> }, what: string) => {
      expect(r.errors, what).toBeUndefined();
      expect(Object.values(r.data!)[0]!.__typename, what).toMatch(/Success$|^Milestone$/);
    };
    const added = await staff.graphql<{ addMembership: { __typename: string } }>(
      `mutation($input: AddMembershipInput!) { addMembership(input: $input) { __typename } }`,
      { input: { groupId: groupId(ASAHI), personId, roleCode: "member", startedOn: "2026-10-01" } },
    );
    // (a conflict: an earlier test already put them there)
    expect(["MutationAddMembershipSuccess", "ConflictError"]).toContain(added.data!.addMembership.__typename);
    const db = server.db.prisma;
    // an hours milestone just above what the member has done: the session at the other salon crosses it
    const before = await db.activityLogParticipant.aggregate({
      where: { personId, activityLog: { status: "APPROVED" } },
      _sum: { minutes: true },
    });
    let threshold = Math.floor((before._sum.minutes ?? 0) / 60) + 1;
    while ([10, 50, 100, 300].includes(threshold)) threshold += 1;
    ok(
      await staff.graphql(
        `mutation($threshold: Int!) { createMilestone(input: { code: "hours-next", kind: HOURS, threshold: $threshold, name: "次の一歩", nameEn: "Next step" }) { __typename } }`,
        {
          threshold,
        },
      ),
      "createMilestone",
    );
    const type = await db.activityType.findFirstOrThrow({ where: { programmeId: null }, select: { code: true } });
    const logged = await staff.graphql<{ logActivity: { __typename: string; data?: { activityLog: { id: string } } } }>(
      `mutation($input: LogActivityInput!) { logActivity(input: $input) { __typename ... on MutationLogActivitySuccess { data { activityLog { id } } } } }`,
      {
        input: {
          groupId: groupId(ASAHI),
          activityTypeCode: type.code,
          date: "2026-11-26",
          minutes: 1440,
          participantPersonIds: [personId],
          submit: true,
        },
      },
    );
    ok(logged, "logActivity");
    const logId = logged.data!.logActivity.data!.activityLog.id;
    ok(await staff.graphql(`mutation($ids: [ID!]!) { approveActivityLogs(ids: $ids) { __typename } }`, { ids: [logId] }), "approve");

    const fy = 2026;
    const approved = (groupIds?: string[]) =>
      db.activityLogParticipant.findMany({
        where: { personId, activityLog: { status: "APPROVED", fiscalYear: fy, ...(groupIds ? { groupId: { in: groupIds } } : {}) } },
        select: { minutes: true },
      });
    const ofYear = (p: PersonPage) => p.hoursByFiscalYear!.find((y) => y.fiscalYear === fy);

    const asStaff = (await person(staff, personId)).data!.person!;
    const all = await approved();
    expect(ofYear(asStaff)!.activityCount).toBe(all.length);
    const earnedElsewhere = await db.milestoneAward.findMany({ where: { personId, activityLogId: logId }, select: { id: true } });
    expect(earnedElsewhere.length).toBeGreaterThan(0);
    expect(asStaff.milestoneAwards!.map((a) => a.id)).toEqual(expect.arrayContaining(earnedElsewhere.map((a) => a.id)));

    const asLeader = (await person(salonLeader, personId)).data!.person!;
    const sakura = await approved([groupId(SAKURA)]);
    expect(ofYear(asLeader)?.activityCount ?? 0).toBe(sakura.length);
    expect(ofYear(asLeader)?.hours ?? 0).toBeCloseTo(sakura.reduce((s, r) => s + r.minutes, 0) / 60, 2);
    const inSakura = await db.milestoneAward.findMany({
      where: { personId, activityLog: { groupId: groupId(SAKURA) } },
      select: { id: true },
    });
    expect(asLeader.milestoneAwards!.map((a) => a.id).sort()).toEqual(inSakura.map((a) => a.id).sort());
  });
});

describe("people search (staff)", () => {
  it("finds people by hiragana or katakana ふりがな, in 五十音 order; refused to other roles", async () => {
    const member = (await rosterPeople(staff, SAKURA))[0]!;
    const full = await staff.graphql<{ person: { legalNameKana: string } }>(`query($id: ID!) { person(id: $id) { legalNameKana } }`, {
      id: member.person.id,
    });
    const family = full.data!.person.legalNameKana.split(" ")[0]!;
    const katakana = family.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
    type R = { people: Array<{ id: string; legalNameKana: string }> | null };
    const q = `query($search: String, $first: Int) { people(search: $search, first: $first) { id legalNameKana } }`;
    for (const search of [family, katakana]) {
      const res = await staff.graphql<R>(q, { search, first: 50 });
      expect(res.errors).toBeUndefined();
      expect(res.data!.people!.map((p) => p.id)).toContain(member.person.id);
    }
    const page = (await staff.graphql<R>(q, { first: 30 })).data!.people!;
    expect(page).toHaveLength(30);
    const japanese = new Intl.Collator("ja");
    const kana = page.map((p) => p.legalNameKana);
    expect(kana).toEqual([...kana].sort(japanese.compare));

    const tooMany = await staff.graphql<R>(q, { first: 500 });
    expect(tooMany.data?.people ?? null).toBeNull();
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("INVALID_INPUT");
    const refused = await salonLeader.graphql<R>(q, { search: family });
    expect(refused.data?.people ?? null).toBeNull();
    expect(forbiddenAt(refused.errors, "people")).toHaveLength(1);
  });

  it("costs the same SQL statements for 3 people as for 30, memberships and hours included (no query per person)", async () => {
    const count = (first: number) =>
      server.statements.count(() =>
        staff.graphql<{ people: Array<{ id: string }> }>(
          `query($first: Int) { people(first: $first) { id name legalNameKana memberships { id isCurrent group { name } groupRole { name } } hoursByFiscalYear { fiscalYear hours } } }`,
          { first },
        ),
      );
    await staff.graphql("{ __typename }"); // its session cached
    const small = await count(3);
    const large = await count(30);
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data!.people).toHaveLength(30);
    expect(large.statements.length).toBe(small.statements.length);
  });
});
