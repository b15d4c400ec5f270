// ボランティア活動保険 未加入 (insuranceLapses) over HTTP, as the demo accounts: who appears (current
// members without an enrolment for the year), who does not (the insured, former members, other
// groups' members for a scoped role, another organisation's people), 五十音 order, the audit of
// non-staff reads and a fixed number of SQL statements.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { currentFiscalYear, todayInJapan } from "@tsunagu/db";

import { addOtherOrganisation, startTestServer, type TestClient, type TestServer } from "../testing.ts";

const FY = currentFiscalYear();

let server: TestServer;
let staff: TestClient;
let salonLeader: TestClient;
let coordinator: TestClient;
let liaison: TestClient;
let other: TestClient;
let salonId: string;
let ozakiGroupId: string;
let otherPersonId: string;

const LAPSES = `query ($fy: Int) {
  insuranceLapses(fiscalYear: $fy) {
    id name usesNickname
    memberships { id isCurrent group { id name } groupRole { code } }
  }
}`;

interface Lapse {
  id: string;
  name: string;
  usesNickname: boolean;
  memberships: Array<{ id: string; isCurrent: boolean; group: { id: string; name: string }; groupRole: { code: string } }>;
}

async function lapses(client: TestClient, fy: number | null = FY): Promise<Lapse[]> {
  const res = await client.graphql<{ insuranceLapses: Lapse[] }>(LAPSES, { fy });
  expect(res.errors).toBeUndefined();
  return res.data!.insuranceLapses;
}

/** the uninsured people with a current non-juvenile membership, straight from the database */
async function expectedIds(groupIds?: string[]): Promise<string[]> {
  const db = server.db.prisma;
  const org = await db.organization.findUniqueOrThrow({ where: { slug: "hannan" } });
  const people = await db.person.findMany({
    where: {
      orgId: org.id,
      insuranceEnrolments: { none: { fiscalYear: FY } },
      memberships: {
        some: {
          OR: [{ endedOn: null }, { endedOn: { gte: todayInJapan() } }],
          group: { programme: { privacyTier: { not: "JUVENILE" } } },
          ...(groupIds ? { groupId: { in: groupIds } } : {}),
        },
      },
    },
    select: { id: true },
  });
  return people.map((p) => p.id).sort();
}

beforeAll(async () => {
  server = await startTestServer();
  [staff, salonLeader, coordinator, liaison] = await Promise.all([
    server.signIn("staff"),
    server.signIn("salon-leader"),
    server.signIn("coordinator.ozaki"),
    server.signIn("liaison"),
  ]);
  salonId = (await salonLeader.graphql<{ me: { salonIds: string[] } }>("{ me { salonIds } }")).data!.me.salonIds[0]!;
  ozakiGroupId = (await coordinator.graphql<{ me: { schoolGroupIds: string[] } }>("{ me { schoolGroupIds } }")).data!.me.schoolGroupIds[0]!;

  // a second organisation (社協) with a staff account and an uninsured member of its own salon
  const db = server.db.prisma;
  const second = await addOtherOrganisation(server, "insurance");
  other = second.staff;
  const org = { id: second.orgId };
  const programme = await db.programme.create({
    data: { orgId: org.id, code: "salon", name: "サロン", nameEn: "Salons", privacyTier: "SALON" },
  });
  const kind = await db.groupKind.create({
    data: { orgId: org.id, programmeId: programme.id, code: "salon", name: "サロン", nameEn: "Salon" },
  });
  const group = await db.group.create({
    data: { orgId: org.id, programmeId: programme.id, kindId: kind.id, name: "よその町 ふれあいサロン" },
  });
  const role = await db.groupRole.create({ data: { orgId: org.id, code: "member", name: "メンバー", nameEn: "Member" } });
  const person = await db.person.create({ data: { orgId: org.id, legalName: "余所 花子", legalNameKana: "よそ はなこ" } });
  otherPersonId = person.id;
  await db.membership.create({
    data: { orgId: org.id, groupId: group.id, personId: person.id, groupRoleId: role.id, startedOn: new Date("2024-04-01") },
  });
});
afterAll(() => server?.close());

