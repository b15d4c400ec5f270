// 子ども福祉委員 and guardian consent over HTTP, as the demo accounts: who may see a child (staff
// and that school's coordinators only, every other read audited), registration and its validation,
// the all-or-nothing CSV import (UTF-8 and Shift_JIS), consents recorded and withdrawn but never
// deleted, the consent check other domains call, and the April school-year rollover.
import { randomUUID } from "node:crypto";

import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { fiscalYearOf, todayInJapan } from "@tsunagu/db";

import { startTestServer, type GraphQLResponse, type TestClient, type TestServer } from "../testing.ts";
import { childrenWithoutActivityConsent } from "./consent-check.ts";

let server: TestServer;
let staff: TestClient;
let ozaki: TestClient;
let tottori: TestClient;
let salonLeader: TestClient;
/** 尾崎小学校 子ども福祉委員 (coordinator.ozaki's group) */
let ozakiGroup: string;
/** 鳥取東中学校 子ども福祉委員 (coordinator.tottori-higashi's group) */
let tottoriGroup: string;
/** the salon-leader's salon */
let salonGroup: string;
/** the child registered by coordinator.ozaki below (today, so in this school year already) */
let haruto: string;

const FORBIDDEN = "FORBIDDEN";

interface ErrorResult {
  __typename: string;
  message?: string;
  messageEn?: string;
  code?: string;
  issues?: Array<{ path: string; message: string; messageEn: string }>;
}
type Result<T> = ErrorResult & { data?: T };

const RESULT = `__typename ... on Error { message messageEn code } ... on InvalidInputError { issues { path message messageEn } }`;

const CHILD = `id grade status alumniSince guardianName guardianKana guardianRelation guardianPhone guardianEmail hasActivityConsent photoConsent
  activityConsentState photoConsentState
  person { id name legalName legalNameKana } school { name kind }
  consents { id kind granted givenBy givenOn scope policyVersion withdrawnAt inForce recordedByName }`;

interface Child {
  id: string;
  grade: number;
  status: "ACTIVE" | "ALUMNI";
  alumniSince: string | null;
  guardianName: string;
  guardianKana: string | null;
  guardianRelation: string | null;
  guardianPhone: string | null;
  guardianEmail: string | null;
  hasActivityConsent: boolean;
  photoConsent: boolean;
  activityConsentState: string;
  photoConsentState: string;
  person: { id: string; name: string; legalName: string; legalNameKana: string };
  school: { name: string; kind: string };
  consents: Array<{
    id: string;
    kind: string;
    granted: boolean;
    givenBy: string;
    withdrawnAt: string | null;
    inForce: boolean;
    recordedByName: string | null;
  }>;
}

/** A query field the viewer may not see: null with a FORBIDDEN error. */
function forbidden(res: GraphQLResponse) {
  expect(res.errors?.map((e) => e.extensions?.code)).toContain(FORBIDDEN);
}

/** A mutation refused: a typed ForbiddenError result, in both languages. */
function refusedAsForbidden(res: GraphQLResponse) {
  expect(res.errors).toBeUndefined();
  expect((res.data as { r: ErrorResult }).r).toEqual({
    __typename: "ForbiddenError",
    code: FORBIDDEN,
    message: "この操作・情報へのアクセス権限がありません。",
    messageEn: "You are not allowed to see or do this.",
  });
}

async function listChildren(client: TestClient, groupId: string, status?: string) {
  return client.graphql<{ childVolunteers: Child[] | null }>(
    `query($groupId: ID!, $status: ChildVolunteerStatus) { childVolunteers(groupId: $groupId, status: $status) { ${CHILD} } }`,
    { groupId, status },
  );
}

