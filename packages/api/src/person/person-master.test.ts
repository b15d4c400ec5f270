// The person master over HTTP: staff edit a person (validation in both languages, audit, stale-edit
// CONFLICT), contact details under personContacts, the duplicate warning on createPerson
// (CONFIRMATION_REQUIRED, possibleDuplicatePeople, acknowledgeDuplicates), and mergePeople (what
// moves, what is refused, all or nothing, both ids in the audit trail and the survivor's history).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addOtherOrganisation, startTestServer, type TestClient, type TestServer } from "../testing.ts";

let server: TestServer;
let staff: TestClient;
let salonLeader: TestClient;

const SAKURA = "ふれあい喫茶 さくら";
const ERR = `__typename ... on Error { message messageEn code } ... on InvalidInputError { issues { path message messageEn } }`;
type Result<T> = {
  __typename: string;
  message?: string;
  messageEn?: string;
  code?: string;
  issues?: Array<{ path: string; message: string; messageEn: string }>;
  data?: T;
};

const PERSON_FIELDS = `id name legalName legalNameKana usesNickname phone email address notes updatedAt`;
interface PersonData {
  id: string;
  name: string;
  legalName: string;
  legalNameKana: string;
  usesNickname: boolean;
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
  updatedAt: string;
}
const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { ${ERR} ... on MutationCreatePersonSuccess { data { ${PERSON_FIELDS} } } } }`;
const UPDATE = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { ${ERR} ... on MutationUpdatePersonSuccess { data { ${PERSON_FIELDS} } } } }`;
const MERGE = `mutation($input: MergePeopleInput!) { mergePeople(input: $input) { ${ERR} ... on MutationMergePeopleSuccess { data { id name phone history { action entityId details } } } } }`;

async function mutate<T>(client: TestClient, query: string, input: Record<string, unknown>): Promise<Result<T>> {
  const res = await client.graphql<Record<string, Result<T>>>(query, { input });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0]!;
}

async function create(input: Record<string, unknown>): Promise<PersonData> {
  const r = await mutate<PersonData>(staff, CREATE, { acknowledgeDuplicates: true, ...input });
  expect(r.__typename, JSON.stringify(r)).toBe("MutationCreatePersonSuccess");
  return r.data!;
}

beforeAll(async () => {
  server = await startTestServer();
  staff = await server.as("staff");
  salonLeader = await server.as("salon-leader");
});
afterAll(() => server?.close());

