// What a viewer may not see is not read (docs/domain.md, privacy tiers): for an account other than
// staff, the name fields select no legal name or ふりがな (access.ts personNameSelect); a legal name
// is read only of the people whose legal name the viewer may see (personLegalName, or a read that
// filters by the same rule). Checked on the SQL the server sends (StatementCounter), beside staff
// reading the same (so each check could fail), on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestClient, type TestServer } from "../testing.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ viewerCacheTtlMs: 10 * 60_000 });
});
afterAll(() => server?.close());

/** a legal-name column selected or filtered on, in Prisma's SQL (a column, a JSON key, an order) */
const LEGAL = /"legalName(Kana)?"|'legalName(Kana)?'/;
/** the same, selected: a column in the list before FROM, or a JSON key of a relation */
const SELECTS_LEGAL = /"t\d+"\."legalName(Kana)?"\s*(,|AS|FROM)|'legalName(Kana)?'/;

const clients = new Map<string, TestClient>();

async function read(account: string, query: string, variables: Record<string, unknown> = {}) {
  let client = clients.get(account);
  if (!client) {
    client = await server.signIn(account);
    await client.graphql("{ __typename }"); // the session cached: only the read is counted
    clients.set(account, client);
  }
  const { result, statements } = await server.statements.count(() => client.graphql(query, variables));
  return { data: result.data as Record<string, unknown>, errors: result.errors as Array<{ path?: unknown[] }> | undefined, statements };
}

