// Accounts and scoped roles (staff): invite each kind of role, the list of accounts and
// invitations, re-send and revoke an invitation, grant and revoke roles, the coordinator
// hand-over — and the refusals (another organisation's group, one's own last staff role, a
// duplicate grant), each typed and bilingual. Every change is audited and mailed to its person.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestClient, type TestServer } from "../testing.ts";

let server: TestServer;
let staff: TestClient;
beforeAll(async () => {
  server = await startTestServer();
  staff = await server.as("staff");
});
afterAll(() => server?.close());

const db = () => server.db.prisma;

interface ErrorResult {
  __typename: string;
  code?: string;
  message?: string;
  messageEn?: string;
  issues?: Array<{ path: string; message: string; messageEn: string }>;
}
type Result<T> = ErrorResult & { data?: T };

const ERROR = `... on Error { code message messageEn } ... on InvalidInputError { issues { path message messageEn } }`;
const INVITATION = `id userId name email state expiresAt sendCount`;

interface InvitationData {
  id: string;
  userId: string;
  name: string;
  email: string;
  state: string;
  expiresAt: string;
  sendCount: number;
}

async function invite(input: Record<string, unknown>, as: TestClient = staff) {
  const res = await as.graphql<{ inviteAccount: Result<InvitationData> }>(
    `mutation($input: InviteAccountInput!) { inviteAccount(input: $input) { __typename ... on MutationInviteAccountSuccess { data { ${INVITATION} } } ${ERROR} } }`,
    { input },
  );
  return res.data!.inviteAccount;
}

async function grant(input: Record<string, unknown>) {
  const res = await staff.graphql<{ grantAccessRole: Result<{ id: string; role: string; groupId: string | null }> }>(
    `mutation($input: GrantAccessRoleInput!) { grantAccessRole(input: $input) { __typename ... on MutationGrantAccessRoleSuccess { data { id role groupId } } ${ERROR} } }`,
    { input },
  );
  return res.data!.grantAccessRole;
}

async function revokeRole(id: string, as: TestClient = staff) {
  const res = await as.graphql<{ revokeAccessRole: Result<{ id: string; revokedAt: string | null }> }>(
    `mutation($id: ID!) { revokeAccessRole(id: $id) { __typename ... on MutationRevokeAccessRoleSuccess { data { id revokedAt } } ${ERROR} } }`,
    { id },
  );
  return res.data!.revokeAccessRole;
}

async function invitationCall(field: "resendInvitation" | "revokeInvitation", id: string) {
  const success = field === "resendInvitation" ? "MutationResendInvitationSuccess" : "MutationRevokeInvitationSuccess";
  const res = await staff.graphql<Record<string, Result<InvitationData>>>(
    `mutation($id: ID!) { ${field}(id: $id) { __typename ... on ${success} { data { ${INVITATION} } } ${ERROR} } }`,
    { id },
  );
  return res.data![field]!;
}

async function accept(token: string, password = "a-long-enough-password") {
  const res = await server.anonymous.graphql<{ acceptInvitation: { __typename: string } }>(
    `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { __typename } }`,
    { t: token, p: password },
  );
  return res.data!.acceptInvitation.__typename;
}