describe("updatePerson (staff edit a person)", () => {
  it("saves names, nickname, contact and notes (katakana stored as hiragana, full-width phone as ASCII) and audits the fields changed", async () => {
    const p = await create({ legalName: "編集 一郎", legalNameKana: "へんしゅう いちろう" });
    const saved = await mutate<PersonData>(staff, UPDATE, {
      personId: p.id,
      expectedUpdatedAt: p.updatedAt,
      legalName: "編集 一朗",
      legalNameKana: "ヘンシュウ　イチロウ",
      displayName: "いっちゃん",
      phone: "０７２－４７１－１２３４",
      email: "ichiro@example.jp",
      address: "大阪府阪南市尾崎町1-1",
      notes: "火曜日は不在",
    });
    expect(saved.__typename).toBe("MutationUpdatePersonSuccess");
    expect(saved.data).toMatchObject({
      name: "いっちゃん",
      legalName: "編集 一朗",
      legalNameKana: "へんしゅう いちろう",
      usesNickname: true,
      phone: "072-471-1234",
      email: "ichiro@example.jp",
      address: "大阪府阪南市尾崎町1-1",
      notes: "火曜日は不在",
    });
    const entry = await server.db.prisma.auditEvent.findFirstOrThrow({
      where: { entity: "Person", entityId: p.id, action: "update" },
      orderBy: { id: "desc" },
    });
    expect((entry.details as { fields: string[] }).fields.sort()).toEqual(
      ["address", "displayName", "email", "legalName", "notes", "phone"].sort(),
    );
    // the values themselves stay out of the trail
    expect(JSON.stringify(entry.details)).not.toContain("072-471-1234");

    // clearing the nickname: the legal name is the name again
    const cleared = await mutate<PersonData>(staff, UPDATE, {
      personId: p.id,
      expectedUpdatedAt: saved.data!.updatedAt,
      legalName: "編集 一朗",
      legalNameKana: "へんしゅう いちろう",
      displayName: "",
    });
    expect(cleared.data).toMatchObject({ name: "編集 一朗", usesNickname: false, phone: null, notes: null });
  });

  it("refuses bad input in Japanese and English, and a stale edit as CONFLICT; nothing changes", async () => {
    const p = await create({ legalName: "検証 花子", legalNameKana: "けんしょう はなこ", phone: "072-000-0000" });
    const bad = await mutate<PersonData>(staff, UPDATE, {
      personId: p.id,
      expectedUpdatedAt: p.updatedAt,
      legalName: " ",
      legalNameKana: "Hanako",
      phone: "call me",
      email: "not-an-address",
    });
    expect(bad.__typename).toBe("InvalidInputError");
    const byPath = new Map(bad.issues!.map((i) => [i.path, i]));
    expect(byPath.get("input.legalNameKana")?.message).toBe("ふりがなは、ひらがなかカタカナで入力してください。");
    expect(byPath.get("input.phone")?.messageEn).toBe("Not a valid phone number.");
    expect(byPath.get("input.email")?.message).toBe("メールアドレスの形式が正しくありません。");
    expect(byPath.get("input.legalName")?.messageEn).toBe("Enter the legal name.");

    const first = await mutate<PersonData>(staff, UPDATE, {
      personId: p.id,
      expectedUpdatedAt: p.updatedAt,
      legalName: "検証 花子",
      legalNameKana: "けんしょう はなこ",
      phone: "072-111-1111",
    });
    expect(first.__typename).toBe("MutationUpdatePersonSuccess");
    // a second editor still holding the old updatedAt
    const stale = await mutate<PersonData>(staff, UPDATE, {
      personId: p.id,
      expectedUpdatedAt: p.updatedAt,
      legalName: "上書き 花子",
      legalNameKana: "うわがき はなこ",
    });
    expect(stale, JSON.stringify(stale)).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    expect(stale.messageEn).toMatch(/Reload/);
    const row = await server.db.prisma.person.findUniqueOrThrow({ where: { id: p.id } });
    expect(row).toMatchObject({ legalName: "検証 花子", phone: "072-111-1111" });
  });
});

describe("contact details (personContacts: staff and the person themself)", () => {
  it("staff see a salon member's phone; the salon's leader sees the name but the phone is FORBIDDEN; the leader sees their own", async () => {
    const db = server.db.prisma;
    const leaderUser = await db.user.findFirstOrThrow({ where: { email: "salon-leader@hannan.example" } });
    const member = await db.person.findFirstOrThrow({
      where: {
        id: { not: leaderUser.personId ?? undefined },
        childVolunteer: null,
        memberships: { some: { groupId: server.groupId(SAKURA), endedOn: null } },
      },
    });
    await db.person.update({ where: { id: member.id }, data: { phone: "072-999-0001", email: "member@example.jp" } });
    const q = `query($id: ID!) { person(id: $id) { id name phone email address } }`;
    const byStaff = await staff.graphql<{ person: { phone: string; email: string } }>(q, { id: member.id });
    expect(byStaff.errors).toBeUndefined();
    expect(byStaff.data!.person).toMatchObject({ phone: "072-999-0001", email: "member@example.jp" });

    const byLeader = await salonLeader.graphql<{ person: { name: string; phone: string | null } }>(q, { id: member.id });
    expect(byLeader.data!.person.name).toBeTruthy();
    expect(byLeader.data!.person.phone).toBeNull();
    expect(byLeader.errors?.some((e) => e.extensions?.code === "FORBIDDEN" && e.path?.at(-1) === "phone")).toBe(true);
    expect(JSON.stringify(byLeader)).not.toContain("072-999-0001");

    await db.person.update({ where: { id: leaderUser.personId! }, data: { phone: "072-999-0002" } });
    const own = await salonLeader.graphql<{ person: { phone: string } }>(q, { id: leaderUser.personId });
    expect(own.errors).toBeUndefined();
    expect(own.data!.person.phone).toBe("072-999-0002");

    const can = `query($g: ID!) { group(id: $g) { viewerCanSeeContacts } }`;
    expect((await staff.graphql<{ group: { viewerCanSeeContacts: boolean } }>(can, { g: server.groupId(SAKURA) })).data!.group).toEqual({
      viewerCanSeeContacts: true,
    });
    expect(
      (await salonLeader.graphql<{ group: { viewerCanSeeContacts: boolean } }>(can, { g: server.groupId(SAKURA) })).data!.group,
    ).toEqual({ viewerCanSeeContacts: false });
  });
});

