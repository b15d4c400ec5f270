// Groups (団体) over HTTP: staff create, edit and close them; each validation rule answers in
// Japanese and English with nothing written; the roles offered are the kind's (Group.availableRoles)
// and the roster refuses any other; a single-holder role (代表) changes hands only in one step that
// ends the current holder, keeping the day each joined; a closed group keeps its history and takes
// no new member or event; only staff of the organisation may change groups; every change is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addOtherOrganisation, startTestServer, type TestClient, type TestServer } from "../testing.ts";

const NETWORK = "ひきこもり・地域の居場所づくり支援 草の根ネットワーク";
const SAKURA = "ふれあい喫茶 さくら";

let server: TestServer;
let staff: TestClient;
let salonLeader: TestClient;
let other: TestClient;
let areaId: string;
let otherAreaId: string;

const ERR = `__typename ... on Error { message messageEn code } ... on InvalidInputError { issues { path message messageEn } }`;
const GROUP = `id name nameKana nickname description venue meetingSchedule hostsHokkoriConsultation institution startedOn endedOn isClosed
  viewerCanEdit kind { code } area { id } parent { id } availableRoles { code singleHolder }`;
const MEMBERSHIP = `id startedOn joinedOn endedOn endReason groupRole { code } person { id }`;

interface GroupData {
  id: string;
  name: string;
  nameKana: string | null;
  venue: string | null;
  hostsHokkoriConsultation: boolean;
  institution: string | null;
  endedOn: string | null;
  isClosed: boolean;
  viewerCanEdit: boolean;
  kind: { code: string };
  area: { id: string } | null;
  availableRoles: Array<{ code: string; singleHolder: boolean }>;
}
interface MembershipData {
  id: string;
  startedOn: string;
  joinedOn: string;
  endedOn: string | null;
  endReason: string | null;
  groupRole: { code: string };
  person: { id: string };
}
type Result<T> = {
  __typename: string;
  message: string;
  messageEn: string;
  code: string;
  issues?: Array<{ path: string; message: string; messageEn: string }>;
  data?: T;
};

