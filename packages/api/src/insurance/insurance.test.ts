// ボランティア活動保険 over HTTP, as the demo accounts. insuranceLapses: who appears (current
// members without an enrolment for the year), who does not (the insured, former members, other
// groups' members for a scoped role, another organisation's people), the filters, 五十音 order, the
// audit of non-staff reads and a fixed number of SQL statements; the 加入申込 CSV. Recording (staff):
// enrol one or many (all or nothing), twice for one year refused, correct, cancel, each audited and
// refused to non-staff and to another organisation; the 年度 rollover's preview and apply.
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
  // sessions stay cached for the whole file, so statement counts do not depend on the machine's speed (auth/viewer.ts)
  server = await startTestServer({ viewerCacheTtlMs: 10 * 60_000 });
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
    await Promise.all([staff.graphql("{ __typename }"), salonLeader.graphql("{ __typename }")]); // sessions cached
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

// ───────────────────────── filters and the 加入申込 CSV ─────────────────────────

describe("insuranceLapses filters", () => {
  const FILTERED = `query ($fy: Int, $p: String, $g: ID, $a: ID) {
    insuranceLapses(fiscalYear: $fy, programmeCode: $p, groupId: $g, areaId: $a) { id memberships { group { id } } }
  }`;
  async function filtered(vars: Record<string, unknown>): Promise<string[]> {
    const res = await staff.graphql<{ insuranceLapses: Array<{ id: string }> }>(FILTERED, { fy: FY, ...vars });
    expect(res.errors).toBeUndefined();
    return res.data!.insuranceLapses.map((p) => p.id).sort();
  }

  it("by group, programme and area (the group's 日常生活圏域): exactly the people with a current membership there", async () => {
    expect(await filtered({ g: salonId })).toEqual(await expectedIds([salonId]));
    const db = server.db.prisma;
    const salons = await db.group.findMany({
      where: { programme: { code: "salon" }, organization: { slug: "hannan" } },
      select: { id: true },
    });
    const bySalonProgramme = await filtered({ p: "salon" });
    expect(bySalonProgramme).toEqual(await expectedIds(salons.map((g) => g.id)));
    expect(bySalonProgramme.length).toBeLessThan((await expectedIds()).length);
    const salon = await db.group.findUniqueOrThrow({ where: { id: salonId }, select: { areaId: true } });
    const areaGroups = await db.group.findMany({ where: { areaId: salon.areaId }, select: { id: true } });
    const byArea = await filtered({ a: salon.areaId });
    expect(byArea).toEqual(await expectedIds(areaGroups.map((g) => g.id)));
    expect(byArea).toEqual(expect.arrayContaining(await expectedIds([salonId])));
    // filters combine
    expect(await filtered({ p: "salon", g: ozakiGroupId })).toEqual([]);
  });
});

