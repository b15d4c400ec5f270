// Rosters (名簿) over HTTP, as the demo accounts: reading with search, filters and 五十音 order; who
// may read which roster and which fields; changes with history kept; the CSV export.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestClient, type TestServer } from "../testing.ts";
import { normaliseKana, toHiragana } from "./kana.ts";
import { pageIds } from "./query.ts";

const FY = 2026; // 年度 of the demo's "today" (2026-11-26)

let server: TestServer;
let staff: TestClient;
let salonLeader: TestClient;

const SAKURA = "ふれあい喫茶 さくら";
const ASAHI = "いきいきサロン朝日";
const OZAKI_SCHOOL = "尾崎小学校 子ども福祉委員";
const TOTTORI_HIGASHI_SCHOOL = "鳥取東中学校 子ども福祉委員";
const NETWORK = "ひきこもり・地域の居場所づくり支援 草の根ネットワーク";
const EVENT_BUKAI = "イベント部会";
const JUVENILE_COHORT = "泉南学寮 グリーンサポーター（令和7年度）";

const as = (account: string) => server.as(account);
const groupId = (name: string) => server.groupId(name);

interface RosterNode {
  id: string;
  person: {
    id: string;
    name: string | null;
    legalName?: string | null;
    legalNameKana?: string | null;
    usesNickname: boolean;
    networkStatus?: string | null;
  };
  groupRole: { code: string; name: string };
  startedOn: string;
  endedOn: string | null;
  endReason: string | null;
  isCurrent: boolean;
  insuredThisYear: boolean;
  hoursThisYear: number;
}
interface RosterConnection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null; startCursor: string | null };
  edges: Array<{ cursor: string; node: RosterNode }>;
}
type RosterResult = { group: { roster: RosterConnection | null } | null };

const ROSTER = `
  query Roster($id: ID!, $first: Int, $after: String, $search: String, $includeEnded: Boolean, $roleCode: String, $insured: Boolean, $fiscalYear: Int) {
    group(id: $id) {
      roster(first: $first, after: $after, search: $search, includeEnded: $includeEnded, roleCode: $roleCode, insured: $insured, fiscalYear: $fiscalYear) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
        edges { cursor node {
          id startedOn endedOn endReason isCurrent insuredThisYear hoursThisYear
          person { id name legalNameKana usesNickname }
          groupRole { code name }
        } }
      }
    }
  }`;

async function roster(client: TestClient, name: string, vars: Record<string, unknown> = {}) {
  return client.graphql<RosterResult>(ROSTER, { id: groupId(name), first: 100, fiscalYear: FY, ...vars });
}

const forbiddenAt = (errors: Array<{ path?: Array<string | number>; extensions?: Record<string, unknown> }> | undefined, last: string) =>
  (errors ?? []).filter((e) => e.extensions?.code === "FORBIDDEN" && e.path?.[e.path.length - 1] === last);

const japanese = new Intl.Collator("ja");

beforeAll(async () => {
  server = await startTestServer({ viewerCacheTtlMs: 10 * 60_000 });
  staff = await as("staff");
  salonLeader = await as("salon-leader");
});
afterAll(() => server?.close());

describe("kana and pages (no database)", () => {
  it("folds katakana (full- and half-width) to hiragana and refuses what is not kana", () => {
    expect(normaliseKana("シケン　ハナコ")).toBe("しけん はなこ");
    expect(normaliseKana("ｼｹﾝ ﾊﾅｺ")).toBe("しけん はなこ");
    expect(normaliseKana("ジョン・スミス")).toBe("じょん すみす");
    expect(normaliseKana("ヴァイオリン ケ")).toBe("ゔぁいおりん け");
    expect(normaliseKana("Hanako")).toBeNull();
    expect(normaliseKana("山田")).toBeNull();
    expect(normaliseKana("ヷ")).toBeNull(); // no hiragana twin
    expect(normaliseKana("  ")).toBeNull();
    expect(toHiragana("ﾐﾝﾄ")).toBe("みんと");
  });

  it("pages like Prisma's cursors: forward, backward, and a vanished cursor gives nothing", () => {
    const ids = ["a", "b", "c", "d", "e"];
    expect(pageIds(ids, { take: 3 })).toEqual(["a", "b", "c"]);
    expect(pageIds(ids, { take: 3, skip: 1, cursor: { id: "b" } })).toEqual(["c", "d", "e"]);
    expect(pageIds(ids, { take: -3 })).toEqual(["c", "d", "e"]);
    expect(pageIds(ids, { take: -3, skip: 1, cursor: { id: "d" } })).toEqual(["a", "b", "c"]);
    expect(pageIds(ids, { take: -3, skip: 1, cursor: { id: "b" } })).toEqual(["a"]);
    expect(pageIds(ids, { take: 3, skip: 1, cursor: { id: "gone" } })).toEqual([]);
  });
});