async function mailsTo(email: string) {
  return db().mailOutbox.findMany({ where: { to: email }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}
const tokenOf = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

async function listed() {
  const res = await staff.graphql<{
    accounts: Array<{
      id: string;
      name: string;
      email: string;
      lastSignInAt: string | null;
      hasPassword: boolean;
      roles: Array<{ id: string; role: string; scopeId: string | null; scopeName: string | null }>;
    }>;
    invitations: InvitationData[];
  }>(`{ accounts { id name email lastSignInAt hasPassword roles { id role scopeId scopeName } } invitations { ${INVITATION} } }`);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

/** a bilingual typed error: the Japanese message and the English one, both written */
function expectBilingual(result: ErrorResult, typename: string, en: RegExp) {
  expect(result.__typename).toBe(typename);
  expect(result.message).toMatch(/[ぁ-んァ-ン一-龯]/);
  const english = result.issues?.[0]?.messageEn ?? result.messageEn;
  expect(english).toMatch(en);
}

describe("inviting each kind of role", () => {
  it("staff invite staff, a coordinator, a 部会 member, a salon leader and the liaison; each is listed 送信済み with its scope", async () => {
    const juvenile = await db().programme.findFirstOrThrow({ where: { privacyTier: "JUVENILE" } });
    const cases = [
      { role: "STAFF", email: "new.staff@hannan.example", scope: {} },
      {
        role: "SCHOOL_COORDINATOR",
        email: "new.coordinator@hannan.example",
        scope: { groupId: server.groupId("尾崎小学校 子ども福祉委員") },
      },
      { role: "SUBCOMMITTEE_MEMBER", email: "new.bukai@hannan.example", scope: { groupId: server.groupId("イベント部会") } },
      { role: "SALON_LEADER", email: "new.salon@hannan.example", scope: { groupId: server.groupId("ふれあい喫茶 さくら") } },
      { role: "INSTITUTION_LIAISON", email: "new.liaison@hannan.example", scope: { programmeId: juvenile.id } },
    ];
    for (const c of cases) {
      const result = await invite({ email: c.email.toUpperCase(), name: `新規 ${c.role}`, role: c.role, ...c.scope });
      expect(result.__typename, JSON.stringify(result)).toBe("MutationInviteAccountSuccess");
      expect(result.data).toMatchObject({ email: c.email, state: "SENT", sendCount: 1 });
      const [mail] = await mailsTo(c.email);
      expect(mail?.subject).toContain("ご招待");
      expect(mail?.text).toContain("/invite/accept?token=");
    }
    const { accounts, invitations } = await listed();
    for (const c of cases) {
      const account = accounts.find((a) => a.email === c.email)!;
      expect(account.hasPassword).toBe(false);
      expect(account.lastSignInAt).toBeNull();
      expect(account.roles.map((r) => r.role)).toEqual([c.role]);
      expect(account.roles[0]!.scopeId).toBe(c.scope.groupId ?? c.scope.programmeId ?? null);
      expect(invitations.find((i) => i.email === c.email)?.state).toBe("SENT");
    }
    expect(accounts.find((a) => a.email === "new.salon@hannan.example")!.roles[0]!.scopeName).toBe("ふれあい喫茶 さくら");
    // every invitation and its role were audited
    const userIds = accounts.filter((a) => cases.some((c) => c.email === a.email)).map((a) => a.id);
    const audits = await db().auditEvent.findMany({ where: { entity: { in: ["Invitation", "AccessRoleAssignment"] }, action: "create" } });
    for (const id of userIds) {
      expect(
        audits
          .filter((e) => (e.details as { userId?: string }).userId === id)
          .map((e) => e.entity)
          .sort(),
      ).toEqual(["AccessRoleAssignment", "Invitation"]);
    }
  });

  it("lists each account of the organisation with its roles, and records the last sign-in", async () => {
    const before = new Date();
    await server.signIn("salon-leader");
    const { accounts } = await listed();
    const leader = accounts.find((a) => a.email === "salon-leader@hannan.example")!;
    expect(leader.hasPassword).toBe(true);
    expect(new Date(leader.lastSignInAt!).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(leader.roles).toEqual([expect.objectContaining({ role: "SALON_LEADER", scopeName: expect.any(String) })]);
    expect(accounts.find((a) => a.email === "staff@hannan.example")!.roles.map((r) => r.role)).toEqual(["STAFF"]);
  });

  it("refuses an account that has a password already (grant instead), and non-staff", async () => {
    const taken = await invite({ email: "salon-leader@hannan.example", name: "X", role: "STAFF" });
    expectBilingual(taken, "ConflictError", /grant it the role/);
    const leader = await server.as("salon-leader");
    const refused = await leader.graphql(`mutation($input: InviteAccountInput!) { inviteAccount(input: $input) { __typename ${ERROR} } }`, {
      input: { email: "y@hannan.example", name: "Y", role: "STAFF" },
    });
    expect(JSON.stringify(refused)).toContain("FORBIDDEN");
    expect(await db().user.count({ where: { email: "y@hannan.example" } })).toBe(0);
    for (const q of ["{ accounts { id } }", "{ invitations { id } }", "{ accessRoleScopes { role } }"]) {
      expect((await leader.graphql(q)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("offers each role's scopes: the organisation, the school groups, the 部会, the salons, the juvenile programme", async () => {
    const res = await staff.graphql<{ accessRoleScopes: Array<{ role: string; scopeKind: string; options: Array<{ name: string }> }> }>(
      `{ accessRoleScopes { role scopeKind options { name } } }`,
    );
    const by = Object.fromEntries(res.data!.accessRoleScopes.map((s) => [s.role, s]));
    expect(by.STAFF).toEqual({ role: "STAFF", scopeKind: "ORGANIZATION", options: [] });
    expect(by.SCHOOL_COORDINATOR!.options.map((o) => o.name)).toContain("尾崎小学校 子ども福祉委員");
    expect(by.SCHOOL_COORDINATOR!.options.map((o) => o.name)).not.toContain("ふれあい喫茶 さくら");
    expect(by.SUBCOMMITTEE_MEMBER!.options.map((o) => o.name)).toContain("イベント部会");
    expect(by.SALON_LEADER!.options.map((o) => o.name)).toContain("ふれあい喫茶 さくら");
    expect(by.INSTITUTION_LIAISON!.scopeKind).toBe("PROGRAMME");
    expect(by.INSTITUTION_LIAISON!.options).toHaveLength(1);
  });
});

describe("re-sending and revoking an invitation", () => {
  it("a re-send gives a new token and expiry; the old link stops working, the new one works once", async () => {
    const sent = await invite({
      email: "resend@hannan.example",
      name: "再送 太郎",
      role: "SALON_LEADER",
      groupId: server.groupId("ふれあい喫茶 さくら"),
    });
    const id = sent.data!.id;
    const oldToken = tokenOf((await mailsTo("resend@hannan.example"))[0]!.text);
    // as if a day had passed: the re-send's expiry is later
    await db().invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() + 6 * 86_400_000) } });
    const resent = await invitationCall("resendInvitation", id);
    expect(resent.__typename).toBe("MutationResendInvitationSuccess");
    expect(resent.data).toMatchObject({ id, state: "SENT", sendCount: 2 });
    expect(new Date(resent.data!.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
    const mails = await mailsTo("resend@hannan.example");
    expect(mails).toHaveLength(2);
    const newToken = tokenOf(mails[1]!.text);
    expect(newToken).not.toBe(oldToken);
    expect(await accept(oldToken)).toBe("InvalidInputError");
    expect(await accept(newToken)).toBe("MutationAcceptInvitationSuccess");
    expect(await accept(newToken, "another-long-password")).toBe("InvalidInputError");
    const { invitations, accounts } = await listed();
    expect(invitations.find((i) => i.id === id)?.state).toBe("ACCEPTED");
    expect(accounts.find((a) => a.email === "resend@hannan.example")?.hasPassword).toBe(true);
    // an accepted invitation is neither re-sent nor revoked
    expectBilingual(await invitationCall("resendInvitation", id), "ConflictError", /accepted already/);
    expectBilingual(await invitationCall("revokeInvitation", id), "ConflictError", /accepted already/);
    const audit = await db().auditEvent.findFirst({
      where: { entity: "Invitation", entityId: id, action: "update" },
      orderBy: { id: "asc" },
    });
    expect(audit?.details).toMatchObject({ resent: true, sendCount: 2 });
  });

  it("an expired invitation is listed 期限切れ and can be re-sent", async () => {
    const sent = await invite({ email: "expired@hannan.example", name: "期限 切子", role: "STAFF" });
    const id = sent.data!.id;
    const token = tokenOf((await mailsTo("expired@hannan.example"))[0]!.text);
    await db().invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await listed()).invitations.find((i) => i.id === id)?.state).toBe("EXPIRED");
    expect(await accept(token)).toBe("InvalidInputError");
    expect((await invitationCall("resendInvitation", id)).data?.state).toBe("SENT");
  });

  it("a revoked invitation's link stops working; it is listed 取消 and cannot be re-sent", async () => {
    const sent = await invite({ email: "revoked@hannan.example", name: "取消 次郎", role: "STAFF" });
    const id = sent.data!.id;
    const token = tokenOf((await mailsTo("revoked@hannan.example"))[0]!.text);
    const revoked = await invitationCall("revokeInvitation", id);
    expect(revoked.data?.state).toBe("REVOKED");
    expect(await accept(token)).toBe("InvalidInputError");
    expectBilingual(await invitationCall("resendInvitation", id), "ConflictError", /revoked/);
    expect(await db().auditEvent.count({ where: { entity: "Invitation", entityId: id, action: "update" } })).toBe(1);
    // inviting the address again sends a new invitation to the same account
    const again = await invite({
      email: "revoked@hannan.example",
      name: "取消 次郎",
      role: "SALON_LEADER",
      groupId: server.groupId("ふれあい喫茶 さくら"),
    });
    expect(again.data).toMatchObject({ userId: sent.data!.userId, state: "SENT" });
    // an invitation of another organisation is not found
    expect((await invitationCall("revokeInvitation", randomUUID())).__typename).toBe("NotFoundError");
  });
});

describe("granting and revoking roles", () => {
  it("grants an existing account a salon-leader role and revokes it: the account's session loses it at once; each is audited and mailed", async () => {
    const salon = server.groupId("ふれあい喫茶 さくら");
    const teacher = await server.signIn("coordinator.tottori-higashi");
    const user = await db().user.findUniqueOrThrow({ where: { email: "coordinator.tottori-higashi@hannan.example" } });
    const granted = await grant({ userId: user.id, role: "SALON_LEADER", groupId: salon });
    expect(granted.__typename, JSON.stringify(granted)).toBe("MutationGrantAccessRoleSuccess");
    const me = async () => (await teacher.graphql<{ me: { roles: string[]; salonIds: string[] } }>("{ me { roles salonIds } }")).data!.me;
    expect(await me()).toEqual({ roles: expect.arrayContaining(["SCHOOL_COORDINATOR", "SALON_LEADER"]), salonIds: [salon] });
    let mails = await mailsTo(user.email);
    expect(mails.at(-1)?.subject).toContain("アクセス権が変わりました");
    expect(mails.at(-1)?.text).toContain("サロン代表");
    expect(mails.at(-1)?.text).toContain("salon leader");
    // no secrets: no token, no group name
    expect(mails.at(-1)?.text).not.toMatch(/token=|さくら/);

    // the same grant again is refused
    expectBilingual(await grant({ userId: user.id, role: "SALON_LEADER", groupId: salon }), "ConflictError", /holds this role already/);

    const revoked = await revokeRole(granted.data!.id);
    expect(revoked.data?.revokedAt).not.toBeNull();
    expect(await me()).toEqual({ roles: ["SCHOOL_COORDINATOR"], salonIds: [] });
    mails = await mailsTo(user.email);
    expect(mails.at(-1)?.text).toContain("終了しました");
    const audits = await db().auditEvent.findMany({
      where: { entity: "AccessRoleAssignment", entityId: granted.data!.id },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual(["create", "update"]);
    expect(audits[1]!.details).toMatchObject({ revoked: true, userId: user.id });
    // revoking it twice: not found
    expect((await revokeRole(granted.data!.id)).__typename).toBe("NotFoundError");
  });

  it("grants the same role at once from several requests: one is granted, the others refused; the account holds it once", async () => {
    const salon = server.groupId("ふれあい喫茶 さくら");
    const user = await db().user.findUniqueOrThrow({ where: { email: "coordinator.ozaki@hannan.example" } });
    const results = await Promise.all(Array.from({ length: 6 }, () => grant({ userId: user.id, role: "SALON_LEADER", groupId: salon })));
    const granted = results.filter((r) => r.__typename === "MutationGrantAccessRoleSuccess");
    expect(granted, JSON.stringify(results)).toHaveLength(1);
    for (const refused of results.filter((r) => r.__typename !== "MutationGrantAccessRoleSuccess"))
      expectBilingual(refused, "ConflictError", /holds this role already/);
    const active = { userId: user.id, role: "SALON_LEADER" as const, groupId: salon, revokedAt: null };
    expect(await db().accessRoleAssignment.count({ where: active })).toBe(1);
    // the database itself refuses a second active row (the race the check above cannot see) …
    const row = { orgId: user.orgId, userId: user.id, role: "SALON_LEADER" as const, groupId: salon };
    await expect(db().accessRoleAssignment.create({ data: row })).rejects.toMatchObject({ code: "P2002" });
    // … and keeps ended ones as history
    await db().accessRoleAssignment.create({ data: { ...row, revokedAt: new Date() } });
    await revokeRole(granted[0]!.data!.id);
    expect(await db().accessRoleAssignment.count({ where: active })).toBe(0);
  });

  it("refuses a scope of the wrong kind, and a group of another organisation — writing nothing", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { email: "liaison@hannan.example" } });
    const wrongKind = await grant({ userId: user.id, role: "SCHOOL_COORDINATOR", groupId: server.groupId("ふれあい喫茶 さくら") });
    expectBilingual(wrongKind, "InvalidInputError", /kind this role is for/);

    const other = await db().organization.create({
      data: {
        slug: `other-${randomUUID().slice(0, 8)}`,
        name: "よその町社会福祉協議会",
        nameEn: "Another council",
        municipality: "よその町",
      },
    });
    const programme = await db().programme.create({
      data: { orgId: other.id, code: "salon", name: "サロン", nameEn: "Salons", privacyTier: "SALON" },
    });
    const kind = await db().groupKind.create({
      data: { orgId: other.id, programmeId: programme.id, code: "salon", name: "サロン", nameEn: "Salon" },
    });
    const group = await db().group.create({
      data: { orgId: other.id, programmeId: programme.id, kindId: kind.id, name: "よその町 サロン" },
    });
    const before = await db().accessRoleAssignment.count();
    const outside = await grant({ userId: user.id, role: "SALON_LEADER", groupId: group.id });
    expectBilingual(outside, "NotFoundError", /group was not found/);
    const invited = await invite({ email: "outside@hannan.example", name: "外 部", role: "SALON_LEADER", groupId: group.id });
    expectBilingual(invited, "NotFoundError", /group was not found/);
    expect(await db().accessRoleAssignment.count()).toBe(before);
    expect(await db().user.count({ where: { email: "outside@hannan.example" } })).toBe(0);
  });

  it("refuses revoking one's own last staff role; another account's staff role may be revoked", async () => {
    const me = await db().user.findUniqueOrThrow({
      where: { email: "staff@hannan.example" },
      include: { accessRoles: { where: { revokedAt: null } } },
    });
    const own = await revokeRole(me.accessRoles[0]!.id);
    expectBilingual(own, "ConflictError", /own last staff role/);
    expect(await db().accessRoleAssignment.count({ where: { userId: me.id, role: "STAFF", revokedAt: null } })).toBe(1);
    // another account's staff role may be revoked (the organisation keeps its staff)
    const second = await db().user.findUniqueOrThrow({
      where: { email: "expired@hannan.example" },
      include: { accessRoles: { where: { revokedAt: null } } },
    });
    expect(second.accessRoles.map((r) => r.role)).toEqual(["STAFF"]);
    expect((await revokeRole(second.accessRoles[0]!.id)).__typename).toBe("MutationRevokeAccessRoleSuccess");
  });
});

describe("handing a school's coordinator role over", () => {
  it("ends the old teacher's role and starts the new one's in one step; a teacher without an account is invited", async () => {
    const ozaki = server.groupId("尾崎小学校 子ども福祉委員");
    const old = await db().user.findUniqueOrThrow({
      where: { email: "coordinator.ozaki@hannan.example" },
      include: { accessRoles: { where: { revokedAt: null } } },
    });
    const oldClient = await server.signIn("coordinator.ozaki");
    const res = await staff.graphql<{
      handOverCoordinatorRole: Result<{
        ended: { id: string; revokedAt: string };
        started: { userId: string; groupId: string };
        invitation: InvitationData | null;
      }>;
    }>(
      `mutation($input: HandOverCoordinatorRoleInput!) { handOverCoordinatorRole(input: $input) { __typename ... on MutationHandOverCoordinatorRoleSuccess { data { ended { id revokedAt } started { userId groupId } invitation { ${INVITATION} } } } ${ERROR} } }`,
      { input: { fromRoleId: old.accessRoles[0]!.id, toEmail: "april.teacher@hannan.example", toName: "四月 先生" } },
    );
    const result = res.data!.handOverCoordinatorRole;
    expect(result.__typename, JSON.stringify(res)).toBe("MutationHandOverCoordinatorRoleSuccess");
    expect(result.data!.ended.id).toBe(old.accessRoles[0]!.id);
    expect(result.data!.started.groupId).toBe(ozaki);
    expect(result.data!.invitation).toMatchObject({ email: "april.teacher@hannan.example", state: "SENT" });
    // the old teacher's session has lost the school at once; the old teacher was told
    const oldMe = await oldClient.graphql<{ me: { schoolGroupIds: string[] } }>("{ me { schoolGroupIds } }");
    expect(oldMe.data!.me.schoolGroupIds).toEqual([]);
    expect((await mailsTo(old.email)).at(-1)?.text).toContain("終了しました");
    // the new teacher got an invitation and, with a password, the school
    const token = tokenOf((await mailsTo("april.teacher@hannan.example")).at(-1)!.text);
    expect(await accept(token)).toBe("MutationAcceptInvitationSuccess");
    const newClient = await server.signIn("april.teacher@hannan.example", "a-long-enough-password");
    expect((await newClient.graphql<{ me: { schoolGroupIds: string[] } }>("{ me { schoolGroupIds } }")).data!.me.schoolGroupIds).toEqual([
      ozaki,
    ]);
    const audits = await db().auditEvent.findMany({
      where: { requestId: { not: null }, entity: "AccessRoleAssignment", entityId: old.accessRoles[0]!.id },
    });
    expect(audits.at(-1)?.details).toMatchObject({ revoked: true, handedOver: true });

    // and on to an existing account, by its id: granted and told by mail, no invitation
    const next = await db().user.findUniqueOrThrow({ where: { email: "coordinator.tottori-higashi@hannan.example" } });
    const newRole = await db().accessRoleAssignment.findFirstOrThrow({
      where: { groupId: ozaki, revokedAt: null, role: "SCHOOL_COORDINATOR" },
    });
    const again = await staff.graphql<{
      handOverCoordinatorRole: Result<{ invitation: InvitationData | null; started: { userId: string } }>;
    }>(
      `mutation($input: HandOverCoordinatorRoleInput!) { handOverCoordinatorRole(input: $input) { __typename ... on MutationHandOverCoordinatorRoleSuccess { data { invitation { id } started { userId } } } ${ERROR} } }`,
      { input: { fromRoleId: newRole.id, toUserId: next.id } },
    );
    expect(again.data!.handOverCoordinatorRole.data).toEqual({ invitation: null, started: { userId: next.id } });
    expect((await mailsTo(next.email)).at(-1)?.text).toContain("役割が付与されました");
  });

  it("refuses a hand-over to the same teacher, or with no one to hand to — changing nothing", async () => {
    const role = await db().accessRoleAssignment.findFirstOrThrow({
      where: { groupId: server.groupId("尾崎小学校 子ども福祉委員"), revokedAt: null, role: "SCHOOL_COORDINATOR" },
    });
    const call = async (input: Record<string, unknown>) =>
      (
        await staff.graphql<{ handOverCoordinatorRole: ErrorResult }>(
          `mutation($input: HandOverCoordinatorRoleInput!) { handOverCoordinatorRole(input: $input) { __typename ${ERROR} } }`,
          { input: { fromRoleId: role.id, ...input } },
        )
      ).data!.handOverCoordinatorRole;
    expectBilingual(await call({ toUserId: role.userId }), "InvalidInputError", /someone else/);
    expectBilingual(await call({}), "InvalidInputError", /e-mail address and name/);
    expect((await db().accessRoleAssignment.findUniqueOrThrow({ where: { id: role.id } })).revokedAt).toBeNull();
  });
});