describe("legal names are not read for a viewer who may not see them", () => {
  it("a salon leader opening a salon member with a nickname: no legal name in any statement (staff: read)", async () => {
    const db = server.db.prisma;
    const salon = server.groupId("ふれあい喫茶 さくら");
    const member = await db.person.findFirstOrThrow({
      where: { memberships: { some: { groupId: salon } }, user: null },
      orderBy: { id: "asc" },
    });
    await db.person.update({ where: { id: member.id }, data: { displayName: "さくらさん" } });
    const query = `query ($id: ID!) { person(id: $id) { id name usesNickname legalName legalNameKana } }`;

    const leader = await read("salon-leader", query, { id: member.id });
    expect(leader.data.person).toEqual({ id: member.id, name: "さくらさん", usesNickname: true, legalName: null, legalNameKana: null });
    expect(leader.errors?.map((e) => e.path)).toEqual([
      ["person", "legalName"],
      ["person", "legalNameKana"],
    ]);
    expect(leader.statements.filter((s) => LEGAL.test(s))).toEqual([]);

    const staff = await read("staff", query, { id: member.id });
    expect(staff.data.person).toMatchObject({ name: "さくらさん", legalName: member.legalName, legalNameKana: member.legalNameKana });
    expect(staff.statements.some((s) => SELECTS_LEGAL.test(s))).toBe(true);
  });

  it("the recipient of a thank-you who uses a nickname, reading their thank-yous: no legal name read (staff: read)", async () => {
    const db = server.db.prisma;
    const account = await db.user.findFirstOrThrow({ where: { email: "salon-leader@hannan.example" }, select: { personId: true } });
    const personId = account.personId as string;
    expect(personId).toBeTruthy();
    await db.person.update({ where: { id: personId }, data: { displayName: "リーダーさん" } });
    const orgId = (await db.person.findUniqueOrThrow({ where: { id: personId } })).orgId;
    const moderator = await db.user.findFirstOrThrow({ where: { email: "staff@hannan.example" }, select: { id: true } });
    await db.thankYouMessage.create({
      data: {
        orgId,
        toPersonId: personId,
        fromName: "近所の方",
        body: "いつもありがとう",
        receivedOn: new Date("2026-11-20"),
        status: "APPROVED",
        moderatedById: moderator.id,
        moderatedAt: new Date(),
      },
    });
    const query = `{ recentThankYous(first: 50) { id toPerson { id name } toGroup { id name } } }`;

    const leader = await read("salon-leader", query);
    const toLeader = (leader.data.recentThankYous as Array<{ toPerson: { id: string; name: string } | null }>).filter((m) => m.toPerson);
    expect(toLeader.length).toBeGreaterThan(0);
    expect(toLeader.every((m) => m.toPerson?.id === personId && m.toPerson.name === "リーダーさん")).toBe(true);
    expect(leader.statements.filter((s) => LEGAL.test(s))).toEqual([]);

    const staff = await read("staff", query);
    expect(staff.statements.some((s) => SELECTS_LEGAL.test(s))).toBe(true);
  });

  it("a coordinator's children, one with a nickname: the children's read selects no legal name; those read are filtered to the children without one", async () => {
    const db = server.db.prisma;
    const group = server.groupId("尾崎小学校 子ども福祉委員");
    const { schoolId } = await db.group.findUniqueOrThrow({ where: { id: group }, select: { schoolId: true } });
    const child = await db.childVolunteer.findFirstOrThrow({
      where: { schoolId: schoolId as string },
      orderBy: { id: "asc" },
      include: { person: true },
    });
    await db.person.update({ where: { id: child.personId }, data: { displayName: "ニックネーム" } });
    const query = `query ($groupId: ID!) { childVolunteers(groupId: $groupId) { id person { id name legalNameKana } } }`;

    const coordinator = await read("coordinator.ozaki", query, { groupId: group });
    const children = coordinator.data.childVolunteers as Array<{
      id: string;
      person: { id: string; name: string; legalNameKana: string | null };
    }>;
    const nicknamed = children.find((c) => c.id === child.id);
    expect(nicknamed?.person).toEqual({ id: child.personId, name: "ニックネーム", legalNameKana: null });
    // the others (no nickname) answer their legal name and ふりがな, as before
    const others = await db.person.findMany({ where: { childVolunteer: { schoolId: schoolId as string }, id: { not: child.personId } } });
    expect(others.length).toBeGreaterThan(0);
    for (const p of others) {
      expect(children.find((c) => c.person.id === p.id)?.person).toEqual({
        id: p.id,
        name: p.displayName ?? p.legalName,
        legalNameKana: p.displayName ? null : p.legalNameKana,
      });
    }
    // the children's own read (their people) selects no legal-name column; the statement that
    // does is the one read of the legal names the coordinator may see: the children without a nickname
    const selecting = coordinator.statements.filter((s) => SELECTS_LEGAL.test(s));
    expect(selecting).toHaveLength(1);
    const childrenPart = (selecting[0] as string).split('AS "ChildVolunteer_person"')[0] as string;
    expect(childrenPart).toMatch(/'displayName'/);
    expect(childrenPart).not.toMatch(LEGAL);
    expect(selecting[0]).toMatch(/"displayName" IS NULL/);

    const staff = await read("staff", query, { groupId: group });
    expect((staff.data.childVolunteers as Array<{ id: string; person: unknown }>).find((c) => c.id === child.id)?.person).toEqual({
      id: child.personId,
      name: "ニックネーム",
      legalNameKana: child.person.legalNameKana,
    });
  });

  it("a salon leader's insurance lapses: legal names only of the people without a nickname, no contact details or notes", async () => {
    const db = server.db.prisma;
    const query = `query ($fy: Int!) { insuranceLapses(fiscalYear: $fy) { id name usesNickname } }`;
    const before = await read("salon-leader", query, { fy: 2026 });
    const listed = before.data.insuranceLapses as Array<{ id: string; name: string }>;
    expect(listed.length).toBeGreaterThan(0);
    for (const s of before.statements) expect(s).not.toMatch(/"(phone|email|address|notes|networkStatus|birthYear)"/);
    // with every listed person using a nickname, no legal name is read at all
    for (const [i, p] of listed.entries()) await db.person.update({ where: { id: p.id }, data: { displayName: `愛称${i + 1}` } });
    const after = await read("salon-leader", query, { fy: 2026 });
    expect((after.data.insuranceLapses as Array<{ id: string }>).map((p) => p.id).sort()).toEqual(listed.map((p) => p.id).sort());
    expect(after.statements.filter((s) => LEGAL.test(s))).toEqual([]);

    const staff = await read("staff", query, { fy: 2026 });
    expect(staff.statements.some((s) => SELECTS_LEGAL.test(s))).toBe(true);
  });

  it("a salon leader's roster CSV and searched roster: no contact details, and legal names only of the members without a nickname", async () => {
    const db = server.db.prisma;
    const salon = server.groupId("ふれあい喫茶 さくら");
    const nicknamed = await db.person.findFirstOrThrow({
      where: { memberships: { some: { groupId: salon } }, displayName: { not: null }, user: null },
    });
    const csv = `query ($id: ID!) { rosterCsv(groupId: $id, fiscalYear: 2026) { text } }`;
    const search = `query ($id: ID!, $q: String) { group(id: $id) { roster(search: $q, first: 50) { edges { node { person { id name legalName } } } } } }`;

    for (const [query, variables] of [
      [csv, { id: salon }],
      [search, { id: salon, q: nicknamed.displayName }],
    ] as const) {
      const leader = await read("salon-leader", query, variables);
      expect(leader.data).toBeTruthy();
      for (const s of leader.statements) expect(s).not.toMatch(/"(phone|email|address|notes|networkStatus)"/);
      // the one statement selecting legal names is filtered to those without a nickname (or the viewer)
      for (const s of leader.statements.filter((x) => SELECTS_LEGAL.test(x))) expect(s).toMatch(/"displayName" IS NULL/);
      const staff = await read("staff", query, variables);
      expect(staff.statements.some((s) => SELECTS_LEGAL.test(s))).toBe(true);
    }
    const text = ((await read("salon-leader", csv, { id: salon })).data.rosterCsv as { text: string }).text;
    expect(text).toContain(nicknamed.displayName as string);
    expect(text).not.toContain(nicknamed.legalName);
  });
});