describe("reading a roster", () => {
  it("staff read the salon's current members in 五十音 order, with this year's insurance and hours from the database", async () => {
    const res = await roster(staff, SAKURA);
    expect(res.errors).toBeUndefined();
    const r = res.data!.group!.roster!;
    expect(r.totalCount).toBe(r.edges.length);
    expect(r.edges.length).toBeGreaterThanOrEqual(4);
    const kana = r.edges.map((e) => e.node.person.legalNameKana!);
    expect(kana).toEqual([...kana].sort(japanese.compare));
    expect(r.edges.every((e) => e.node.isCurrent && e.node.endedOn === null)).toBe(true);

    // insurance and hours, checked against the database directly
    const db = server.db.prisma;
    const personIds = r.edges.map((e) => e.node.person.id);
    const insured = new Set(
      (await db.insuranceEnrolment.findMany({ where: { fiscalYear: FY, personId: { in: personIds } } })).map((x) => x.personId),
    );
    const minutes = await db.activityLogParticipant.groupBy({
      by: ["personId"],
      where: { personId: { in: personIds }, activityLog: { status: "APPROVED", fiscalYear: FY } },
      _sum: { minutes: true },
    });
    for (const { node } of r.edges) {
      expect(node.insuredThisYear).toBe(insured.has(node.person.id));
      const m = minutes.find((x) => x.personId === node.person.id)?._sum.minutes ?? 0;
      expect(node.hoursThisYear).toBeCloseTo(m / 60, 2);
    }
    // the demo pins one uninsured member in this salon, and everyone has logged hours this year
    expect(r.edges.some((e) => !e.node.insuredThisYear)).toBe(true);
    expect(r.edges.every((e) => e.node.hoursThisYear > 0)).toBe(true);
  });

  it("kana search accepts hiragana, katakana and half-width katakana; legal names and words combine", async () => {
    const all = (await roster(staff, SAKURA)).data!.group!.roster!.edges.map((e) => e.node);
    const target = all[all.length - 1]!;
    const family = target.person.legalNameKana!.split(" ")[0]!;
    const katakana = [...family].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0x60)).join("");
    for (const search of [family, katakana]) {
      const found = (await roster(staff, SAKURA, { search })).data!.group!.roster!.edges.map((e) => e.node);
      expect(found.map((n) => n.id)).toContain(target.id);
      expect(found.every((n) => n.person.legalNameKana!.includes(family))).toBe(true);
    }
    // half-width katakana (ﾀﾑﾗ …) is folded too
    const halfMap: Record<string, string> = {
      あ: "ｱ",
      い: "ｲ",
      う: "ｳ",
      お: "ｵ",
      か: "ｶ",
      き: "ｷ",
      く: "ｸ",
      さ: "ｻ",
      た: "ﾀ",
      な: "ﾅ",
      に: "ﾆ",
      は: "ﾊ",
      ひ: "ﾋ",
      ま: "ﾏ",
      み: "ﾐ",
      や: "ﾔ",
      わ: "ﾜ",
    };
    const withHalf = all.find((n) => halfMap[n.person.legalNameKana![0]!] !== undefined)!;
    const half = halfMap[withHalf.person.legalNameKana![0]!]!;
    const byHalf = (await roster(staff, SAKURA, { search: half })).data!.group!.roster!.edges.map((e) => e.node.id);
    expect(byHalf).toContain(withHalf.id);

    // a legal name in kanji, and two words (family and given kana) that must both match
    const kanjiRows = await staff.graphql<{ group: { roster: { edges: Array<{ node: { id: string; person: { legalName: string } } }> } } }>(
      `query($id: ID!) { group(id: $id) { roster(first: 100) { edges { node { id person { legalName } } } } } }`,
      { id: groupId(SAKURA) },
    );
    const kanji = kanjiRows.data!.group.roster.edges.find((e) => e.node.id === target.id)!.node.person.legalName.split(" ")[0]!;
    expect((await roster(staff, SAKURA, { search: kanji })).data!.group!.roster!.edges.map((e) => e.node.id)).toContain(target.id);
    const [fam, given] = target.person.legalNameKana!.split(" ") as [string, string];
    const both = (await roster(staff, SAKURA, { search: `${given.slice(0, 2)}\u3000${fam}` })).data!.group!.roster!.edges;
    expect(both.map((e) => e.node.id)).toEqual([target.id]);
    expect((await roster(staff, SAKURA, { search: "該当なしの名前" })).data!.group!.roster!.totalCount).toBe(0);
  });

  it("filters by role and by insurance, and pages with cursors in the same order", async () => {
    const all = (await roster(staff, SAKURA)).data!.group!.roster!.edges.map((e) => e.node);
    const reps = (await roster(staff, SAKURA, { roleCode: "representative" })).data!.group!.roster!.edges.map((e) => e.node);
    expect(reps).toHaveLength(1);
    expect(reps[0]!.groupRole).toMatchObject({ code: "representative", name: "代表" });

    const insured = (await roster(staff, SAKURA, { insured: true })).data!.group!.roster!;
    const uninsured = (await roster(staff, SAKURA, { insured: false })).data!.group!.roster!;
    expect(insured.edges.every((e) => e.node.insuredThisYear)).toBe(true);
    expect(uninsured.edges.every((e) => !e.node.insuredThisYear)).toBe(true);
    expect(uninsured.totalCount).toBeGreaterThan(0);
    expect(insured.totalCount + uninsured.totalCount).toBe(all.length);

    const first = (await roster(staff, SAKURA, { first: 3 })).data!.group!.roster!;
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = (await roster(staff, SAKURA, { first: 3, after: first.pageInfo.endCursor })).data!.group!.roster!;
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(all.slice(0, 6).map((n) => n.id));
    expect(second.pageInfo.hasPreviousPage).toBe(true);
  });

  it("includeEnded gives the role history (the 部会長 who stepped back in 2025 is there twice)", async () => {
    const current = (await roster(staff, EVENT_BUKAI)).data!.group!.roster!.edges.map((e) => e.node);
    const withHistory = (await roster(staff, EVENT_BUKAI, { includeEnded: true })).data!.group!.roster!.edges.map((e) => e.node);
    const ended = withHistory.filter((n) => n.endedOn !== null);
    expect(ended.length).toBeGreaterThan(0);
    expect(withHistory.length).toBe(current.length + ended.length);
    const stepped = ended.find((n) => n.groupRole.code === "chair")!;
    expect(stepped).toMatchObject({ endedOn: "2025-03-31", isCurrent: false });
    expect(
      withHistory
        .filter((n) => n.person.id === stepped.person.id)
        .map((n) => n.groupRole.code)
        .sort(),
    ).toEqual(["chair", "member"]);
  });

  it("a page costs the same few SQL statements for 2 rows as for 25 (no query per row)", async () => {
    const count = async (first: number) =>
      server.statements.count(() =>
        staff.graphql<RosterResult>(
          `query($id: ID!, $first: Int) { group(id: $id) { roster(first: $first, includeEnded: true) { totalCount edges { node {
            id insuredThisYear hoursThisYear isCurrent groupRole { name } person { name legalName networkStatus } } } } } }`,
          { id: groupId(NETWORK), first },
        ),
      );
    const small = await count(2);
    const large = await count(50);
    expect(small.result.data!.group!.roster!.edges).toHaveLength(2);
    expect(large.result.data!.group!.roster!.edges.length).toBeGreaterThanOrEqual(25);
    expect(large.statements.length).toBe(small.statements.length);
    expect(large.statements.length).toBeLessThanOrEqual(20);
  });
});