async function mutate<T>(client: TestClient, field: string, type: string, selection: string, input: Record<string, unknown>) {
  const res = await client.graphql<{ r: Result<T> }>(
    `mutation($input: ${type}!) { r: ${field}(input: $input) { ${ERR} ... on Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success { data { ${selection} } } } }`,
    { input },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.r;
}

const createGroup = (client: TestClient, kindCode: string, group: Record<string, unknown>) =>
  mutate<GroupData>(client, "createGroup", "CreateGroupInput", GROUP, { kindCode, ...group });
const updateGroup = (client: TestClient, id: string, group: Record<string, unknown>) =>
  mutate<GroupData>(client, "updateGroup", "UpdateGroupInput", GROUP, { id, ...group });
const closeGroup = (client: TestClient, input: Record<string, unknown>) =>
  mutate<GroupData>(client, "closeGroup", "CloseGroupInput", GROUP, input);
const addMembership = (input: Record<string, unknown>) =>
  mutate<MembershipData>(staff, "addMembership", "AddMembershipInput", MEMBERSHIP, input);
const changeRole = (input: Record<string, unknown>) =>
  mutate<{ ended: MembershipData; started: MembershipData }>(
    staff,
    "changeMembershipRole",
    "ChangeMembershipRoleInput",
    `ended { ${MEMBERSHIP} } started { ${MEMBERSHIP} }`,
    input,
  );

async function newPerson(legalName: string, kana: string): Promise<string> {
  const res = await mutate<{ id: string }>(staff, "createPerson", "CreatePersonInput", "id", { legalName, legalNameKana: kana });
  return res.data!.id;
}

const audits = (entityId: string) =>
  server.db.prisma.auditEvent.findMany({
    where: { entity: "Group", entityId },
    orderBy: { id: "asc" },
    select: { action: true, details: true },
  });

beforeAll(async () => {
  server = await startTestServer();
  [staff, salonLeader] = await Promise.all([server.signIn("staff"), server.signIn("salon-leader")]);
  const areas = await staff.graphql<{ organization: { areas: Array<{ id: string; name: string }> } }>(
    "{ organization { areas { id name } } }",
  );
  areaId = areas.data!.organization.areas.find((a) => a.name === "尾崎")!.id;

  // a second organisation (社協) with a staff account and an area of its own
  const second = await addOtherOrganisation(server, "groups");
  other = second.staff;
  otherAreaId = (await server.db.prisma.area.create({ data: { orgId: second.orgId, name: "よその地区", nameKana: "よそのちく" } })).id;
});
afterAll(() => server?.close());

describe("groups (団体): create, edit, close", () => {
  let salonId: string;

  it("staff create a salon: katakana kana stored in hiragana, the kind's roles offered, audited", async () => {
    const created = await createGroup(staff, "salon", {
      name: "ひだまりサロン",
      nameKana: "ヒダマリサロン",
      nickname: "ひだまり",
      venue: "尾崎住民センター",
      meetingSchedule: "毎月第1水曜 13:30〜15:00",
      hostsHokkoriConsultation: true,
      areaId,
      startedOn: "2025-04-01",
    });
    expect(created.__typename).toBe("MutationCreateGroupSuccess");
    expect(created.data).toMatchObject({
      name: "ひだまりサロン",
      nameKana: "ひだまりさろん",
      hostsHokkoriConsultation: true,
      isClosed: false,
      viewerCanEdit: true,
      kind: { code: "salon" },
      area: { id: areaId },
    });
    // a salon has a 代表 (one holder) and no 部会長
    expect(created.data!.availableRoles.map((r) => r.code)).toEqual([
      "representative",
      "vice",
      "treasurer",
      "secretary",
      "member",
      "supporter",
    ]);
    expect(created.data!.availableRoles.find((r) => r.code === "representative")!.singleHolder).toBe(true);
    salonId = created.data!.id;
    const trail = await audits(salonId);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: "create", details: { kind: "salon" } });
    expect((trail[0]!.details as { fields: string[] }).fields).toEqual(expect.arrayContaining(["name", "nameKana", "venue", "areaId"]));

    const open = await staff.graphql<{ groups: Array<{ id: string }> }>(`{ groups(closed: false) { id } }`);
    expect(open.data!.groups.map((g) => g.id)).toContain(salonId);
  });

  it("refuses bad input, every problem at once, in Japanese and English, writing nothing", async () => {
    const before = await server.db.prisma.group.count();
    const bad = await createGroup(staff, "salon", {
      name: " ",
      nameKana: "Hidamari",
      areaId: otherAreaId,
      institution: "泉南学寮",
      parentId: server.groupId(NETWORK),
    });
    expect(bad).toMatchObject({ __typename: "InvalidInputError", code: "INVALID_INPUT" });
    const byPath = new Map(bad.issues!.map((i) => [i.path, i]));
    expect(byPath.get("input.name")).toMatchObject({ message: "団体名を入力してください。", messageEn: "Enter the name." });
    expect(byPath.get("input.nameKana")).toMatchObject({
      message: "ふりがなは、ひらがなかカタカナで入力してください。",
      messageEn: "Write the kana reading in hiragana or katakana.",
    });

    const long = await createGroup(staff, "salon", { name: "あ".repeat(101) });
    expect(long.issues).toEqual([
      { path: "input.name", message: "団体名は100文字以内にしてください。", messageEn: "Keep the name to 100 characters." },
    ]);

    // the rules that read the database, together
    const rules = await createGroup(staff, "salon", {
      name: "よそのサロン",
      areaId: otherAreaId,
      institution: "泉南学寮",
      parentId: server.groupId(NETWORK),
    });
    expect(rules.issues).toEqual([
      { path: "input.areaId", message: "地区が見つかりません。", messageEn: "There is no such area." },
      { path: "input.parentId", message: "親の団体を指定できるのは部会だけです。", messageEn: "Only a subcommittee has a parent group." },
      {
        path: "input.institution",
        message: "施設名は少年院ボランティアの受入れ期にだけ記録します。",
        messageEn: "Only a juvenile cohort names an institution.",
      },
    ]);
    // a 部会's parent is the network, not a salon; ほっこり相談 is a salon's
    const bukai = await createGroup(staff, "subcommittee", {
      name: "学習部会",
      parentId: server.groupId(SAKURA),
      hostsHokkoriConsultation: true,
    });
    expect(bukai.issues).toEqual([
      {
        path: "input.parentId",
        message: "部会の親には、草の根ネットワークを選んでください。",
        messageEn: "A subcommittee's parent must be the network.",
      },
      {
        path: "input.hostsHokkoriConsultation",
        message: "まちなかほっこり相談は、サロン・カフェでだけ実施できます。",
        messageEn: "Hokkori consultations are held at salons and cafés only.",
      },
    ]);
    const kind = await createGroup(staff, "club", { name: "クラブ" });
    expect(kind.issues).toEqual([
      { path: "input.kindCode", message: "団体の種類「club」はありません。", messageEn: 'There is no group kind "club".' },
    ]);
    const same = await createGroup(staff, "salon", { name: "ひだまりサロン" });
    expect(same.issues).toEqual([
      {
        path: "input.name",
        message: "同じ種類の団体「ひだまりサロン」がすでにあります。別の名前にしてください。",
        messageEn: "A group of this kind already has this name.",
      },
    ]);
    expect(await server.db.prisma.group.count()).toBe(before);
  });

  it("a 部会 under the network, and a juvenile cohort with its institution (no roles: its youths are codes)", async () => {
    const bukai = await createGroup(staff, "subcommittee", { name: "学習支援部会", parentId: server.groupId(NETWORK) });
    expect(bukai.data!.availableRoles.map((r) => r.code)).toEqual(["chair", "secretary", "member"]);
    const noInstitution = await createGroup(staff, "cohort", { name: "泉南学寮 グリーンサポーター（令和9年度）" });
    expect(noInstitution.issues).toEqual([
      { path: "input.institution", message: "施設名を入力してください。", messageEn: "Enter the institution." },
    ]);
    const cohort = await createGroup(staff, "cohort", { name: "泉南学寮 グリーンサポーター（令和9年度）", institution: "泉南学寮" });
    expect(cohort.data).toMatchObject({ institution: "泉南学寮", availableRoles: [] });
    // the network cannot close while its 部会 are open
    const refused = await closeGroup(staff, { id: server.groupId(NETWORK), endedOn: "2026-11-01" });
    expect(refused).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    expect(refused.messageEn).toMatch(/open subcommittee/);
  });

  it("staff edit a group: the fields change, the kind does not, audited", async () => {
    const edited = await updateGroup(staff, salonId, {
      name: "ひだまりカフェ",
      nameKana: "ひだまりかふぇ",
      venue: "尾崎公民館",
      hostsHokkoriConsultation: false,
      areaId,
      startedOn: "2025-04-01",
    });
    expect(edited.data).toMatchObject({
      name: "ひだまりカフェ",
      venue: "尾崎公民館",
      hostsHokkoriConsultation: false,
      kind: { code: "salon" },
    });
    const trail = await audits(salonId);
    expect(trail.at(-1)).toMatchObject({ action: "update", details: { change: "edit" } });
    const bad = await updateGroup(staff, salonId, { name: "ひだまりカフェ", nameKana: "Cafe" });
    expect(bad.issues?.[0]?.path).toBe("input.nameKana");
    expect((await server.db.prisma.group.findUniqueOrThrow({ where: { id: salonId } })).nameKana).toBe("ひだまりかふぇ");
  });

  it("the roster offers the kind's roles only: a 部会長 for a salon is refused in both languages", async () => {
    const personId = await newPerson("役割 試子", "やくわり ためこ");
    const refused = await addMembership({ groupId: salonId, personId, roleCode: "chair", startedOn: "2025-05-01" });
    expect(refused.issues).toEqual([
      {
        path: "input.roleCode",
        message: "「部会長」は「ふれあいサロン」の役割ではありません。この団体で使える役割から選んでください。",
        messageEn: "Subcommittee chair is not a role of a neighbourhood salon; choose one of the group's roles.",
      },
    ]);
    expect(await server.db.prisma.membership.count({ where: { groupId: salonId } })).toBe(0);
  });

  it("a second 代表 is refused; the hand-over in one step ends the first, who stays as a member, and keeps both joining days", async () => {
    const a = await newPerson("代表 一子", "だいひょう いちこ");
    const b = await newPerson("代表 二子", "だいひょう ふたこ");
    const repA = (await addMembership({ groupId: salonId, personId: a, roleCode: "representative", startedOn: "2025-04-01" })).data!;
    const memberB = (await addMembership({ groupId: salonId, personId: b, roleCode: "member", startedOn: "2025-06-01" })).data!;
    expect(memberB.joinedOn).toBe("2025-06-01");

    const second = await addMembership({ groupId: salonId, personId: b, roleCode: "representative", startedOn: "2026-04-01" });
    expect(second).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    expect(second.message).toMatch(/「代表」はすでに決まっています（代表 一子）/);
    const noHandOver = await changeRole({ membershipId: memberB.id, roleCode: "representative", on: "2026-04-01" });
    expect(noHandOver.__typename).toBe("ConflictError");
    expect(noHandOver.messageEn).toMatch(/end the current holder's role in the same change/);
    expect(await server.db.prisma.membership.count({ where: { groupId: salonId } })).toBe(2);

    const handOver = await changeRole({
      membershipId: memberB.id,
      roleCode: "representative",
      on: "2026-04-01",
      endCurrentHolder: true,
      previousHolderRoleCode: "member",
    });
    expect(handOver.__typename).toBe("MutationChangeMembershipRoleSuccess");
    expect(handOver.data!.ended).toMatchObject({ id: memberB.id, endedOn: "2026-03-31", endReason: "役割変更（メンバー → 代表）" });
    // the new 代表 keeps the day they joined
    expect(handOver.data!.started).toMatchObject({
      startedOn: "2026-04-01",
      joinedOn: "2025-06-01",
      groupRole: { code: "representative" },
    });

    const rows = await server.db.prisma.membership.findMany({
      where: { groupId: salonId, personId: a },
      orderBy: { startedOn: "asc" },
      include: { groupRole: { select: { code: true } } },
    });
    expect(
      rows.map((r) => [
        r.groupRole.code,
        r.startedOn.toISOString().slice(0, 10),
        r.endedOn?.toISOString().slice(0, 10) ?? null,
        r.endReason,
      ]),
    ).toEqual([
      ["representative", "2025-04-01", "2026-03-31", "代表交代"],
      ["member", "2026-04-01", null, null],
    ]);
    expect(rows[0]!.id).toBe(repA.id);
    // the first 代表, now a member, keeps the day they joined too
    expect(rows[1]!.joinedOn?.toISOString().slice(0, 10)).toBe("2025-04-01");
    const trail = await server.db.prisma.auditEvent.findMany({ where: { entity: "Membership", entityId: { in: rows.map((r) => r.id) } } });
    expect(trail.map((t) => (t.details as { change?: string }).change)).toEqual(expect.arrayContaining(["hand-over", "role-start"]));
    // exactly one current 代表
    expect(
      await server.db.prisma.membership.count({ where: { groupId: salonId, endedOn: null, groupRole: { code: "representative" } } }),
    ).toBe(1);
  });

  it("closing ends the open memberships that day; the closed group is listed apart, readable, and takes no member or event", async () => {
    const late = await closeGroup(staff, { id: salonId, endedOn: "2024-01-01" });
    expect(late.issues?.[0]).toMatchObject({
      path: "input.endedOn",
      messageEn: "The end date must be on or after the start date (2025-04-01).",
    });
    const future = await closeGroup(staff, { id: salonId, endedOn: "2027-01-01" });
    expect(future.issues?.[0]).toMatchObject({ path: "input.endedOn", message: "終了日に未来の日付は指定できません。" });

    const closed = await closeGroup(staff, { id: salonId, endedOn: "2026-11-20" });
    expect(closed.data).toMatchObject({ endedOn: "2026-11-20", isClosed: true });
    const open = await server.db.prisma.membership.count({ where: { groupId: salonId, endedOn: null } });
    expect(open).toBe(0);
    const ended = await server.db.prisma.membership.findMany({ where: { groupId: salonId, endedOn: new Date("2026-11-20") } });
    expect(ended.map((m) => m.endReason)).toEqual(["団体の活動終了", "団体の活動終了"]);
    expect((await audits(salonId)).at(-1)).toMatchObject({
      action: "update",
      details: { change: "close", endedOn: "2026-11-20", membershipsEnded: 2 },
    });

    const lists = await staff.graphql<{ open: Array<{ id: string }>; closed: Array<{ id: string }> }>(
      `{ open: groups(closed: false) { id } closed: groups(closed: true) { id } }`,
    );
    expect(lists.data!.open.map((g) => g.id)).not.toContain(salonId);
    expect(lists.data!.closed.map((g) => g.id)).toContain(salonId);
    // the history stays readable
    const history = await staff.graphql<{ group: { roster: { totalCount: number } } }>(
      `query($id: ID!) { group(id: $id) { roster(includeEnded: true) { totalCount } } }`,
      { id: salonId },
    );
    expect(history.data!.group.roster.totalCount).toBe(4);

    const personId = await newPerson("新規 三子", "しんき みつこ");
    const join = await addMembership({ groupId: salonId, personId, roleCode: "member", startedOn: "2026-11-01" });
    expect(join).toMatchObject({
      __typename: "ConflictError",
      messageEn: expect.stringMatching(/closed on 2026-11-20; its roster cannot change/),
    });
    const event = await mutate(staff, "createEvent", "CreateEventInput", "id", {
      groupId: salonId,
      title: "年末の集い",
      startsAt: "2026-12-10T10:00:00+09:00",
      endsAt: "2026-12-10T12:00:00+09:00",
    });
    expect(event).toMatchObject({ __typename: "ConflictError", message: expect.stringMatching(/新しいイベントは作成できません/) });
    const again = await closeGroup(staff, { id: salonId, endedOn: "2026-11-21" });
    expect(again).toMatchObject({ __typename: "ConflictError", messageEn: "The group was already closed on 2026-11-20." });
  });

  it("only staff of the organisation change groups: a salon leader is refused, another 社協's staff find nothing", async () => {
    const before = await server.db.prisma.group.count();
    const mine = server.groupId(SAKURA);
    const leader = await salonLeader.graphql<{ r: Result<GroupData> | null }>(
      `mutation($input: UpdateGroupInput!) { r: updateGroup(input: $input) { ${ERR} } }`,
      { input: { id: mine, name: "さくら" } },
    );
    expect(leader.data?.r?.code ?? leader.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const leaderCreate = await salonLeader.graphql<{ r: Result<GroupData> | null }>(
      `mutation($input: CreateGroupInput!) { r: createGroup(input: $input) { ${ERR} } }`,
      { input: { kindCode: "salon", name: "勝手サロン" } },
    );
    expect(leaderCreate.data?.r?.code ?? leaderCreate.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const leaderView = await salonLeader.graphql<{ group: { viewerCanEdit: boolean } }>(
      `query($id: ID!) { group(id: $id) { viewerCanEdit } }`,
      {
        id: mine,
      },
    );
    expect(leaderView.data!.group.viewerCanEdit).toBe(false);

    const foreignEdit = await updateGroup(other, mine, { name: "乗っ取り" });
    expect(foreignEdit).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    const foreignClose = await closeGroup(other, { id: mine, endedOn: "2026-11-01" });
    expect(foreignClose.code).toBe("NOT_FOUND");
    const foreignArea = await createGroup(other, "salon", { name: "よそのサロン", areaId });
    expect(foreignArea.__typename).toBe("InvalidInputError");
    expect(await server.db.prisma.group.count()).toBe(before);
    expect((await server.db.prisma.group.findUniqueOrThrow({ where: { id: mine } })).name).toBe(SAKURA);
  });
});