describe("the duplicate warning on createPerson", () => {
  const DUPES = `query($n: String!, $k: String!, $p: String) { possibleDuplicatePeople(legalName: $n, legalNameKana: $k, phone: $p) { id name } }`;

  it("the same ふりがな (katakana, other spacing): CONFIRMATION_REQUIRED, nothing saved, the candidates listed; acknowledged, saved", async () => {
    const existing = await create({ legalName: "重複 太郎", legalNameKana: "ちょうふく たろう" });
    const before = await server.db.prisma.person.count();
    const input = { legalName: "重複 太朗", legalNameKana: "チョウフクタロウ" };
    const warned = await mutate<PersonData>(staff, CREATE, input);
    expect(warned.__typename).toBe("InvalidInputError");
    expect(warned.code).toBe("CONFIRMATION_REQUIRED");
    expect(warned.issues![0]!.message).toMatch(/1人登録されています/);
    expect(warned.issues![0]!.messageEn).toMatch(/already registered/);
    expect(await server.db.prisma.person.count()).toBe(before);

    const listed = await staff.graphql<{ possibleDuplicatePeople: Array<{ id: string }> }>(DUPES, {
      n: input.legalName,
      k: input.legalNameKana,
    });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.possibleDuplicatePeople.map((p) => p.id)).toEqual([existing.id]);

    const saved = await mutate<PersonData>(staff, CREATE, { ...input, acknowledgeDuplicates: true });
    expect(saved.__typename, JSON.stringify(saved)).toBe("MutationCreatePersonSuccess");
    expect(await server.db.prisma.person.count()).toBe(before + 1);
  });

  it("the same name and phone warns; the same name with another phone and kana does not", async () => {
    await create({ legalName: "同名 次郎", legalNameKana: "どうめい じろう", phone: "072-555-0101" });
    const samePhone = await mutate<PersonData>(staff, CREATE, {
      legalName: "同名　次郎",
      legalNameKana: "どうな じろう",
      phone: "0725550101",
    });
    expect(samePhone.code).toBe("CONFIRMATION_REQUIRED");
    const otherPhone = await mutate<PersonData>(staff, CREATE, {
      legalName: "同名 次郎",
      legalNameKana: "どうな じろう",
      phone: "072-555-0909",
    });
    expect(otherPhone.__typename).toBe("MutationCreatePersonSuccess");
  });
});