describe("who may read which roster", () => {
  it("the salon leader reads their own salon, but not another salon nor a school group", async () => {
    const own = await roster(salonLeader, SAKURA);
    expect(own.errors).toBeUndefined();
    expect(own.data!.group!.roster!.edges.length).toBeGreaterThan(0);
    expect(own.data!.group!.roster!.edges.every((e) => e.node.person.name)).toBe(true);
    for (const other of [ASAHI, OZAKI_SCHOOL]) {
      const res = await roster(salonLeader, other);
      expect(res.data!.group!.roster).toBeNull();
      expect(forbiddenAt(res.errors, "roster")).toHaveLength(1);
      expect(forbiddenAt(res.errors, "roster")[0]!.extensions!.messageEn).toBeTruthy();
    }
  });

  it("the Ozaki coordinator reads their school's children, but is refused 鳥取東中学校's group", async () => {
    const coordinator = await as("coordinator.ozaki");
    const own = await roster(coordinator, OZAKI_SCHOOL);
    expect(own.errors).toBeUndefined();
    const children = own.data!.group!.roster!.edges.map((e) => e.node);
    expect(children.length).toBeGreaterThan(10);
    expect(children.every((c) => c.groupRole.code === "child-volunteer" && c.person.name)).toBe(true);
    const refused = await roster(coordinator, TOTTORI_HIGASHI_SCHOOL);
    expect(refused.data!.group!.roster).toBeNull();
    expect(forbiddenAt(refused.errors, "roster")).toHaveLength(1);
  });

  it("a subcommittee member sees neither the network-wide roster nor nickname members' legal names or status; staff see both", async () => {
    const member = await as("event-bukai");
    const network = await roster(member, NETWORK);
    expect(network.data!.group!.roster).toBeNull();
    expect(forbiddenAt(network.errors, "roster")).toHaveLength(1);

    const q = `query($id: ID!) { group(id: $id) { roster(first: 100) { edges { node { id person { id name usesNickname legalName networkStatus } } } } } }`;
    type R = {
      group: {
        roster: {
          edges: Array<{
            node: {
              id: string;
              person: { id: string; name: string; usesNickname: boolean; legalName: string | null; networkStatus: string | null };
            };
          }>;
        } | null;
      };
    };
    const asStaff = await staff.graphql<R>(q, { id: groupId(NETWORK) });
    expect(asStaff.errors).toBeUndefined();
    const nicknamed = asStaff.data!.group.roster!.edges.map((e) => e.node.person).filter((p) => p.usesNickname);
    expect(nicknamed.length).toBeGreaterThan(0);
    expect(nicknamed.every((p) => p.legalName && p.networkStatus)).toBe(true);

    // the subcommittee's own roster: nicknames yes, legal names and 当事者/family status no
    const withoutLegal = await member.graphql<R>(
      `query($id: ID!) { group(id: $id) { roster(first: 100) { edges { node { id person { id name usesNickname networkStatus } } } } } }`,
      { id: groupId(EVENT_BUKAI) },
    );
    const people = withoutLegal.data!.group.roster!.edges.map((e) => e.node.person);
    expect(people.some((p) => p.usesNickname)).toBe(true);
    expect(people.every((p) => p.networkStatus === null)).toBe(true);
    expect(forbiddenAt(withoutLegal.errors, "networkStatus")).toHaveLength(people.length);
    const asked = await member.graphql<R>(q, { id: groupId(EVENT_BUKAI) });
    expect(forbiddenAt(asked.errors, "legalName").length).toBeGreaterThan(0);
    const body = JSON.stringify(asked.data);
    for (const p of nicknamed) expect(body).not.toContain(p.legalName!);

    // searching by a hidden legal name finds nobody (it would reveal who is behind the nickname)
    const hidden = nicknamed.find((p) => people.some((x) => x.id === p.id))!;
    const byLegal = await roster(member, EVENT_BUKAI, { search: hidden.legalName!.split(" ")[0] });
    expect(byLegal.data!.group!.roster!.edges.map((e) => e.node.person.id)).not.toContain(hidden.id);
    const asStaffByLegal = await roster(staff, EVENT_BUKAI, { search: hidden.legalName!.split(" ")[0] });
    expect(asStaffByLegal.data!.group!.roster!.edges.map((e) => e.node.person.id)).toContain(hidden.id);
  });

  it("a non-staff read of a salon roster leaves an audit entry; a staff read does not", async () => {
    const me = async (c: TestClient) => (await c.graphql<{ me: { id: string } }>("{ me { id } }")).data!.me.id;
    const leaderId = await me(salonLeader);
    const staffId = await me(staff);
    const reads = (actorId: string) => server.db.prisma.auditEvent.count({ where: { actorId, action: "read", entity: "Membership" } });
    const [leaderBefore, staffBefore] = [await reads(leaderId), await reads(staffId)];
    const res = await roster(salonLeader, SAKURA, { first: 2 });
    await roster(staff, SAKURA);
    expect(await reads(leaderId)).toBe(leaderBefore + 1);
    expect(await reads(staffId)).toBe(staffBefore);
    const entry = await server.db.prisma.auditEvent.findFirstOrThrow({
      where: { actorId: leaderId, action: "read", entity: "Membership" },
      orderBy: { id: "desc" },
    });
    expect((entry.details as { ids: string[] }).ids).toEqual(res.data!.group!.roster!.edges.map((e) => e.node.id));
  });
});