describe("insuranceLapsesCsv (加入申込)", () => {
  const CSV = `query ($fy: Int, $g: ID) { insuranceLapsesCsv(fiscalYear: $fy, groupId: $g) { filename mimeType text } }`;

  it("staff: UTF-8 with BOM, Japanese headers, one row per person listed; audited as an export", async () => {
    const res = await staff.graphql<{ insuranceLapsesCsv: { filename: string; mimeType: string; text: string } }>(CSV, {
      fy: FY,
      g: salonId,
    });
    expect(res.errors).toBeUndefined();
    const file = res.data!.insuranceLapsesCsv;
    expect(file.filename).toBe(`保険加入申込_令和${FY - 2018}年度_未加入者.csv`);
    expect(file.text.charCodeAt(0)).toBe(0xfeff);
    const lines = file.text.slice(1).split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(`氏名,ふりがな,表示名,生年,住所,電話番号,事業,所属団体,地区,活動開始日,${FY}年度 保険`);
    const ids = await expectedIds([salonId]);
    expect(lines).toHaveLength(ids.length + 1);
    const people = await server.db.prisma.person.findMany({ where: { id: { in: ids } }, select: { legalName: true } });
    for (const p of people) expect(file.text).toContain(p.legalName);
    const entry = await server.db.prisma.auditEvent.findFirst({
      where: { action: "export", entity: "InsuranceEnrolment" },
      orderBy: { id: "desc" },
    });
    expect((entry!.details as { ids: string[] }).ids.sort()).toEqual(ids);
  });

  it("refused to non-staff (FORBIDDEN, both languages)", async () => {
    const res = await salonLeader.graphql<{ insuranceLapsesCsv: unknown }>(CSV, { fy: FY, g: salonId });
    expect(res.data?.insuranceLapsesCsv ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", messageEn: expect.any(String) });
  });
});

// ───────────────────────── recording enrolments ─────────────────────────

const ENROL = `mutation ($input: EnrolInsuranceInput!) {
  enrolInsurance(input: $input) {
    __typename
    ... on Error { message messageEn code }
    ... on InvalidInputError { issues { path message messageEn } }
    ... on MutationEnrolInsuranceSuccess { data { id fiscalYear plan enrolledOn reference person { id name } } }
  }
}`;
const CORRECT = `mutation ($id: ID!, $input: CorrectInsuranceEnrolmentInput!) {
  correctInsuranceEnrolment(id: $id, input: $input) {
    __typename
    ... on Error { message messageEn code }
    ... on InvalidInputError { issues { path message messageEn } }
    ... on MutationCorrectInsuranceEnrolmentSuccess { data { id plan enrolledOn reference } }
  }
}`;
const CANCEL = `mutation ($id: ID!) {
  cancelInsuranceEnrolment(id: $id) {
    __typename
    ... on Error { message messageEn code }
    ... on MutationCancelInsuranceEnrolmentSuccess { data }
  }
}`;
const PLAN = "ボランティア活動保険（基本タイプ）";

interface MutationAnswer {
  __typename: string;
  message?: string;
  messageEn?: string;
  code?: string;
  issues?: Array<{ path: string; message: string; messageEn: string }>;
  data?: unknown;
}

async function run(client: TestClient, query: string, variables: Record<string, unknown>, field: string): Promise<MutationAnswer> {
  const res = await client.graphql<Record<string, MutationAnswer>>(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data![field]!;
}

const enrol = (client: TestClient, input: Record<string, unknown>) =>
  run(
    client,
    ENROL,
    { input: { fiscalYear: FY, plan: PLAN, enrolledOn: todayInJapan().toISOString().slice(0, 10), ...input } },
    "enrolInsurance",
  );

const enrolmentsOf = (personIds: string[], fiscalYear = FY) =>
  server.db.prisma.insuranceEnrolment.findMany({ where: { personId: { in: personIds }, fiscalYear } });

/** bilingual: Japanese with kana or kanji, English without */
function expectBilingual(text: { message: string; messageEn: string }) {
  expect(text.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  expect(text.messageEn).toMatch(/^[\x20-\x7e]+$/);
}

describe("enrolInsurance, correctInsuranceEnrolment, cancelInsuranceEnrolment (staff)", () => {
  it("enrols two people at once: they leave the lapse list; one audit entry names both", async () => {
    const [a, b] = (await lapses(staff)).slice(0, 2).map((p) => p.id) as [string, string];
    const answer = await enrol(staff, { personIds: [a, b], reference: " R-0001 " });
    expect(answer.__typename).toBe("MutationEnrolInsuranceSuccess");
    const data = answer.data as Array<{ id: string; fiscalYear: number; plan: string; reference: string; person: { id: string } }>;
    expect(data.map((e) => e.person.id).sort()).toEqual([a, b].sort());
    expect(data.every((e) => e.fiscalYear === FY && e.plan === PLAN && e.reference === "R-0001")).toBe(true);
    const ids = (await lapses(staff)).map((p) => p.id);
    expect(ids).not.toContain(a);
    expect(ids).not.toContain(b);
    const entry = await server.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "create", entity: "InsuranceEnrolment" },
      orderBy: { id: "desc" },
    });
    expect((entry.details as { ids: string[] }).ids.sort()).toEqual(data.map((e) => e.id).sort());
  });

  it("validates its input in both languages, before anything is written", async () => {
    const before = await server.db.prisma.insuranceEnrolment.count();
    const answer = await run(
      staff,
      ENROL,
      { input: { personIds: [], fiscalYear: 1999, plan: "  ", enrolledOn: "2099-01-01", reference: "x".repeat(51) } },
      "enrolInsurance",
    );
    expect(answer).toMatchObject({ __typename: "InvalidInputError", code: "INVALID_INPUT" });
    expect(answer.issues!.map((i) => i.path).sort()).toEqual(
      ["input.enrolledOn", "input.fiscalYear", "input.personIds", "input.plan", "input.reference"].sort(),
    );
    for (const issue of answer.issues!) expectBilingual(issue);
    // a year outside last…next
    const lapse = (await lapses(staff))[0]!.id;
    const far = await enrol(staff, { personIds: [lapse], fiscalYear: FY + 2 });
    expect(far.__typename).toBe("InvalidInputError");
    expect(far.issues![0]!.path).toBe("input.fiscalYear");
    expect(await server.db.prisma.insuranceEnrolment.count()).toBe(before);
  });

  it("twice for one 年度 is refused with an issue naming the person; nothing is written", async () => {
    const [person] = (await lapses(staff)).map((p) => p.id);
    expect((await enrol(staff, { personIds: [person] })).__typename).toBe("MutationEnrolInsuranceSuccess");
    const again = await enrol(staff, { personIds: [person] });
    expect(again).toMatchObject({ __typename: "InvalidInputError", code: "INVALID_INPUT" });
    expect(again.issues).toHaveLength(1);
    expect(again.issues![0]).toMatchObject({ path: "input.personIds.0", message: expect.stringMatching(/すでに加入/) });
    expect(again.issues![0]!.messageEn).toMatch(/already enrolled/);
    expect(await enrolmentsOf([person!])).toHaveLength(1);
  });

  it("a bulk enrolment with any bad item changes nothing and names every bad item", async () => {
    const [good, good2] = (await lapses(staff)).map((p) => p.id) as [string, string];
    const insured = (
      await server.db.prisma.insuranceEnrolment.findFirstOrThrow({ where: { fiscalYear: FY, organization: { slug: "hannan" } } })
    ).personId;
    const answer = await enrol(staff, { personIds: [good, insured, otherPersonId, good2, good] });
    expect(answer.__typename).toBe("InvalidInputError");
    expect(answer.issues!.map((i) => i.path)).toEqual(["input.personIds.1", "input.personIds.2", "input.personIds.4"]);
    for (const issue of answer.issues!) expectBilingual(issue);
    expect(await enrolmentsOf([good, good2])).toEqual([]);
  });

  it("refuses another organisation's person (as not found) and every account but staff", async () => {
    const [person] = (await lapses(staff)).map((p) => p.id);
    const fromOther = await enrol(other, { personIds: [person] });
    expect(fromOther.__typename).toBe("InvalidInputError");
    expect(fromOther.issues![0]).toMatchObject({ path: "input.personIds.0", messageEn: "The person was not found." });
    for (const client of [salonLeader, coordinator, liaison]) {
      const refused = await enrol(client, { personIds: [person] });
      expect(refused).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
      expectBilingual(refused as { message: string; messageEn: string });
    }
    expect(await enrolmentsOf([person!])).toEqual([]);
  });

  it("corrects plan, date and reference; the audit entry keeps before and after; blank reference clears it", async () => {
    const [person] = (await lapses(staff)).map((p) => p.id);
    const created = (await enrol(staff, { personIds: [person], reference: "A-1" })).data as Array<{ id: string }>;
    const id = created[0]!.id;
    const answer = await run(
      staff,
      CORRECT,
      { id, input: { plan: "ボランティア活動保険（天災タイプ）", enrolledOn: "2026-05-01", reference: "A-2" } },
      "correctInsuranceEnrolment",
    );
    expect(answer).toMatchObject({
      __typename: "MutationCorrectInsuranceEnrolmentSuccess",
      data: { id, plan: "ボランティア活動保険（天災タイプ）", enrolledOn: "2026-05-01", reference: "A-2" },
    });
    const entry = await server.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "update", entity: "InsuranceEnrolment", entityId: id },
    });
    expect(entry.details).toMatchObject({
      before: { reference: "A-1", plan: PLAN },
      after: { reference: "A-2", enrolledOn: "2026-05-01" },
    });
    const cleared = await run(staff, CORRECT, { id, input: { reference: "" } }, "correctInsuranceEnrolment");
    expect(cleared).toMatchObject({ data: { reference: null, plan: "ボランティア活動保険（天災タイプ）" } });

    const bad = await run(staff, CORRECT, { id, input: { plan: "", enrolledOn: "2099-12-31" } }, "correctInsuranceEnrolment");
    expect(bad.__typename).toBe("InvalidInputError");
    expect(bad.issues!.map((i) => i.path).sort()).toEqual(["input.enrolledOn", "input.plan"]);
    expect((await run(other, CORRECT, { id, input: { reference: "X" } }, "correctInsuranceEnrolment")).code).toBe("NOT_FOUND");
    expect((await run(salonLeader, CORRECT, { id, input: { reference: "X" } }, "correctInsuranceEnrolment")).code).toBe("FORBIDDEN");
    expect((await server.db.prisma.insuranceEnrolment.findUniqueOrThrow({ where: { id } })).reference).toBeNull();
  });

  it("cancels an enrolment: deleted, the person is listed again, the audit entry keeps what it was", async () => {
    const [person] = (await lapses(staff)).map((p) => p.id);
    const id = ((await enrol(staff, { personIds: [person], reference: "C-9" })).data as Array<{ id: string }>)[0]!.id;
    expect((await run(other, CANCEL, { id }, "cancelInsuranceEnrolment")).code).toBe("NOT_FOUND");
    expect((await run(coordinator, CANCEL, { id }, "cancelInsuranceEnrolment")).code).toBe("FORBIDDEN");
    expect(await enrolmentsOf([person!])).toHaveLength(1);
    const answer = await run(staff, CANCEL, { id }, "cancelInsuranceEnrolment");
    expect(answer).toEqual({ __typename: "MutationCancelInsuranceEnrolmentSuccess", data: id });
    expect(await enrolmentsOf([person!])).toEqual([]);
    expect((await lapses(staff)).map((p) => p.id)).toContain(person);
    const entry = await server.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "delete", entity: "InsuranceEnrolment", entityId: id },
    });
    expect(entry.details).toMatchObject({ before: { personId: person, reference: "C-9", fiscalYear: FY } });
    expect((await run(staff, CANCEL, { id }, "cancelInsuranceEnrolment")).code).toBe("NOT_FOUND");
  });

  it("insuranceEnrolments lists a year's enrolments for staff only", async () => {
    const QUERY = `query ($fy: Int!) { insuranceEnrolments(fiscalYear: $fy) { id fiscalYear person { id } } }`;
    const res = await staff.graphql<{ insuranceEnrolments: Array<{ id: string; fiscalYear: number }> }>(QUERY, { fy: FY });
    expect(res.errors).toBeUndefined();
    const count = await server.db.prisma.insuranceEnrolment.count({ where: { fiscalYear: FY, organization: { slug: "hannan" } } });
    expect(res.data!.insuranceEnrolments).toHaveLength(count);
    const refused = await salonLeader.graphql<{ insuranceEnrolments: unknown }>(QUERY, { fy: FY });
    expect(refused.data?.insuranceEnrolments ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

// ───────────────────────── 年度更新 (rollover) ─────────────────────────

describe("previewInsuranceRollover and applyInsuranceRollover (staff)", () => {
  const PREVIEW = `query ($fy: Int!) {
    previewInsuranceRollover(fiscalYear: $fy) {
      fiscalYear fromFiscalYear opensOn early alreadyEnrolledCount notCurrentCount
      entries { personId name legalNameKana plan groupNames }
    }
  }`;
  const APPLY = `mutation ($input: ApplyInsuranceRolloverInput!) {
    applyInsuranceRollover(input: $input) {
      __typename
      ... on Error { message messageEn code }
      ... on InvalidInputError { issues { path message messageEn } }
      ... on MutationApplyInsuranceRolloverSuccess { data { fiscalYear enrolledCount } }
    }
  }`;
  interface Plan {
    fiscalYear: number;
    fromFiscalYear: number;
    opensOn: string;
    early: boolean;
    alreadyEnrolledCount: number;
    notCurrentCount: number;
    entries: Array<{ personId: string; plan: string; groupNames: string[] }>;
  }
  const preview = async (fy: number) => {
    const res = await staff.graphql<{ previewInsuranceRollover: Plan }>(PREVIEW, { fy });
    expect(res.errors).toBeUndefined();
    return res.data!.previewInsuranceRollover;
  };

  it("previews who this year's insured with a current membership are, skipping the already enrolled; writes nothing", async () => {
    const db = server.db.prisma;
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "hannan" } });
    // one person enrolled for next year already: skipped
    const insuredNow = await db.person.findMany({
      where: {
        orgId: org.id,
        insuranceEnrolments: { some: { fiscalYear: FY } },
        memberships: { some: { endedOn: null, group: { programme: { privacyTier: { not: "JUVENILE" } } } } },
      },
      select: { id: true },
    });
    const early = insuredNow[0]!.id;
    await db.insuranceEnrolment.create({
      data: { orgId: org.id, personId: early, fiscalYear: FY + 1, plan: PLAN, enrolledOn: todayInJapan() },
    });
    const before = await db.insuranceEnrolment.count();
    const plan = await preview(FY + 1);
    expect(plan).toMatchObject({ fiscalYear: FY + 1, fromFiscalYear: FY, opensOn: `${FY + 1}-03-01` });
    // before March 1 it is early (allowed; the web app asks twice)
    expect(plan.early).toBe(todayInJapan().getTime() < Date.UTC(FY + 1, 2, 1));
    expect(plan.alreadyEnrolledCount).toBe(1);
    const listed = plan.entries.map((e) => e.personId);
    expect(listed).not.toContain(early);
    const expected = await db.person.findMany({
      where: {
        orgId: org.id,
        insuranceEnrolments: { some: { fiscalYear: FY }, none: { fiscalYear: FY + 1 } },
        memberships: {
          some: {
            OR: [{ endedOn: null }, { endedOn: { gte: todayInJapan() } }],
            group: { programme: { privacyTier: { not: "JUVENILE" } } },
          },
        },
      },
      select: { id: true },
    });
    expect([...listed].sort()).toEqual(expected.map((p) => p.id).sort());
    // last year's plan is carried
    const planOf = await db.insuranceEnrolment.findFirstOrThrow({ where: { personId: listed[0]!, fiscalYear: FY } });
    expect(plan.entries[0]!.plan).toBe(planOf.plan);
    expect(plan.entries[0]!.groupNames.length).toBeGreaterThan(0);
    expect(await db.insuranceEnrolment.count()).toBe(before);
  });

  it("applies once: everyone previewed is enrolled; a second run enrols nobody (idempotent); audited", async () => {
    const plan = await preview(FY + 1);
    expect(plan.entries.length).toBeGreaterThan(10);
    const first = await run(staff, APPLY, { input: { fiscalYear: FY + 1, reference: "一括-2027" } }, "applyInsuranceRollover");
    expect(first).toEqual({
      __typename: "MutationApplyInsuranceRolloverSuccess",
      data: { fiscalYear: FY + 1, enrolledCount: plan.entries.length },
    });
    const enrolled = await enrolmentsOf(
      plan.entries.map((e) => e.personId),
      FY + 1,
    );
    expect(enrolled).toHaveLength(plan.entries.length);
    expect(enrolled.every((e) => e.reference === "一括-2027")).toBe(true);
    expect((await preview(FY + 1)).entries).toEqual([]);
    const again = await run(staff, APPLY, { input: { fiscalYear: FY + 1 } }, "applyInsuranceRollover");
    expect(again).toMatchObject({ data: { enrolledCount: 0 } });
    expect(await server.db.prisma.insuranceEnrolment.count({ where: { fiscalYear: FY + 1 } })).toBe(plan.entries.length + 1);
    const entries = await server.db.prisma.auditEvent.findMany({ where: { entity: "InsuranceRollover" }, orderBy: { id: "asc" } });
    expect(entries.map((e) => (e.details as { enrolled: number }).enrolled)).toEqual([plan.entries.length, 0]);
  });

  it("refuses a year other than this or the next (both languages), and every account but staff", async () => {
    const far = await run(staff, APPLY, { input: { fiscalYear: FY + 2 } }, "applyInsuranceRollover");
    expect(far).toMatchObject({ __typename: "InvalidInputError", issues: [{ path: "input.fiscalYear" }] });
    expectBilingual(far.issues![0]!);
    const badPreview = await staff.graphql(PREVIEW, { fy: FY - 1 });
    expect(badPreview.errors?.[0]?.extensions?.code).toBe("INVALID_INPUT");
    for (const client of [salonLeader, coordinator, liaison]) {
      expect((await run(client, APPLY, { input: { fiscalYear: FY + 1 } }, "applyInsuranceRollover")).code).toBe("FORBIDDEN");
      const refused = await client.graphql<{ previewInsuranceRollover: unknown }>(PREVIEW, { fy: FY + 1 });
      expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("another organisation's rollover carries only its own people", async () => {
    const res = await other.graphql<{ previewInsuranceRollover: Plan }>(PREVIEW, { fy: FY + 1 });
    expect(res.errors).toBeUndefined();
    // its only person has no enrolment this year: nobody to carry, and nothing of Hannan
    expect(res.data!.previewInsuranceRollover.entries).toEqual([]);
  });
});