describe("mergePeople", () => {
  it("moves memberships, logs, awards, certificates, insurance, sign-ups, thank-yous and the child record to the survivor, deletes the other, audits both", async () => {
    const db = server.db.prisma;
    // the duplicate: a seeded child volunteer with a history
    const child = await db.childVolunteer.findFirstOrThrow({
      where: { person: { user: null, participations: { some: {} }, memberships: { some: {} } } },
      include: { person: true },
      orderBy: { id: "asc" },
    });
    const mergedId = child.personId;
    const count = async (personId: string) => ({
      memberships: await db.membership.count({ where: { personId } }),
      participations: await db.activityLogParticipant.count({ where: { personId } }),
      awards: await db.milestoneAward.count({ where: { personId } }),
      certificates: await db.certificate.count({ where: { personId } }),
      insurance: await db.insuranceEnrolment.count({ where: { personId } }),
      signUps: await db.signUp.count({ where: { personId } }),
      thankYous: await db.thankYouMessage.count({ where: { toPersonId: personId } }),
    });
    await db.thankYouMessage.create({
      data: { orgId: child.orgId, toPersonId: mergedId, fromName: "近所の人", body: "ありがとう", receivedOn: new Date("2026-11-01") },
    });
    const moving = await count(mergedId);
    expect(moving.memberships).toBeGreaterThan(0);
    expect(moving.participations).toBeGreaterThan(0);

    const survivor = await create({ legalName: "統合 先", legalNameKana: "とうごう さき", phone: "072-333-0000" });
    const preview = await staff.graphql<{ personMergePreview: { data: { counts: Record<string, number>; conflicts: string[] } } }>(
      `query($s: ID!, $m: ID!) { personMergePreview(survivorId: $s, mergedId: $m) { ... on QueryPersonMergePreviewSuccess { data { counts { memberships participations thankYous childVolunteer } conflicts } } } }`,
      { s: survivor.id, m: mergedId },
    );
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.personMergePreview.data).toEqual({
      counts: { memberships: moving.memberships, participations: moving.participations, thankYous: moving.thankYous, childVolunteer: 1 },
      conflicts: [],
    });

    const merged = await mutate<{ id: string; phone: string; history: Array<{ action: string; details: string }> }>(staff, MERGE, {
      survivorId: survivor.id,
      mergedId,
    });
    expect(merged.__typename, JSON.stringify(merged)).toBe("MutationMergePeopleSuccess");
    expect(merged.data!.phone).toBe("072-333-0000"); // the survivor's details win
    expect(await count(survivor.id)).toEqual(moving);
    expect(await count(mergedId)).toEqual({
      memberships: 0,
      participations: 0,
      awards: 0,
      certificates: 0,
      insurance: 0,
      signUps: 0,
      thankYous: 0,
    });
    expect(await db.person.count({ where: { id: mergedId } })).toBe(0);
    expect((await db.childVolunteer.findUniqueOrThrow({ where: { id: child.id } })).personId).toBe(survivor.id);
    // both ids in the trail; the merge on the survivor's history (the person page)
    expect(await db.auditEvent.count({ where: { entity: "Person", entityId: mergedId, action: "delete" } })).toBe(1);
    expect(merged.data!.history[0]).toMatchObject({ action: "update" });
    expect(JSON.parse(merged.data!.history[0]!.details)).toMatchObject({ change: "merge", mergedId });
  });

  it("refuses itself, another organisation's person, and conflicts (same 年度 insurance, overlapping membership) — changing nothing", async () => {
    const db = server.db.prisma;
    const a = await create({ legalName: "衝突 甲", legalNameKana: "しょうとつ こう" });
    const b = await create({ legalName: "衝突 乙", legalNameKana: "しょうとつ おつ" });

    const self = await mutate(staff, MERGE, { survivorId: a.id, mergedId: a.id });
    expect(self).toMatchObject({ __typename: "InvalidInputError", code: "INVALID_INPUT" });
    expect(self.issues![0]!.messageEn).toMatch(/into themself/);

    const other = await addOtherOrganisation(server, "person-master");
    const foreign = await db.person.create({ data: { orgId: other.orgId, legalName: "余所 人", legalNameKana: "よそ ひと" } });
    const cross = await mutate(staff, MERGE, { survivorId: a.id, mergedId: foreign.id });
    expect(cross).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    expect(await db.person.count({ where: { id: foreign.id } })).toBe(1);

    const group = await db.group.findUniqueOrThrow({ where: { id: server.groupId(SAKURA) } });
    const role = await db.groupRole.findFirstOrThrow({ where: { orgId: group.orgId, code: "member" } });
    for (const personId of [a.id, b.id]) {
      await db.insuranceEnrolment.create({
        data: { orgId: group.orgId, personId, fiscalYear: 2026, plan: "A", enrolledOn: new Date("2026-04-01") },
      });
      await db.membership.create({
        data: { orgId: group.orgId, groupId: group.id, personId, groupRoleId: role.id, startedOn: new Date("2026-05-01") },
      });
    }
    await db.thankYouMessage.create({
      data: { orgId: group.orgId, toPersonId: b.id, fromName: "近所の人", body: "ありがとう", receivedOn: new Date("2026-11-01") },
    });
    const refused = await mutate(staff, MERGE, { survivorId: a.id, mergedId: b.id });
    expect(refused.__typename).toBe("InvalidInputError");
    const texts = refused.issues!.map((i) => i.messageEn).join(" | ");
    expect(texts).toMatch(/insurance for fiscal year 2026/);
    expect(texts).toMatch(/overlapping dates/);
    expect(refused.issues!.every((i) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(i.message))).toBe(true);
    // all or nothing: b keeps everything
    expect(await db.person.count({ where: { id: b.id } })).toBe(1);
    expect(await db.thankYouMessage.count({ where: { toPersonId: b.id } })).toBe(1);
    expect(await db.membership.count({ where: { personId: b.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entity: "Person", entityId: b.id, action: "delete" } })).toBe(0);
  });
});