// ───────────────────────── changes ─────────────────────────

const ERR = `__typename ... on Error { message messageEn code } ... on InvalidInputError { issues { path message messageEn } }`;
type Failure = {
  __typename: string;
  message: string;
  messageEn: string;
  code: string;
  issues?: Array<{ path: string; message: string; messageEn: string }>;
};
type MembershipData = {
  id: string;
  startedOn: string;
  endedOn: string | null;
  endReason: string | null;
  groupRole: { code: string };
  group: { id: string };
};
const MEMBERSHIP = `id startedOn endedOn endReason groupRole { code } group { id }`;

const CREATE_PERSON = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { ${ERR} ... on MutationCreatePersonSuccess { data { id name legalNameKana } } } }`;
const ADD = `mutation($input: AddMembershipInput!) { addMembership(input: $input) { ${ERR} ... on MutationAddMembershipSuccess { data { ${MEMBERSHIP} } } } }`;
const END = `mutation($input: EndMembershipInput!) { endMembership(input: $input) { ${ERR} ... on MutationEndMembershipSuccess { data { ${MEMBERSHIP} } } } }`;
const TRANSFER = `mutation($input: TransferMembershipInput!) { transferMembership(input: $input) { ${ERR} ... on MutationTransferMembershipSuccess { data { ended { ${MEMBERSHIP} } started { ${MEMBERSHIP} } } } } }`;
const CHANGE = `mutation($input: ChangeMembershipRoleInput!) { changeMembershipRole(input: $input) { ${ERR} ... on MutationChangeMembershipRoleSuccess { data { ended { ${MEMBERSHIP} } started { ${MEMBERSHIP} } } } } }`;

type Result<T> = Failure & { data?: T };
async function mutate<T>(client: TestClient, query: string, input: Record<string, unknown>): Promise<Result<T>> {
  const res = await client.graphql<Record<string, Result<T>>>(query, { input });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0]!;
}

describe("changing a roster", () => {
  let personId: string;

  it("staff register a new volunteer (katakana ふりがな stored as hiragana); others may not", async () => {
    const input = { legalName: "試験 花子", legalNameKana: "シケン　ハナコ", phone: "072-471-0000", email: "hanako@example.jp" };
    const created = await mutate<{ id: string; name: string; legalNameKana: string }>(staff, CREATE_PERSON, input);
    expect(created.__typename).toBe("MutationCreatePersonSuccess");
    expect(created.data).toMatchObject({ name: "試験 花子", legalNameKana: "しけん はなこ" });
    personId = created.data!.id;
    const row = await server.db.prisma.person.findUniqueOrThrow({ where: { id: personId } });
    expect(row).toMatchObject({ legalNameKana: "しけん はなこ", displayName: null, phone: "072-471-0000" });
    expect(await server.db.prisma.auditEvent.count({ where: { entity: "Person", entityId: personId, action: "create" } })).toBe(1);

    const byLeader = await salonLeader.graphql<{ createPerson: unknown }>(CREATE_PERSON, { input });
    const refused = (byLeader.data?.createPerson ?? null) as Failure | null;
    expect(refused?.code ?? byLeader.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses bad input in Japanese and English and writes nothing", async () => {
    const people = await server.db.prisma.person.count();
    const bad = await mutate(staff, CREATE_PERSON, { legalName: " ", legalNameKana: "Hanako", email: "not-an-address" });
    expect(bad.__typename).toBe("InvalidInputError");
    expect(bad.message).toMatch(/入力内容に誤りがあります/);
    expect(bad.messageEn).toMatch(/Nothing was saved/);
    const byPath = new Map(bad.issues!.map((i) => [i.path, i]));
    expect(byPath.get("input.legalNameKana")).toMatchObject({
      message: "ふりがなは、ひらがなかカタカナで入力してください。",
      messageEn: "Write the kana reading in hiragana or katakana.",
    });
    expect(byPath.get("input.legalName")?.messageEn).toBe("Enter the legal name.");
    expect(byPath.get("input.email")?.message).toBe("メールアドレスの形式が正しくありません。");
    expect(await server.db.prisma.person.count()).toBe(people);

    const memberships = await server.db.prisma.membership.count();
    const early = await mutate(staff, ADD, { groupId: groupId(SAKURA), personId, roleCode: "member", startedOn: "1920-04-01" });
    expect(early.issues).toEqual([
      { path: "input.startedOn", message: "開始日が古すぎます（1950年以降）。", messageEn: "The start date must be in 1950 or later." },
    ]);
    const noRole = await mutate(staff, ADD, { groupId: groupId(SAKURA), personId, roleCode: "captain", startedOn: "2026-10-01" });
    expect(noRole.issues).toEqual([
      { path: "input.roleCode", message: "役割「captain」は登録されていません。", messageEn: 'There is no group role "captain".' },
    ]);
    expect(await server.db.prisma.membership.count()).toBe(memberships);
  });

  it("a leader may not place someone they cannot see; staff place them; a second open membership is a conflict", async () => {
    const refused = await mutate(salonLeader, ADD, { groupId: groupId(SAKURA), personId, roleCode: "member", startedOn: "2026-10-01" });
    expect(refused).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    expect(refused.messageEn).toMatch(/ask the volunteer centre staff/);

    const added = await mutate<MembershipData>(staff, ADD, {
      groupId: groupId(SAKURA),
      personId,
      roleCode: "member",
      startedOn: "2026-10-01",
    });
    expect(added.data).toMatchObject({ startedOn: "2026-10-01", endedOn: null, groupRole: { code: "member" } });
    expect(await server.db.prisma.auditEvent.count({ where: { entity: "Membership", entityId: added.data!.id, action: "create" } })).toBe(
      1,
    );

    const before = await server.db.prisma.membership.count();
    const again = await mutate(salonLeader, ADD, { groupId: groupId(SAKURA), personId, roleCode: "member", startedOn: "2026-11-01" });
    expect(again).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    expect(again.message).toMatch(/すでに「ふれあい喫茶 さくら」に「メンバー」として所属しています/);
    expect(again.messageEn).toBe("This person already has an open membership of this group in the same role.");
    expect(await server.db.prisma.membership.count()).toBe(before);

    // the leader may not add anyone to another salon
    const elsewhere = await mutate(salonLeader, ADD, { groupId: groupId(ASAHI), personId, roleCode: "member", startedOn: "2026-11-01" });
    expect(elsewhere.code).toBe("FORBIDDEN");
  });

  it("the salon leader changes a role: the old row ends the day before, the new one starts, history kept", async () => {
    const current = (await roster(salonLeader, SAKURA, { search: "しけん" })).data!.group!.roster!.edges.map((e) => e.node);
    expect(current).toHaveLength(1);
    const tooEarly = await mutate(salonLeader, CHANGE, { membershipId: current[0]!.id, roleCode: "treasurer", on: "2026-10-01" });
    expect(tooEarly.issues?.[0]).toMatchObject({
      path: "input.on",
      messageEn: "The change date must be after the current membership's start (2026-10-01).",
    });

    const changed = await mutate<{ ended: MembershipData; started: MembershipData }>(salonLeader, CHANGE, {
      membershipId: current[0]!.id,
      roleCode: "treasurer",
      on: "2026-11-01",
    });
    expect(changed.data!.ended).toMatchObject({ id: current[0]!.id, endedOn: "2026-10-31", endReason: "役割変更（メンバー → 会計）" });
    expect(changed.data!.started).toMatchObject({ startedOn: "2026-11-01", endedOn: null, groupRole: { code: "treasurer" } });

    const now = (await roster(salonLeader, SAKURA, { search: "しけん" })).data!.group!.roster!.edges.map((e) => e.node);
    expect(now.map((n) => n.groupRole.code)).toEqual(["treasurer"]);
    const history = (await roster(salonLeader, SAKURA, { search: "しけん", includeEnded: true })).data!.group!.roster!.edges.map(
      (e) => e.node,
    );
    expect(history.map((n) => [n.groupRole.code, n.startedOn, n.endedOn])).toEqual([
      ["member", "2026-10-01", "2026-10-31"],
      ["treasurer", "2026-11-01", null],
    ]);
    const ended = await mutate(salonLeader, END, { membershipId: current[0]!.id, endedOn: "2026-11-20", reason: "再終了" });
    expect(ended).toMatchObject({ __typename: "ConflictError", messageEn: "This membership has already ended (on 2026-10-31)." });
  });

  it("a transfer to a group the leader cannot reach is refused with nothing written; staff transfer atomically", async () => {
    const row = (await roster(staff, SAKURA, { search: "しけん" })).data!.group!.roster!.edges[0]!.node;
    const before = await server.db.prisma.membership.findMany({ where: { personId: row.person.id }, orderBy: { startedOn: "asc" } });
    const refused = await mutate(salonLeader, TRANSFER, { membershipId: row.id, toGroupId: groupId(ASAHI), on: "2026-11-15" });
    expect(refused.code).toBe("FORBIDDEN");
    expect(await server.db.prisma.membership.findMany({ where: { personId: row.person.id }, orderBy: { startedOn: "asc" } })).toEqual(
      before,
    );

    const moved = await mutate<{ ended: MembershipData; started: MembershipData }>(staff, TRANSFER, {
      membershipId: row.id,
      toGroupId: groupId(ASAHI),
      on: "2026-11-15",
    });
    expect(moved.data!.ended).toMatchObject({ id: row.id, endedOn: "2026-11-14", endReason: `異動（${ASAHI}へ）` });
    expect(moved.data!.started).toMatchObject({
      startedOn: "2026-11-15",
      endedOn: null,
      groupRole: { code: "treasurer" },
      group: { id: groupId(ASAHI) },
    });
    expect((await roster(staff, SAKURA, { search: "しけん" })).data!.group!.roster!.totalCount).toBe(0);
    expect((await roster(staff, ASAHI, { search: "シケン" })).data!.group!.roster!.totalCount).toBe(1);
    const trail = await server.db.prisma.auditEvent.findMany({
      where: { entity: "Membership", entityId: { in: [row.id, moved.data!.started.id] } },
      orderBy: { id: "asc" },
    });
    expect(trail.map((t) => [t.action, (t.details as { change?: string }).change])).toEqual(
      expect.arrayContaining([
        ["update", "transfer-out"],
        ["create", "transfer-in"],
      ]),
    );
  });

  it("ending a membership checks the dates, keeps the row and its reason", async () => {
    const row = (await roster(staff, ASAHI, { search: "しけん" })).data!.group!.roster!.edges[0]!.node;
    const before = await server.db.prisma.membership.findUniqueOrThrow({ where: { id: row.id } });
    const early = await mutate(staff, END, { membershipId: row.id, endedOn: "2026-11-01", reason: "転居のため" });
    expect(early.issues).toEqual([
      {
        path: "input.endedOn",
        message: "終了日は開始日（2026-11-15）以降の日付にしてください。",
        messageEn: "The end date must be on or after the start date (2026-11-15).",
      },
    ]);
    const noReason = await mutate(staff, END, { membershipId: row.id, endedOn: "2026-11-20", reason: "  " });
    expect(noReason.issues?.[0]).toMatchObject({ path: "input.reason", message: "終了の理由を入力してください。" });
    expect(await server.db.prisma.membership.findUniqueOrThrow({ where: { id: row.id } })).toEqual(before);

    const ended = await mutate<MembershipData>(staff, END, { membershipId: row.id, endedOn: "2026-11-20", reason: "転居のため" });
    expect(ended.data).toMatchObject({ endedOn: "2026-11-20", endReason: "転居のため" });
    expect((await roster(staff, ASAHI, { search: "しけん" })).data!.group!.roster!.totalCount).toBe(0);
    expect((await roster(staff, ASAHI, { search: "しけん", includeEnded: true })).data!.group!.roster!.totalCount).toBe(1);
  });
});

// ───────────────────────── CSV ─────────────────────────

const CSV = `query($id: ID!, $fy: Int) { rosterCsv(groupId: $id, fiscalYear: $fy) { filename mimeType text } }`;
type CsvResult = { rosterCsv: { filename: string; mimeType: string; text: string } | null };

function readCsv(text: string): string[][] {
  return parse(text.slice(1), { relax_column_count: false }) as string[][];
}

describe("roster CSV", () => {
  it("is UTF-8 with a BOM and CRLF, in 五十音 order, with no column the salon leader may not see; exports are audited", async () => {
    const res = await salonLeader.graphql<CsvResult>(CSV, { id: groupId(SAKURA), fy: FY });
    expect(res.errors).toBeUndefined();
    const file = res.data!.rosterCsv!;
    expect(file.mimeType).toBe("text/csv; charset=utf-8");
    expect(file.filename).toBe("名簿_ふれあい喫茶_さくら_令和8年度.csv");
    expect(file.text.charCodeAt(0)).toBe(0xfeff);
    expect(file.text.endsWith("\r\n")).toBe(true);
    expect(file.text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const [header, ...rows] = readCsv(file.text);
    expect(header).toEqual([
      "名前",
      "氏名",
      "ふりがな",
      "役割",
      "開始日",
      "終了日",
      "終了理由",
      "ボランティア活動保険（2026年度）",
      "活動時間（2026年度・時間）",
    ]);
    const onScreen = (await roster(salonLeader, SAKURA)).data!.group!.roster!.edges.map((e) => e.node);
    expect(rows.map((r) => r[2])).toEqual(onScreen.map((n) => n.person.legalNameKana));
    expect(rows.map((r) => r[7])).toEqual(onScreen.map((n) => (n.insuredThisYear ? "加入" : "未加入")));
    expect(rows.map((r) => Number(r[8]))).toEqual(onScreen.map((n) => n.hoursThisYear));

    const leaderId = (await salonLeader.graphql<{ me: { id: string } }>("{ me { id } }")).data!.me.id;
    const exported = await server.db.prisma.auditEvent.findFirst({
      where: { actorId: leaderId, action: "export", entityId: groupId(SAKURA) },
    });
    expect(exported?.details).toMatchObject({ export: "roster-csv", rows: rows.length, fiscalYear: FY });
  });

  it("staff get contacts and the network's 当事者・家族 column; a subcommittee member gets neither, nor hidden legal names", async () => {
    const asStaff = readCsv((await staff.graphql<CsvResult>(CSV, { id: groupId(EVENT_BUKAI), fy: FY })).data!.rosterCsv!.text);
    expect(asStaff[0]).toEqual(expect.arrayContaining(["電話番号", "メールアドレス", "当事者・家族の別"]));
    const statusColumn = asStaff[0]!.indexOf("当事者・家族の別");
    expect(asStaff.slice(1).some((r) => r[statusColumn] === "元当事者")).toBe(true);
    const legalColumn = asStaff[0]!.indexOf("氏名");
    const nameColumn = asStaff[0]!.indexOf("名前");
    const nicknamed = asStaff.slice(1).filter((r) => r[nameColumn] !== r[legalColumn]);
    expect(nicknamed.length).toBeGreaterThan(0);

    const member = await as("event-bukai");
    const text = (await member.graphql<CsvResult>(CSV, { id: groupId(EVENT_BUKAI), fy: FY })).data!.rosterCsv!.text;
    const [header, ...rows] = readCsv(text);
    expect(header).not.toContain("当事者・家族の別");
    expect(header).not.toContain("電話番号");
    expect(header).not.toContain("メールアドレス");
    for (const r of nicknamed) {
      expect(text).not.toContain(r[legalColumn]!);
      const mine = rows.find((x) => x[0] === r[nameColumn])!;
      expect(mine[1]).toBe("");
      expect(mine[2]).toBe("");
    }
    for (const word of ["元当事者", "家族", "支援者"]) expect(text).not.toContain(word);
    // and the network-wide roster is not theirs to export at all
    const network = await member.graphql<CsvResult>(CSV, { id: groupId(NETWORK), fy: FY });
    expect(network.data?.rosterCsv ?? null).toBeNull();
    expect(network.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("nothing of the juvenile programme is exported, not even to staff or the liaison (少年法61条)", async () => {
    const liaison = await as("liaison");
    for (const client of [staff, liaison]) {
      const res = await client.graphql<CsvResult>(CSV, { id: groupId(JUVENILE_COHORT) });
      expect(res.data?.rosterCsv ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const staffAttempt = await staff.graphql<CsvResult>(CSV, { id: groupId(JUVENILE_COHORT) });
    expect(staffAttempt.errors![0]!.message).toMatch(/少年法61条/);
    expect(staffAttempt.errors![0]!.extensions!.messageEn).toMatch(/Juvenile Act/);
    expect(await server.db.prisma.auditEvent.count({ where: { action: "export", entityId: groupId(JUVENILE_COHORT) } })).toBe(0);
  });
});