describe("insuranceLapses (保険未加入)", () => {
  it("staff: every current member of the organisation without an enrolment for the year, and nobody else", async () => {
    const list = await lapses(staff);
    expect(list.length).toBeGreaterThan(0);
    expect(list.map((p) => p.id).sort()).toEqual(await expectedIds());
    // nobody listed is enrolled for the year, and each comes with a current membership
    const enrolled = await server.db.prisma.insuranceEnrolment.count({
      where: { fiscalYear: FY, personId: { in: list.map((p) => p.id) } },
    });
    expect(enrolled).toBe(0);
    for (const p of list) {
      expect(p.memberships.length).toBeGreaterThan(0);
      expect(p.memberships.every((m) => m.isCurrent)).toBe(true);
    }
    // the demo's pinned lapses: a member of ふれあい喫茶 さくら and a child of 尾崎小学校
    const groupsListed = new Set(list.flatMap((p) => p.memberships.map((m) => m.group.id)));
    expect(groupsListed).toContain(salonId);
    expect(groupsListed).toContain(ozakiGroupId);
    // never another organisation's people
    expect(list.map((p) => p.id)).not.toContain(otherPersonId);
  });

  it("in 五十音 order by ふりがな", async () => {
    const list = await lapses(staff);
    const kana = await server.db.prisma.person.findMany({
      where: { id: { in: list.map((p) => p.id) } },
      select: { id: true, legalNameKana: true },
    });
    const byId = new Map(kana.map((k) => [k.id, k.legalNameKana]));
    const readings = list.map((p) => byId.get(p.id)!);
    const japanese = new Intl.Collator("ja");
    expect(readings).toEqual([...readings].sort((a, b) => japanese.compare(a, b)));
  });

  it("drops a person once enrolled for the year; another year answers for that year", async () => {
    const before = await lapses(staff);
    const first = before[0]!;
    const org = await server.db.prisma.organization.findUniqueOrThrow({ where: { slug: "hannan" } });
    const enrolment = await server.db.prisma.insuranceEnrolment.create({
      data: { orgId: org.id, personId: first.id, fiscalYear: FY, plan: "ボランティア活動保険（基本タイプ）", enrolledOn: todayInJapan() },
    });
    try {
      expect((await lapses(staff)).map((p) => p.id)).not.toContain(first.id);
      // nobody is enrolled for the next year yet: every current member is listed for it
      expect((await lapses(staff, FY + 1)).map((p) => p.id)).toContain(first.id);
    } finally {
      await server.db.prisma.insuranceEnrolment.delete({ where: { id: enrolment.id } });
    }
  });

  it("a salon leader: only their salon's members, with their salon only; the read is audited", async () => {
    const before = await server.db.prisma.auditEvent.count({ where: { action: "read", entity: "Person" } });
    const list = await lapses(salonLeader);
    expect(list.length).toBeGreaterThan(0);
    expect(list.map((p) => p.id).sort()).toEqual(await expectedIds([salonId]));
    for (const p of list) expect(p.memberships.map((m) => m.group.id)).toEqual([salonId]);
    const after = await server.db.prisma.auditEvent.findMany({
      where: { action: "read", entity: "Person" },
      orderBy: { id: "desc" },
      take: 1,
    });
    expect(await server.db.prisma.auditEvent.count({ where: { action: "read", entity: "Person" } })).toBe(before + 1);
    expect((after[0]!.details as { ids: string[] }).ids.sort()).toEqual(list.map((p) => p.id).sort());
  });

  it("a school coordinator: the uninsured of their school (children included), nothing of other groups", async () => {
    const list = await lapses(coordinator);
    expect(list.length).toBeGreaterThan(0);
    expect(list.map((p) => p.id).sort()).toEqual(await expectedIds([ozakiGroupId]));
    for (const p of list) expect(p.memberships.map((m) => m.group.id)).toEqual([ozakiGroupId]);
    const children = await server.db.prisma.childVolunteer.count({ where: { personId: { in: list.map((p) => p.id) } } });
    expect(children).toBeGreaterThan(0);
  });

  it("staff read without an audit entry; the liaison lists nobody (the juvenile programme has codes, not people)", async () => {
    const before = await server.db.prisma.auditEvent.count({ where: { action: "read", entity: "Person" } });
    await lapses(staff);
    expect(await server.db.prisma.auditEvent.count({ where: { action: "read", entity: "Person" } })).toBe(before);
    expect(await lapses(liaison)).toEqual([]);
  });

  it("another organisation's staff sees only its own people, never Hannan's", async () => {
    const list = await lapses(other);
    expect(list.map((p) => p.name)).toEqual(["余所 花子"]);
    expect(list[0]!.memberships.map((m) => m.group.name)).toEqual(["よその町 ふれあいサロン"]);
  });

  it("refuses a fiscal year out of range (in both languages) and signed-out requests", async () => {
    const bad = await staff.graphql<{ insuranceLapses: Lapse[] | null }>(LAPSES, { fy: 1999 });
    expect(bad.data?.insuranceLapses ?? null).toBeNull();
    expect(bad.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/入力内容に誤りがあります/),
      extensions: { code: "INVALID_INPUT", messageEn: expect.stringMatching(/problem/) },
    });
    const anon = await server.anonymous.graphql<{ insuranceLapses: Lapse[] | null }>(LAPSES, { fy: FY });
    expect(anon.data?.insuranceLapses ?? null).toBeNull();
    expect(anon.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("a fixed number of SQL statements, however many people are listed (no N+1)", async () => {
    const baseline = (await server.statements.count(() => staff.graphql("{ __typename }"))).statements.length;
    const all = await server.statements.count(() => staff.graphql(LAPSES, { fy: FY }));
    const salon = await server.statements.count(() => salonLeader.graphql(LAPSES, { fy: FY }));
    const count = all.statements.length - baseline;
    expect((all.result.data as { insuranceLapses: Lapse[] }).insuranceLapses.length).toBeGreaterThan(10);
    // the people with their memberships, groups and roles: a handful of statements, whatever the count
    expect(count).toBeLessThanOrEqual(5);
    // the salon leader's read adds the audit entry, not a statement per person
    expect(salon.statements.length - baseline).toBeLessThanOrEqual(count + 3);
  });
});