async function register(client: TestClient, input: Record<string, unknown>) {
  const res = await client.graphql<{ r: Result<Child> }>(
    `mutation($input: RegisterChildVolunteerInput!) { r: registerChildVolunteer(input: $input) { ${RESULT} ... on MutationRegisterChildVolunteerSuccess { data { ${CHILD} } } } }`,
    { input },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.r;
}

const PREVIEW = `charset canImport rowCount validCount invalidCount columns { header field }
  rows { rowNumber status legalName legalNameKana grade guardianName guardianPhone guardianEmail activityConsent photoConsent issues { path message messageEn } }
  fileIssues { path message messageEn } issues { path rowNumber column message messageEn }`;

interface Preview {
  charset: string;
  canImport: boolean;
  rowCount: number;
  validCount: number;
  invalidCount: number;
  columns: Array<{ header: string; field: string | null }>;
  rows: Array<{
    rowNumber: number;
    status: string;
    legalName: string | null;
    legalNameKana: string | null;
    grade: number | null;
    guardianPhone: string | null;
    guardianEmail: string | null;
    activityConsent: boolean | null;
    photoConsent: boolean | null;
    issues: Array<{ path: string; message: string; messageEn: string }>;
  }>;
  fileIssues: Array<{ path: string; message: string }>;
  issues: Array<{ path: string; rowNumber: number | null; column: string | null; message: string; messageEn: string }>;
}

async function preview(client: TestClient, groupId: string, csv: string, encoding = "TEXT") {
  return client.graphql<{ previewChildVolunteerImport: Preview | null }>(
    `query($groupId: ID!, $csv: String!, $encoding: CsvEncoding) { previewChildVolunteerImport(groupId: $groupId, csv: $csv, encoding: $encoding) { ${PREVIEW} } }`,
    { groupId, csv, encoding },
  );
}

async function importCsv(client: TestClient, groupId: string, csv: string, encoding = "TEXT") {
  const res = await client.graphql<{ r: Result<Child[]> }>(
    `mutation($groupId: ID!, $csv: String!, $encoding: CsvEncoding) { r: importChildVolunteers(groupId: $groupId, csv: $csv, encoding: $encoding) {
      ${RESULT} ... on MutationImportChildVolunteersSuccess { data { ${CHILD} } } } }`,
    { groupId, csv, encoding },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.r;
}

const CONSENT = `id kind granted givenBy givenOn withdrawnAt inForce childVolunteer { id hasActivityConsent photoConsent }`;

async function recordConsent(client: TestClient, input: Record<string, unknown>) {
  const res = await client.graphql<{
    r: Result<{
      id: string;
      withdrawnAt: string | null;
      inForce: boolean;
      childVolunteer: { hasActivityConsent: boolean; photoConsent: boolean };
    }>;
  }>(
    `mutation($input: RecordConsentInput!) { r: recordConsent(input: $input) { ${RESULT} ... on MutationRecordConsentSuccess { data { ${CONSENT} } } } }`,
    { input },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.r;
}

async function withdrawConsent(client: TestClient, consentId: string, on?: string) {
  const res = await client.graphql<{
    r: Result<{ id: string; withdrawnAt: string | null; inForce: boolean; childVolunteer: { hasActivityConsent: boolean } }>;
  }>(
    `mutation($consentId: ID!, $on: Date) { r: withdrawConsent(consentId: $consentId, on: $on) { ${RESULT} ... on MutationWithdrawConsentSuccess { data { ${CONSENT} } } } }`,
    { consentId, on },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.r;
}

const count = {
  people: () => server.db.prisma.person.count(),
  children: () => server.db.prisma.childVolunteer.count(),
  consents: () => server.db.prisma.consent.count(),
};

const daysAgo = (n: number) => new Date(todayInJapan().getTime() - n * 86_400_000).toISOString().slice(0, 10);
const today = () => daysAgo(0);

const consentForm = (granted: boolean, givenBy = "尾崎 花子") => ({
  granted,
  givenBy,
  givenOn: daysAgo(7),
  scope: "子ども福祉委員としての地域ボランティア活動への参加",
  policyVersion: "2025-04",
});

beforeAll(async () => {
  // sessions stay cached for the whole file, so statement counts do not depend on the machine's speed (auth/viewer.ts)
  server = await startTestServer({ viewerCacheTtlMs: 10 * 60_000 });
  [staff, ozaki, tottori, salonLeader] = await Promise.all([
    server.signIn("staff"),
    server.signIn("coordinator.ozaki"),
    server.signIn("coordinator.tottori-higashi"),
    server.signIn("salon-leader"),
  ]);
  const groups = await staff.graphql<{ groups: Array<{ id: string; name: string }> }>(`{ groups(programmeCode: "child") { id name } }`);
  ozakiGroup = groups.data!.groups.find((g) => g.name.startsWith("尾崎小学校"))!.id;
  tottoriGroup = groups.data!.groups.find((g) => g.name.startsWith("鳥取東中学校"))!.id;
  const me = await salonLeader.graphql<{ me: { salonIds: string[] } }>("{ me { salonIds } }");
  salonGroup = me.data!.me.salonIds[0]!;
});
afterAll(() => server?.close());

describe("who sees a child", () => {
  it("a coordinator lists their school's children in 五十音 order, and that read is audited once", async () => {
    const res = await listChildren(ozaki, ozakiGroup);
    expect(res.errors).toBeUndefined();
    const children = res.data!.childVolunteers!;
    expect(children).toHaveLength(19); // 18 active and one alumnus of last March
    const kana = children.map((c) => c.person.legalNameKana);
    expect(kana).toEqual([...kana].sort());
    expect(children.every((c) => c.school.name === "尾崎小学校" && c.person.name.length > 0)).toBe(true);
    expect(children.filter((c) => c.status === "ALUMNI")).toHaveLength(1);
    // the form of one child has not come back: no activity consent
    expect(children.filter((c) => !c.hasActivityConsent)).toHaveLength(1);
    expect(
      children.filter((c) => c.hasActivityConsent).every((c) => c.consents.some((x) => x.kind === "GUARDIAN_ACTIVITY" && x.inForce)),
    ).toBe(true);

    const active = await listChildren(ozaki, ozakiGroup, "ACTIVE");
    expect(active.data!.childVolunteers).toHaveLength(18);

    const reads = await server.db.prisma.auditEvent.findMany({
      where: { action: "read", entity: "ChildVolunteer", actorId: { not: null } },
      orderBy: { id: "asc" },
    });
    expect(reads).toHaveLength(2);
    expect((reads[0]!.details as { ids: string[] }).ids.sort()).toEqual(children.map((c) => c.id).sort());
  });

  it("staff see every school's children without a read audit; the junior-high coordinator sees theirs", async () => {
    const before = await server.db.prisma.auditEvent.count({ where: { action: "read", entity: "ChildVolunteer" } });
    const res = await listChildren(staff, tottoriGroup);
    expect(res.data!.childVolunteers!.length).toBe(19);
    expect(await server.db.prisma.auditEvent.count({ where: { action: "read", entity: "ChildVolunteer" } })).toBe(before);
    const own = await listChildren(tottori, tottoriGroup);
    expect(own.errors).toBeUndefined();
    expect(own.data!.childVolunteers!.every((c) => c.school.kind === "JUNIOR_HIGH" && c.grade <= 3)).toBe(true);
  });

  it("coordinator.ozaki can NOT see 鳥取東中学校's children, one by one or as a list", async () => {
    const list = await listChildren(ozaki, tottoriGroup);
    forbidden(list);
    expect(list.data?.childVolunteers ?? null).toBeNull();
    const theirs = await listChildren(staff, tottoriGroup);
    const id = theirs.data!.childVolunteers![0]!.id;
    const one = await ozaki.graphql<{ childVolunteer: Child | null }>(`query($id: ID!) { childVolunteer(id: $id) { id guardianPhone } }`, {
      id,
    });
    // one by one: null with no error, as for an unknown id (existence is not revealed)
    expect(one.errors).toBeUndefined();
    expect(one.data).toEqual({ childVolunteer: null });
    // the same child for its own coordinator
    const allowed = await tottori.graphql<{ childVolunteer: Child | null }>(
      `query($id: ID!) { childVolunteer(id: $id) { id guardianPhone } }`,
      { id },
    );
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.childVolunteer!.id).toBe(id);
  });

  it("a roster costs the same few SQL statements however many children it lists", async () => {
    const q = `query($groupId: ID!) { childVolunteers(groupId: $groupId) { ${CHILD} } }`;
    await staff.graphql("{ __typename }"); // its session cached
    const small = await server.statements.count(() => staff.graphql<{ childVolunteers: Child[] }>(q, { groupId: ozakiGroup }));
    // 40 more children at the school
    const school = await server.db.prisma.group.findUniqueOrThrow({ where: { id: ozakiGroup }, select: { orgId: true, schoolId: true } });
    const rows = Array.from({ length: 40 }, (_, i) => ({
      legalName: `多数 ${i}`,
      legalNameKana: `たすう ${"あいうえおかきくけこ"[i % 10]}${"さしすせ"[Math.floor(i / 10)]}`,
    }));
    await server.db.prisma.$transaction(async (tx) => {
      for (const r of rows) {
        const person = await tx.person.create({ data: { orgId: school.orgId, ...r } });
        await tx.childVolunteer.create({
          data: { orgId: school.orgId, personId: person.id, schoolId: school.schoolId!, grade: 4, guardianName: "多数 保護者" },
        });
      }
    });
    const large = await server.statements.count(() => staff.graphql<{ childVolunteers: Child[] }>(q, { groupId: ozakiGroup }));
    expect(large.result.data!.childVolunteers.length).toBe(small.result.data!.childVolunteers.length + 40);
    expect(large.statements.length).toBe(small.statements.length);
    expect(large.statements.length).toBeLessThanOrEqual(20);
    await server.db.prisma.childVolunteer.deleteMany({ where: { guardianName: "多数 保護者" } });
    await server.db.prisma.person.deleteMany({ where: { legalName: { startsWith: "多数 " } } });
  });

  it("a salon leader sees no child at all", async () => {
    forbidden(await listChildren(salonLeader, ozakiGroup));
    forbidden(await listChildren(salonLeader, salonGroup)); // their own group is no school group
    const some = await listChildren(staff, ozakiGroup);
    const id = some.data!.childVolunteers![0]!.id;
    // the same answer as for an id that does not exist: null, no error (existence is not revealed)
    const one = await salonLeader.graphql<{ childVolunteer: unknown }>(`query($id: ID!) { childVolunteer(id: $id) { id } }`, { id });
    const unknown = await salonLeader.graphql<{ childVolunteer: unknown }>(`query($id: ID!) { childVolunteer(id: $id) { id } }`, {
      id: randomUUID(),
    });
    expect(one.errors).toBeUndefined();
    expect(one.data).toEqual({ childVolunteer: null });
    expect(unknown).toEqual(one);
    const reg = await salonLeader.graphql(
      `mutation($input: RegisterChildVolunteerInput!) { r: registerChildVolunteer(input: $input) { ${RESULT} } }`,
      { input: { groupId: salonGroup, legalName: "試験 太郎", legalNameKana: "しけん たろう", grade: 4, guardianName: "試験 花子" } },
    );
    refusedAsForbidden(reg);
  });
});

describe("registering a child", () => {
  it("registers one child with guardian and consents, visible to the school's coordinator", async () => {
    const r = await register(ozaki, {
      groupId: ozakiGroup,
      legalName: "尾崎　はると",
      legalNameKana: "オザキ　ハルト",
      grade: 5,
      guardianName: "尾崎 花子",
      guardianKana: "おざき はなこ",
      guardianRelation: "母",
      guardianPhone: "０７２－４７１－１２３４",
      guardianEmail: "hanako@example.com",
      activityConsent: consentForm(true),
      photoConsent: consentForm(false),
    });
    expect(r.__typename).toBe("MutationRegisterChildVolunteerSuccess");
    const child = r.data!;
    haruto = child.id;
    expect(child).toMatchObject({
      grade: 5,
      status: "ACTIVE",
      guardianPhone: "072-471-1234",
      hasActivityConsent: true,
      photoConsent: false,
      person: { legalName: "尾崎 はると", legalNameKana: "おざき はると" },
      school: { name: "尾崎小学校", kind: "PRIMARY" },
    });
    expect(child.consents.map((c) => [c.kind, c.granted, c.recordedByName])).toEqual(
      expect.arrayContaining([
        ["GUARDIAN_ACTIVITY", true, "北野 直樹"],
        ["PHOTO_PUBLICATION", false, "北野 直樹"],
      ]),
    );
    const list = await listChildren(ozaki, ozakiGroup, "ACTIVE");
    expect(list.data!.childVolunteers!.map((c) => c.id)).toContain(child.id);
    const membership = await server.db.prisma.membership.findFirst({
      where: { personId: child.person.id, groupId: ozakiGroup },
      select: { endedOn: true, groupRole: { select: { code: true } } },
    });
    expect(membership).toMatchObject({ endedOn: null, groupRole: { code: "child-volunteer" } });
    expect(await server.db.prisma.auditEvent.count({ where: { action: "create", entity: "ChildVolunteer", entityId: child.id } })).toBe(1);
    // the other school's coordinator cannot read it
    const other = await tottori.graphql(`query($id: ID!) { childVolunteer(id: $id) { id } }`, { id: child.id });
    expect(other.errors).toBeUndefined();
    expect(other.data).toEqual({ childVolunteer: null });
  });

  it("refuses a grade the school does not have, bad kana, phone and email — in Japanese and English, writing nothing", async () => {
    const [people, children] = [await count.people(), await count.children()];
    const grade = await register(ozaki, {
      groupId: ozakiGroup,
      legalName: "尾崎 一郎",
      legalNameKana: "おざき いちろう",
      grade: 7,
      guardianName: "尾崎 二郎",
    });
    expect(grade.__typename).toBe("InvalidInputError");
    expect(grade.issues).toEqual([
      {
        path: "input.grade",
        message: expect.stringContaining("小学校の学年は1〜6年"),
        messageEn: expect.stringContaining("primary school are 1–6"),
      },
    ]);

    const jh = await register(tottori, {
      groupId: tottoriGroup,
      legalName: "鳥取 一郎",
      legalNameKana: "とっとり いちろう",
      grade: 4,
      guardianName: "鳥取 花子",
    });
    expect(jh.issues?.[0]).toMatchObject({
      path: "input.grade",
      message: expect.stringContaining("中学校の学年は1〜3年"),
      messageEn: expect.stringContaining("junior high school are 1–3"),
    });

    const bad = await register(ozaki, {
      groupId: ozakiGroup,
      legalName: "尾崎 一郎",
      legalNameKana: "Ozaki Ichiro",
      grade: 4,
      guardianName: "尾崎 二郎",
      guardianPhone: "12345",
      guardianEmail: "not-an-address",
    });
    expect(bad.__typename).toBe("InvalidInputError");
    expect(bad.message).toContain("何も保存していません");
    const byPath = Object.fromEntries(bad.issues!.map((i) => [i.path, i]));
    expect(byPath["input.legalNameKana"]).toMatchObject({
      message: "ふりがなはひらがなで入力してください。",
      messageEn: "Write the kana reading in hiragana.",
    });
    expect(byPath["input.guardianPhone"]?.messageEn).toMatch(/Not a valid phone number/);
    expect(byPath["input.guardianEmail"]).toMatchObject({
      message: "メールアドレスの形式が正しくありません。",
      messageEn: "Not a valid email address.",
    });

    const future = await register(ozaki, {
      groupId: ozakiGroup,
      legalName: "尾崎 一郎",
      legalNameKana: "おざき いちろう",
      grade: 4,
      guardianName: "尾崎 二郎",
      activityConsent: { ...consentForm(true), givenOn: "2099-01-01" },
    });
    expect(future.issues?.[0]).toMatchObject({ path: "input.activityConsent.givenOn", messageEn: "The consent date is in the future." });

    expect([await count.people(), await count.children()]).toEqual([people, children]);
  });

  it("refuses the same child twice, and a coordinator registering into another school's group", async () => {
    const again = await register(ozaki, {
      groupId: ozakiGroup,
      legalName: "尾崎 はると",
      legalNameKana: "おざき はると",
      grade: 5,
      guardianName: "尾崎 花子",
    });
    expect(again).toMatchObject({
      __typename: "ConflictError",
      code: "CONFLICT",
      messageEn: expect.stringContaining("already registered"),
    });
    const other = await ozaki.graphql(
      `mutation($input: RegisterChildVolunteerInput!) { r: registerChildVolunteer(input: $input) { ${RESULT} } }`,
      { input: { groupId: tottoriGroup, legalName: "鳥取 次郎", legalNameKana: "とっとり じろう", grade: 1, guardianName: "鳥取 花子" } },
    );
    refusedAsForbidden(other);
  });
});

describe("CSV import", () => {
  const header = "氏名,ふりがな,学年,保護者氏名,続柄,保護者連絡先,活動同意,写真同意";
  const good = [
    "阪南 さくら,ハンナン サクラ,4,阪南 由美,母,072-471-5555,同意,同意",
    "阪南 ゆうと,はんなん ゆうと,5年,阪南 健,父,yuto.parent@example.com,同意,",
    "尾崎 みなと,おざき みなと,６,尾崎 恵,祖母,090-1111-2222,,",
  ];

  it("a file with one bad row writes nothing and names the row; the fixed file imports every row", async () => {
    const bad = [header, good[0], "阪南 ゆうと,はんなん ゆうと,8,阪南 健,父,yuto.parent@example.com,同意,", good[2]].join("\r\n");
    const p = await preview(ozaki, ozakiGroup, bad);
    expect(p.errors).toBeUndefined();
    const pv = p.data!.previewChildVolunteerImport!;
    expect(pv).toMatchObject({ charset: "UTF-8", canImport: false, rowCount: 3, validCount: 2, invalidCount: 1 });
    expect(pv.rows.map((r) => [r.rowNumber, r.status])).toEqual([
      [2, "VALID"],
      [3, "INVALID"],
      [4, "VALID"],
    ]);
    expect(pv.rows[0]).toMatchObject({
      legalNameKana: "はんなん さくら",
      guardianPhone: "072-471-5555",
      activityConsent: true,
      photoConsent: true,
    });
    expect(pv.rows[1]!.issues).toEqual([
      {
        path: "rows.3.grade",
        message: "3行目「学年」: 尾崎小学校: 小学校の学年は1〜6年です（入力: 8）。",
        messageEn: "Row 3 (学年): 尾崎小学校: Grades at a primary school are 1–6 (got 8).",
      },
    ]);
    expect(pv.columns.find((c) => c.header === "保護者連絡先")?.field).toBe("guardianContact");

    const [people, children, consents] = [await count.people(), await count.children(), await count.consents()];
    const refused = await importCsv(ozaki, ozakiGroup, bad);
    expect(refused.__typename).toBe("InvalidInputError");
    expect(refused.messageEn).toBe("The input has 1 problem(s). Nothing was saved.");
    expect(refused.issues!.map((i) => i.path)).toEqual(["rows.3.grade"]);
    expect([await count.people(), await count.children(), await count.consents()]).toEqual([people, children, consents]);

    const fixed = await importCsv(ozaki, ozakiGroup, [header, ...good].join("\r\n"));
    expect(fixed.__typename).toBe("MutationImportChildVolunteersSuccess");
    const imported = fixed.data!;
    expect(imported.map((c) => c.person.legalNameKana)).toEqual(["おざき みなと", "はんなん さくら", "はんなん ゆうと"]);
    expect(imported.map((c) => c.grade)).toEqual([6, 4, 5]);
    const yuto = imported.find((c) => c.person.legalName === "阪南 ゆうと")!;
    expect(yuto).toMatchObject({
      guardianEmail: "yuto.parent@example.com",
      guardianPhone: null,
      hasActivityConsent: true,
      photoConsent: false,
    });
    // the consent form's scope and version default to the latest recorded in the organisation
    expect(imported.find((c) => c.person.legalName === "尾崎 みなと")).toMatchObject({ hasActivityConsent: false, consents: [] });
    expect(await count.children()).toBe(children + 3);
    expect(await count.consents()).toBe(consents + 3);
    expect(await server.db.prisma.auditEvent.count({ where: { action: "import", entity: "ChildVolunteer" } })).toBe(1);
  });

  it("finds duplicates in the file and against the school's children; refuses files without the required columns", async () => {
    const dup = [header, good[0], "阪南 りく,はんなん りく,4,阪南 由美,母,,,", "阪南 りく,ハンナン リク,4,阪南 由美,母,,,"].join("\n");
    const pv = (await preview(ozaki, ozakiGroup, dup)).data!.previewChildVolunteerImport!;
    expect(pv.rows.map((r) => r.status)).toEqual(["DUPLICATE", "VALID", "DUPLICATE"]);
    expect(pv.issues.map((i) => i.path)).toEqual(["rows.2.legalName", "rows.4.legalName"]);
    expect(pv.issues[1]!.messageEn).toContain("as row 3");
    const res = await importCsv(ozaki, ozakiGroup, dup);
    expect(res.issues!.map((i) => i.path)).toEqual(["rows.2.legalName", "rows.4.legalName"]);

    const noGrade = (await preview(ozaki, ozakiGroup, "name,kana,guardian\n阪南 そら,はんなん そら,阪南 健\n")).data!
      .previewChildVolunteerImport!;
    expect(noGrade.canImport).toBe(false);
    expect(noGrade.fileIssues[0]).toMatchObject({ path: "csv", message: expect.stringContaining("学年") });
    // English headers are aliases
    const en = (await preview(ozaki, ozakiGroup, "name,kana,grade,guardian,phone\n阪南 そら,はんなん そら,4,阪南 健,0724710000\n")).data!
      .previewChildVolunteerImport!;
    expect(en).toMatchObject({ canImport: true, rows: [{ status: "VALID", grade: 4, guardianPhone: "0724710000" }] });
  });

  it("reads Shift_JIS (Excel's CSV) and UTF-8 with a BOM sent as base64", async () => {
    const rows = [header, "下荘 あおい,しものしょう あおい,3,下荘 真一,父,072-476-0001,同意,不同意"].join("\r\n");
    const sjis = iconv.encode(rows, "cp932").toString("base64");
    const pv = (await preview(ozaki, ozakiGroup, sjis, "BASE64")).data!.previewChildVolunteerImport!;
    expect(pv).toMatchObject({
      charset: "Shift_JIS",
      canImport: true,
      rows: [{ legalName: "下荘 あおい", grade: 3, activityConsent: true, photoConsent: false }],
    });
    const imported = await importCsv(ozaki, ozakiGroup, sjis, "BASE64");
    expect(imported.__typename).toBe("MutationImportChildVolunteersSuccess");
    expect(imported.data![0]).toMatchObject({
      person: { legalName: "下荘 あおい", legalNameKana: "しものしょう あおい" },
      guardianName: "下荘 真一",
      hasActivityConsent: true,
    });

    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from([header, "尾崎 れん,おざき れん,4,尾崎 瞳,母,,,"].join("\n"), "utf8"),
    ]);
    const utf8 = (await preview(ozaki, ozakiGroup, bom.toString("base64"), "BASE64")).data!.previewChildVolunteerImport!;
    expect(utf8).toMatchObject({
      charset: "UTF-8",
      canImport: true,
      columns: expect.arrayContaining([{ header: "氏名", field: "legalName" }]),
    });
    expect(utf8.rows[0]!.legalName).toBe("尾崎 れん");
  });

  it("only the school's coordinators and staff may preview or import", async () => {
    forbidden(await preview(tottori, ozakiGroup, [header, good[0]].join("\n")));
    const res = await tottori.graphql(
      `mutation($groupId: ID!, $csv: String!) { r: importChildVolunteers(groupId: $groupId, csv: $csv) { ${RESULT} } }`,
      { groupId: ozakiGroup, csv: [header, "鳥取 そら,とっとり そら,4,鳥取 健,父,,,"].join("\n") },
    );
    refusedAsForbidden(res);
    expect(await server.db.prisma.person.count({ where: { legalName: "鳥取 そら" } })).toBe(0);
  });
});

describe("consent", () => {
  /** the ozaki child whose guardian has not returned the form */
  async function childWithoutConsent() {
    const list = await listChildren(ozaki, ozakiGroup, "ACTIVE");
    return list.data!.childVolunteers!.find(
      (c) => !c.hasActivityConsent && c.consents.length === 0 && c.person.legalName !== "尾崎 みなと",
    )!;
  }

  it("records a consent, replaces it with a newer form, withdraws it — never deleting one", async () => {
    const child = await childWithoutConsent();
    const orgId = (await server.db.prisma.childVolunteer.findUniqueOrThrow({ where: { id: child.id } })).orgId;
    expect(await childrenWithoutActivityConsent(server.db.prisma, orgId, [child.person.id])).toEqual([child.person.id]);

    const first = await recordConsent(ozaki, {
      childVolunteerId: child.id,
      kind: "GUARDIAN_ACTIVITY",
      ...consentForm(true, child.guardianName),
    });
    expect(first.__typename).toBe("MutationRecordConsentSuccess");
    expect(first.data).toMatchObject({ inForce: true, withdrawnAt: null, childVolunteer: { hasActivityConsent: true } });
    expect(await childrenWithoutActivityConsent(server.db.prisma, orgId, [child.person.id])).toEqual([]);

    const second = await recordConsent(ozaki, {
      childVolunteerId: child.id,
      kind: "GUARDIAN_ACTIVITY",
      ...consentForm(true, child.guardianName),
      policyVersion: "2026-04",
    });
    expect(second.data!.inForce).toBe(true);
    const consents = await server.db.prisma.consent.findMany({ where: { childVolunteerId: child.id }, orderBy: { recordedAt: "asc" } });
    expect(consents.map((c) => [c.policyVersion, c.withdrawnAt !== null])).toEqual([
      ["2025-04", true],
      ["2026-04", false],
    ]);

    const withdrawn = await withdrawConsent(ozaki, second.data!.id, today());
    expect(withdrawn.data).toMatchObject({ inForce: false, childVolunteer: { hasActivityConsent: false } });
    expect(withdrawn.data!.withdrawnAt).not.toBeNull();
    expect(await childrenWithoutActivityConsent(server.db.prisma, orgId, [child.person.id])).toEqual([child.person.id]);
    // on a given day: in force after the form was given and before it was withdrawn
    const on = (d: string) =>
      childrenWithoutActivityConsent(server.db.prisma, orgId, [child.person.id], { on: new Date(`${d}T00:00:00Z`) });
    expect(await on(daysAgo(3))).toEqual([]);
    expect(await on(daysAgo(8))).toEqual([child.person.id]);
    expect(await server.db.prisma.consent.count({ where: { childVolunteerId: child.id } })).toBe(2);

    const twice = await withdrawConsent(ozaki, second.data!.id);
    expect(twice).toMatchObject({ __typename: "ConflictError", messageEn: expect.stringContaining("already withdrawn") });

    const audits = await server.db.prisma.auditEvent.findMany({
      where: { entity: "Consent", entityId: { in: consents.map((c) => c.id) } },
      select: { action: true },
    });
    expect(audits.map((a) => a.action).sort()).toEqual(["create", "create", "update"]);
  });

  it("tells 未提出 (no form back) from 不同意 (declined), 同意 and 撤回 (withdrawn), kind by kind", async () => {
    // a child registered before any form came back
    const registered = await register(ozaki, {
      groupId: ozakiGroup,
      legalName: "尾崎 そうた",
      legalNameKana: "おざき そうた",
      grade: 3,
      guardianName: "尾崎 由美",
    });
    expect(registered.__typename).toBe("MutationRegisterChildVolunteerSuccess");
    const child = registered.data!;
    expect(child).toMatchObject({ activityConsentState: "NOT_SUBMITTED", photoConsentState: "NOT_SUBMITTED", consents: [] });
    const state = async () => {
      const list = await listChildren(ozaki, ozakiGroup, "ACTIVE");
      const row = list.data!.childVolunteers!.find((c) => c.id === child.id)!;
      return [row.activityConsentState, row.photoConsentState, row.hasActivityConsent];
    };
    const declined = await recordConsent(ozaki, {
      childVolunteerId: child.id,
      kind: "GUARDIAN_ACTIVITY",
      ...consentForm(false, child.guardianName),
    });
    expect(declined.__typename).toBe("MutationRecordConsentSuccess");
    expect(await state()).toEqual(["DECLINED", "NOT_SUBMITTED", false]);
    const granted = await recordConsent(ozaki, {
      childVolunteerId: child.id,
      kind: "GUARDIAN_ACTIVITY",
      ...consentForm(true, child.guardianName),
    });
    expect(await state()).toEqual(["GRANTED", "NOT_SUBMITTED", true]);
    await recordConsent(ozaki, { childVolunteerId: child.id, kind: "PHOTO_PUBLICATION", ...consentForm(false, child.guardianName) });
    expect(await state()).toEqual(["GRANTED", "DECLINED", true]);
    await withdrawConsent(ozaki, granted.data!.id);
    expect(await state()).toEqual(["WITHDRAWN", "DECLINED", false]);
    // the history keeps all three records, oldest first
    const list = await listChildren(ozaki, ozakiGroup, "ACTIVE");
    const history = list.data!.childVolunteers!.find((c) => c.id === child.id)!.consents;
    expect(history.map((c) => [c.kind, c.granted, c.withdrawnAt !== null, c.recordedByName !== null])).toEqual([
      ["GUARDIAN_ACTIVITY", false, true, true],
      ["GUARDIAN_ACTIVITY", true, true, true],
      ["PHOTO_PUBLICATION", false, false, true],
    ]);
  });

  it("a photo consent, validation, and refusal for another school's coordinator", async () => {
    const child = (await listChildren(ozaki, ozakiGroup, "ACTIVE")).data!.childVolunteers!.find(
      (c) => c.hasActivityConsent && !c.photoConsent,
    )!;
    const photo = await recordConsent(ozaki, {
      childVolunteerId: child.id,
      kind: "PHOTO_PUBLICATION",
      ...consentForm(true, child.guardianName),
    });
    expect(photo.data!.childVolunteer).toMatchObject({ hasActivityConsent: true, photoConsent: true });

    const before = await count.consents();
    const invalid = await recordConsent(ozaki, {
      childVolunteerId: child.id,
      kind: "PHOTO_PUBLICATION",
      ...consentForm(true, ""),
      scope: " ",
    });
    expect(invalid.__typename).toBe("InvalidInputError");
    expect(invalid.issues!.map((i) => i.path).sort()).toEqual(["input.givenBy", "input.scope"]);
    expect(invalid.issues!.find((i) => i.path === "input.scope")).toMatchObject({
      message: "同意の範囲を入力してください。",
      messageEn: "Enter the scope of the consent.",
    });
    const early = await withdrawConsent(ozaki, photo.data!.id, daysAgo(8));
    expect(early).toMatchObject({
      __typename: "InvalidInputError",
      issues: [{ path: "on", messageEn: "The withdrawal date is before the consent was given." }],
    });

    const other = await tottori.graphql(`mutation($input: RecordConsentInput!) { r: recordConsent(input: $input) { ${RESULT} } }`, {
      input: { childVolunteerId: child.id, kind: "PHOTO_PUBLICATION", ...consentForm(false) },
    });
    refusedAsForbidden(other);
    const withdrawOther = await tottori.graphql(`mutation($id: ID!) { r: withdrawConsent(consentId: $id) { ${RESULT} } }`, {
      id: photo.data!.id,
    });
    refusedAsForbidden(withdrawOther);
    expect(await count.consents()).toBe(before);
  });
});

describe("the April school-year rollover", () => {
  const ROLLOVER = `fiscalYear alumniSince membershipsEndOn appliedAt promotedCount graduatingCount
    entries { gradeBefore gradeAfter becomesAlumni outcome childVolunteer { id grade status alumniSince person { legalNameKana } } }`;
  interface Rollover {
    fiscalYear: number;
    alumniSince: string;
    membershipsEndOn: string;
    appliedAt: string | null;
    promotedCount: number;
    graduatingCount: number;
    entries: Array<{
      gradeBefore: number;
      gradeAfter: number | null;
      becomesAlumni: boolean;
      outcome: string;
      childVolunteer: { id: string; grade: number; status: string; alumniSince: string | null };
    }>;
  }
  const nextYear = () => fiscalYearOf(todayInJapan()) + 1;

  async function previewRollover(client: TestClient, groupId: string, fiscalYear: number) {
    return client.graphql<{ previewSchoolYearRollover: Rollover | null }>(
      `query($groupId: ID!, $fy: Int!) { previewSchoolYearRollover(groupId: $groupId, fiscalYear: $fy) { ${ROLLOVER} } }`,
      { groupId, fy: fiscalYear },
    );
  }
  async function applyRollover(client: TestClient, groupId: string, fiscalYear: number) {
    const res = await client.graphql<{ r: Result<Rollover> }>(
      `mutation($groupId: ID!, $fy: Int!) { r: applySchoolYearRollover(groupId: $groupId, fiscalYear: $fy) { ${RESULT} ... on MutationApplySchoolYearRolloverSuccess { data { ${ROLLOVER} } } } }`,
      { groupId, fy: fiscalYear },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.r;
  }

  it("previews grade before → after and who becomes alumni, applies it at once, and refuses a second run", async () => {
    const fy = nextYear();
    const p = await previewRollover(tottori, tottoriGroup, fy);
    expect(p.errors).toBeUndefined();
    const plan = p.data!.previewSchoolYearRollover!;
    expect(plan).toMatchObject({
      fiscalYear: fy,
      alumniSince: `${fy}-04-01`,
      membershipsEndOn: `${fy}-03-31`,
      appliedAt: null,
      promotedCount: 12,
      graduatingCount: 6,
    });
    for (const e of plan.entries) {
      expect(e.childVolunteer.grade).toBe(e.gradeBefore);
      if (e.gradeBefore === 3) expect(e).toMatchObject({ outcome: "GRADUATES", gradeAfter: null, becomesAlumni: true });
      else expect(e).toMatchObject({ outcome: "PROMOTED", gradeAfter: e.gradeBefore + 1, becomesAlumni: false });
    }
    // preview wrote nothing
    const untouched = await server.db.prisma.childVolunteer.findMany({
      where: { id: { in: plan.entries.map((e) => e.childVolunteer.id) } },
    });
    expect(untouched.every((c) => c.status === "ACTIVE")).toBe(true);

    const applied = await applyRollover(tottori, tottoriGroup, fy);
    expect(applied.__typename).toBe("MutationApplySchoolYearRolloverSuccess");
    expect(applied.data!.appliedAt).not.toBeNull();
    const after = new Map(applied.data!.entries.map((e) => [e.childVolunteer.id, e.childVolunteer]));
    for (const e of plan.entries) {
      const now = after.get(e.childVolunteer.id)!;
      if (e.becomesAlumni) expect(now).toMatchObject({ status: "ALUMNI", alumniSince: `${fy}-04-01`, grade: 3 });
      else expect(now).toMatchObject({ status: "ACTIVE", alumniSince: null, grade: e.gradeBefore + 1 });
    }
    const leavers = plan.entries.filter((e) => e.becomesAlumni).map((e) => e.childVolunteer.id);
    const memberships = await server.db.prisma.membership.findMany({
      where: { groupId: tottoriGroup, person: { childVolunteer: { id: { in: leavers } } } },
      select: { endedOn: true, endReason: true },
    });
    expect(memberships).toHaveLength(6);
    expect(memberships.every((m) => m.endedOn?.toISOString().slice(0, 10) === `${fy}-03-31`)).toBe(true);
    // alumni are kept
    expect(await server.db.prisma.childVolunteer.count({ where: { id: { in: leavers } } })).toBe(6);

    const again = await applyRollover(tottori, tottoriGroup, fy);
    expect(again).toMatchObject({
      __typename: "ConflictError",
      code: "CONFLICT",
      message: expect.stringContaining("実行済み"),
      messageEn: expect.stringContaining("already applied"),
    });
    const grades = await server.db.prisma.childVolunteer.findMany({
      where: { id: { in: plan.entries.map((e) => e.childVolunteer.id) } },
      select: { id: true, grade: true },
    });
    expect(grades.every((g) => g.grade === after.get(g.id)!.grade)).toBe(true);
    const previewAgain = await previewRollover(staff, tottoriGroup, fy);
    expect(previewAgain.data!.previewSchoolYearRollover!.appliedAt).toBe(applied.data!.appliedAt);
  });

  it("leaves children registered in the new school year as they are", async () => {
    const plan = (await previewRollover(ozaki, ozakiGroup, nextYear() - 1)).data!.previewSchoolYearRollover!;
    const registeredToday = plan.entries.find((e) => e.childVolunteer.id === haruto)!;
    expect(registeredToday).toMatchObject({ outcome: "UNCHANGED", gradeBefore: 5, gradeAfter: 5, becomesAlumni: false });
    expect(plan.entries.some((e) => e.outcome === "PROMOTED")).toBe(true);
  });

  it("refuses years other than this one and the next, and other schools' coordinators", async () => {
    const fy = nextYear();
    const far = await applyRollover(ozaki, ozakiGroup, fy + 3);
    expect(far).toMatchObject({ __typename: "InvalidInputError", issues: [{ path: "fiscalYear" }] });
    forbidden(await previewRollover(ozaki, tottoriGroup, fy));
    const other = await ozaki.graphql(
      `mutation($groupId: ID!, $fy: Int!) { r: applySchoolYearRollover(groupId: $groupId, fiscalYear: $fy) { ${RESULT} } }`,
      { groupId: tottoriGroup, fy: fy - 1 },
    );
    refusedAsForbidden(other);
    forbidden(await previewRollover(salonLeader, ozakiGroup, fy));
  });
});
