// Notifications over HTTP as the demo accounts: each kind fired by its mutation reaches exactly the
// right accounts (and nobody outside the privacy tiers, nor the account that acted); the inbox hides
// what its reader may no longer read (a revoked role); marking read and the bell's count; the mail
// preferences and their validation; groupAccessWhere is groupAccess.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { loadViewer } from "../auth/viewer.ts";
import { groupAccess, groupAccessSelect, groupAccessWhere } from "../organization/access.ts";
import { startTestServer, type TestClient, type TestServer } from "../testing.ts";

let server: TestServer;
let staff: TestClient;
let orgId: string;
const users: Record<string, string> = {};
const ACCOUNTS = ["staff", "coordinator.ozaki", "coordinator.tottori-higashi", "event-bukai", "salon-leader", "liaison"] as const;
let ozakiGroup: string;
let salonGroup: string;
let eventGroup: string;
let activityTypeId: string;

const INBOX = /* GraphQL */ `
  query ($unreadOnly: Boolean) {
    unreadNotificationCount
    notifications(first: 50, unreadOnly: $unreadOnly) {
      edges {
        node {
          id
          kind
          title
          titleEn
          body
          bodyEn
          path
          readAt
        }
      }
    }
  }
`;

interface Inbox {
  unreadNotificationCount: number;
  notifications: {
    edges: Array<{ node: { id: string; kind: string; title: string; titleEn: string; body: string; path: string; readAt: string | null } }>;
  };
}

async function inbox(client: TestClient, unreadOnly = false) {
  const res = await client.graphql<Inbox>(INBOX, { unreadOnly });
  expect(res.errors).toBeUndefined();
  return { unread: res.data!.unreadNotificationCount, items: res.data!.notifications.edges.map((e) => e.node) };
}

/** who holds a notification of `kind` in the database, by account local part */
async function recipients(kind: string): Promise<string[]> {
  const rows = await server.db.prisma.notification.findMany({ where: { kind: kind as never }, select: { recipientId: true } });
  const byId = new Map(Object.entries(users).map(([k, v]) => [v, k]));
  return rows.map((r) => byId.get(r.recipientId) ?? r.recipientId).sort();
}

const MARK = /* GraphQL */ `
  mutation ($ids: [ID!], $all: Boolean) {
    markNotificationsRead(ids: $ids, all: $all) {
      __typename
      ... on MutationMarkNotificationsReadSuccess {
        data {
          unreadCount
          notifications {
            id
            readAt
          }
        }
      }
      ... on Error {
        code
        message
        messageEn
      }
    }
  }
`;

async function submittedLog(groupId: string, submitter: string): Promise<string> {
  const log = await server.db.prisma.activityLog.create({
    data: {
      orgId,
      groupId,
      activityTypeId,
      date: new Date("2026-11-20"),
      fiscalYear: 2026,
      minutes: 60,
      status: "SUBMITTED",
      submittedById: users[submitter],
      submittedAt: new Date(),
    },
  });
  return log.id;
}

beforeAll(async () => {
  // sessions stay cached for the whole file (as in hot-reads.test): a statement count must not
  // catch the look-up of a session whose 5 s cache ran out between two requests on a loaded machine
  server = await startTestServer({ viewerCacheTtlMs: 10 * 60_000 });
  const db = server.db.prisma;
  for (const key of ACCOUNTS) {
    const u = await db.user.findUniqueOrThrow({ where: { email: `${key}@hannan.example` } });
    users[key] = u.id;
    orgId = u.orgId;
  }
  const scope = async (key: string) =>
    (await db.accessRoleAssignment.findFirstOrThrow({ where: { userId: users[key], groupId: { not: null } } })).groupId!;
  ozakiGroup = await scope("coordinator.ozaki");
  salonGroup = await scope("salon-leader");
  eventGroup = await scope("event-bukai");
  activityTypeId = (await db.activityType.findFirstOrThrow({ where: { orgId, programmeId: null } })).id;
  staff = await server.as("staff");
});
afterAll(async () => {
  await server?.close();
});
beforeEach(async () => {
  await server.db.prisma.notification.deleteMany();
  await server.db.prisma.mailOutbox.deleteMany();
});

describe("activity log returned and approved", () => {
  const REJECT = `mutation ($ids: [ID!]!) { rejectActivityLogs(ids: $ids, reason: "人数を確認してください") { __typename } }`;
  const APPROVE = `mutation ($ids: [ID!]!) { approveActivityLogs(ids: $ids) { __typename } }`;
  const SUBMIT = `mutation ($id: ID!) { submitActivityLog(id: $id) { __typename } }`;

  it("tells the submitter alone, links to the log, and follows a resubmission and approval", async () => {
    const logId = await submittedLog(ozakiGroup, "coordinator.ozaki");
    expect(
      (await staff.graphql<{ rejectActivityLogs: { __typename: string } }>(REJECT, { ids: [logId] })).data!.rejectActivityLogs.__typename,
    ).toBe("MutationRejectActivityLogsSuccess");
    expect(await recipients("ACTIVITY_LOG_RETURNED")).toEqual(["coordinator.ozaki"]);
    const coordinator = await server.as("coordinator.ozaki");
    const first = await inbox(coordinator);
    expect(first.unread).toBe(1);
    expect(first.items[0]).toMatchObject({
      kind: "ACTIVITY_LOG_RETURNED",
      title: "活動記録が差し戻されました",
      path: `/activity-logs/${logId}`,
      readAt: null,
    });
    expect(first.items[0]!.titleEn).toBe("An activity log was returned");
    // the mail went to the coordinator only, and does not carry the reason
    const mails = await server.db.prisma.mailOutbox.findMany();
    expect(mails.map((m) => m.to)).toEqual(["coordinator.ozaki@hannan.example"]);
    expect(mails[0]!.text).not.toContain("人数を確認");
    // the other accounts see nothing
    for (const key of ["staff", "coordinator.tottori-higashi", "event-bukai", "salon-leader", "liaison"]) {
      expect((await inbox(await server.as(key))).items).toEqual([]);
    }
    // the coordinator fixes nothing here but resubmits; returned again → a second notification; approved → a third
    await server.db.prisma.activityLog.update({ where: { id: logId }, data: { status: "DRAFT" } });
    expect(
      (await coordinator.graphql<{ submitActivityLog: { __typename: string } }>(SUBMIT, { id: logId })).data!.submitActivityLog.__typename,
    ).toBe("MutationSubmitActivityLogSuccess");
    await staff.graphql(REJECT, { ids: [logId] });
    await server.db.prisma.activityLog.update({ where: { id: logId }, data: { status: "DRAFT" } });
    await coordinator.graphql(SUBMIT, { id: logId });
    expect(
      (await staff.graphql<{ approveActivityLogs: { __typename: string } }>(APPROVE, { ids: [logId] })).data!.approveActivityLogs
        .__typename,
    ).toBe("MutationApproveActivityLogsSuccess");
    const after = await inbox(coordinator);
    expect(after.items.map((n) => n.kind)).toEqual(["ACTIVITY_LOG_APPROVED", "ACTIVITY_LOG_RETURNED", "ACTIVITY_LOG_RETURNED"]);
    expect(await recipients("ACTIVITY_LOG_APPROVED")).toEqual(["coordinator.ozaki"]);
  });

  it("approves many logs in as many statements as one, each submitter told once", async () => {
    const one = [await submittedLog(ozakiGroup, "coordinator.ozaki")];
    const many = await Promise.all([1, 2, 3, 4, 5].map(() => submittedLog(ozakiGroup, "coordinator.ozaki")));
    const a = await server.statements.count(() => staff.graphql(APPROVE, { ids: one }));
    const b = await server.statements.count(() => staff.graphql(APPROVE, { ids: many }));
    expect(b.statements.length).toBe(a.statements.length);
    expect(await server.db.prisma.notification.count({ where: { kind: "ACTIVITY_LOG_APPROVED" } })).toBe(6);
    expect(await server.db.prisma.mailOutbox.count()).toBe(6);
  });

  it("tells nobody of their own decision (staff submitted and staff approved)", async () => {
    const logId = await submittedLog(salonGroup, "staff");
    await staff.graphql(APPROVE, { ids: [logId] });
    expect(await server.db.prisma.notification.count()).toBe(0);
  });

  it("hides a notification once its reader's role is revoked, and does not tell a submitter who lost the role", async () => {
    const logId = await submittedLog(ozakiGroup, "coordinator.ozaki");
    await staff.graphql(REJECT, { ids: [logId] });
    const role = await server.db.prisma.accessRoleAssignment.findFirstOrThrow({
      where: { userId: users["coordinator.ozaki"], revokedAt: null },
    });
    await server.db.prisma.accessRoleAssignment.update({ where: { id: role.id }, data: { revokedAt: new Date() } });
    try {
      // a new session reads the account's roles afresh
      const revoked = await server.signIn("coordinator.ozaki");
      const seen = await inbox(revoked);
      expect(seen).toEqual({ unread: 0, items: [] });
      // the row is still there (it comes back if the role does), but cannot be marked either
      const [row] = await server.db.prisma.notification.findMany({ where: { recipientId: users["coordinator.ozaki"] } });
      const mark = await revoked.graphql<{ markNotificationsRead: { __typename: string; code: string } }>(MARK, { ids: [row!.id] });
      expect(mark.data!.markNotificationsRead).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
      // a log they submitted before the revocation, returned now, tells them nothing and mails nothing
      const second = await submittedLog(ozakiGroup, "coordinator.ozaki");
      await server.db.prisma.mailOutbox.deleteMany();
      await staff.graphql(REJECT, { ids: [second] });
      expect(await server.db.prisma.notification.count({ where: { subjectId: second } })).toBe(0);
      expect(await server.db.prisma.mailOutbox.count()).toBe(0);
    } finally {
      await server.db.prisma.accessRoleAssignment.update({ where: { id: role.id }, data: { revokedAt: null } });
    }
  });
});

describe("thank-you approved", () => {
  const MODERATE = `mutation ($ids: [ID!]!) { moderateThankYous(ids: $ids, decision: APPROVE) { __typename } }`;
  const thank = async (to: { toGroupId?: string; toPersonId?: string }) =>
    (
      await server.db.prisma.thankYouMessage.create({
        data: { orgId, ...to, fromName: "近所の方", body: "いつもありがとう", receivedOn: new Date("2026-11-20") },
      })
    ).id;

  it("tells the leaders of the group thanked: the salon's leader, the school's coordinator, the 部会's 部会長 — nobody else", async () => {
    const salon = await thank({ toGroupId: salonGroup });
    await staff.graphql(MODERATE, { ids: [salon] });
    expect(await recipients("THANK_YOU_APPROVED")).toEqual(["salon-leader"]);
    const salonInbox = await inbox(await server.as("salon-leader"));
    expect(salonInbox.items[0]).toMatchObject({ kind: "THANK_YOU_APPROVED", path: "/recognition" });

    await server.db.prisma.notification.deleteMany();
    const school = await thank({ toGroupId: ozakiGroup });
    const bukai = await thank({ toGroupId: eventGroup });
    const person = await server.db.prisma.person.findFirstOrThrow({ where: { orgId, user: { isNot: null } } });
    const toPerson = await thank({ toPersonId: person.id });
    expect(
      (await staff.graphql<{ moderateThankYous: { __typename: string } }>(MODERATE, { ids: [school, bukai, toPerson] })).data!
        .moderateThankYous.__typename,
    ).toBe("MutationModerateThankYousSuccess");
    expect(await recipients("THANK_YOU_APPROVED")).toEqual(["coordinator.ozaki", "event-bukai"]);
  });
});

describe("waitlist promoted", () => {
  const CANCEL = `mutation ($id: ID!) { cancelSignUp(signUpId: $id) { __typename } }`;

  async function fullShift(waiting: string) {
    const db = server.db.prisma;
    const event = await db.event.create({
      data: {
        orgId,
        groupId: eventGroup,
        title: "バザー輪投げ",
        startsAt: new Date("2026-12-20T01:00:00Z"),
        endsAt: new Date("2026-12-20T05:00:00Z"),
        createdById: users.staff,
      },
    });
    const shift = await db.shift.create({
      data: { orgId, eventId: event.id, title: "午前", startsAt: event.startsAt, endsAt: event.endsAt, capacity: 1 },
    });
    const member = await db.membership.findFirstOrThrow({
      where: { groupId: eventGroup, endedOn: null, personId: { not: waiting }, person: { user: null } },
    });
    const confirmed = await db.signUp.create({
      data: { orgId, shiftId: shift.id, personId: member.personId, status: "CONFIRMED", signedUpAt: new Date("2026-11-01T00:00:00Z") },
    });
    await db.signUp.create({
      data: { orgId, shiftId: shift.id, personId: waiting, status: "WAITLISTED", signedUpAt: new Date("2026-11-02T00:00:00Z") },
    });
    return { event, confirmed };
  }

  it("tells the 部会長 (organiser) when someone without an account moves up; the creator who cancelled is not told", async () => {
    const waiting = await server.db.prisma.membership.findFirstOrThrow({
      where: { groupId: eventGroup, endedOn: null, person: { user: null } },
    });
    const { event, confirmed } = await fullShift(waiting.personId);
    expect(
      (await staff.graphql<{ cancelSignUp: { __typename: string } }>(CANCEL, { id: confirmed.id })).data!.cancelSignUp.__typename,
    ).toBe("MutationCancelSignUpSuccess");
    expect(await recipients("WAITLIST_PROMOTED")).toEqual(["event-bukai"]);
    const seen = await inbox(await server.as("event-bukai"));
    expect(seen.items[0]).toMatchObject({
      kind: "WAITLIST_PROMOTED",
      title: "キャンセル待ちの方の参加が確定しました",
      path: `/events/${event.id}`,
    });
  });

  it("tells the person moved up, once, with their own text, when they are also the organiser", async () => {
    const own = await server.db.prisma.user.findUniqueOrThrow({ where: { id: users["event-bukai"] } });
    const { confirmed } = await fullShift(own.personId!);
    await staff.graphql(CANCEL, { id: confirmed.id });
    expect(await recipients("WAITLIST_PROMOTED")).toEqual(["event-bukai"]);
    const seen = await inbox(await server.as("event-bukai"));
    expect(seen.items).toHaveLength(1);
    expect(seen.items[0]!.title).toBe("キャンセル待ちから参加が確定しました");
  });
});

describe("the inbox: marking read, the bell's count, preferences", () => {
  it("marks one, then all, read; refuses both or neither with a bilingual error", async () => {
    await server.db.prisma.notification.createMany({
      data: [1, 2, 3].map((n) => ({
        orgId,
        recipientId: users["salon-leader"]!,
        kind: "THANK_YOU_APPROVED" as const,
        subjectType: "GROUP" as const,
        subjectId: salonGroup,
        groupId: salonGroup,
        params: { group: "さくら", receivedOn: "2026-11-20" },
        dedupeKey: `mark-${n}`,
      })),
    });
    const leader = await server.as("salon-leader");
    const before = await inbox(leader);
    expect(before.unread).toBe(3);
    const one = await leader.graphql<{
      markNotificationsRead: { data: { unreadCount: number; notifications: Array<{ id: string; readAt: string | null }> } };
    }>(MARK, { ids: [before.items[0]!.id] });
    expect(one.data!.markNotificationsRead.data.unreadCount).toBe(2);
    expect(one.data!.markNotificationsRead.data.notifications[0]!.readAt).not.toBeNull();
    expect((await inbox(leader, true)).items).toHaveLength(2);
    const all = await leader.graphql<{ markNotificationsRead: { data: { unreadCount: number; notifications: unknown[] } } }>(MARK, {
      all: true,
    });
    expect(all.data!.markNotificationsRead.data).toMatchObject({ unreadCount: 0 });
    expect(all.data!.markNotificationsRead.data.notifications).toHaveLength(2);
    // another account cannot mark them
    const other = await (
      await server.as("coordinator.ozaki")
    ).graphql<{ markNotificationsRead: { __typename: string } }>(MARK, { ids: [before.items[1]!.id] });
    expect(other.data!.markNotificationsRead.__typename).toBe("NotFoundError");
    for (const bad of [{ ids: [before.items[0]!.id], all: true }, {}]) {
      const res = await leader.graphql<{ markNotificationsRead: { __typename: string; message: string; messageEn: string } }>(MARK, bad);
      expect(res.data!.markNotificationsRead).toMatchObject({ __typename: "InvalidInputError", messageEn: expect.any(String) as string });
    }
  });

  const PREFS = `{ notificationPreferences { kind mail } }`;
  const UPDATE = /* GraphQL */ `
    mutation ($input: [NotificationPreferenceInput!]!) {
      updateNotificationPreferences(input: $input) {
        __typename
        ... on MutationUpdateNotificationPreferencesSuccess {
          data {
            kind
            mail
          }
        }
        ... on InvalidInputError {
          message
          messageEn
          issues {
            message
            messageEn
          }
        }
      }
    }
  `;

  it("lists every kind by mail by default, saves a choice that notify then follows, refuses a kind named twice or none", async () => {
    const leader = await server.signIn("salon-leader");
    const prefs = await leader.graphql<{ notificationPreferences: Array<{ kind: string; mail: boolean }> }>(PREFS);
    expect(prefs.data!.notificationPreferences).toHaveLength(8);
    expect(prefs.data!.notificationPreferences.every((p) => p.mail)).toBe(true);
    const saved = await leader.graphql<{ updateNotificationPreferences: { data: Array<{ kind: string; mail: boolean }> } }>(UPDATE, {
      input: [{ kind: "THANK_YOU_APPROVED", mail: false }],
    });
    expect(saved.data!.updateNotificationPreferences.data.find((p) => p.kind === "THANK_YOU_APPROVED")!.mail).toBe(false);
    expect(saved.data!.updateNotificationPreferences.data.filter((p) => !p.mail)).toHaveLength(1);
    // approved now: in the inbox, not by mail
    const message = await server.db.prisma.thankYouMessage.create({
      data: { orgId, toGroupId: salonGroup, fromName: "近所の方", body: "ありがとう", receivedOn: new Date("2026-11-21") },
    });
    await staff.graphql(`mutation ($ids: [ID!]!) { moderateThankYous(ids: $ids, decision: APPROVE) { __typename } }`, {
      ids: [message.id],
    });
    expect(await recipients("THANK_YOU_APPROVED")).toEqual(["salon-leader"]);
    expect(await server.db.prisma.mailOutbox.count()).toBe(0);
    for (const input of [
      [],
      [
        { kind: "SHIFT_TOMORROW", mail: true },
        { kind: "SHIFT_TOMORROW", mail: false },
      ],
    ]) {
      const res = await leader.graphql<{ updateNotificationPreferences: { __typename: string; messageEn: string } }>(UPDATE, { input });
      expect(res.data!.updateNotificationPreferences.__typename).toBe("InvalidInputError");
    }
    await leader.graphql(UPDATE, { input: [{ kind: "THANK_YOU_APPROVED", mail: true }] });
  });

  it("answers the signed-out with FORBIDDEN", async () => {
    const res = await server.anonymous.graphql(`{ unreadNotificationCount }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("undelivered mail (staff)", () => {
  it("lists the organisation's mail given up or being retried, newest first, never a body; refuses everyone else", async () => {
    const other = await server.db.prisma.organization.create({
      data: { slug: "undelivered-other", name: "他の社協", nameEn: "Another council", municipality: "他市" },
    });
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 1, minute));
    await server.db.prisma.mailOutbox.createMany({
      data: [
        {
          orgId,
          to: "gaveup@hannan.example",
          subject: "差し戻し",
          text: "",
          status: "FAILED",
          attempts: 10,
          lastError: "550 no such user",
          createdAt: at(1),
        },
        {
          orgId,
          to: "retry@hannan.example",
          subject: "承認",
          text: "本文 https://x/?token=secret",
          attempts: 2,
          lastError: "ECONNREFUSED",
          createdAt: at(2),
          nextAttemptAt: new Date(Date.now() + 3_600_000),
        },
        { orgId, to: "waiting@hannan.example", subject: "招待", text: "本文", createdAt: at(3) },
        { orgId, to: "sent@hannan.example", subject: "送信済み", text: "", status: "SENT", attempts: 1, createdAt: at(4) },
        { orgId: other.id, to: "elsewhere@other.example", subject: "他の社協", text: "", status: "FAILED", attempts: 10, createdAt: at(5) },
      ],
    });
    const res = await staff.graphql<{
      undeliveredMails: Array<{ to: string; status: string; attempts: number; lastError: string | null; nextAttemptAt: string | null }>;
    }>(`{ undeliveredMails { to status attempts lastError nextAttemptAt } }`);
    expect(res.errors).toBeUndefined();
    const mine = res.data!.undeliveredMails.filter((m) => m.to.endsWith("@hannan.example"));
    expect(mine.map((m) => [m.to, m.status, m.attempts, m.lastError])).toEqual([
      ["retry@hannan.example", "RETRYING", 2, "ECONNREFUSED"],
      ["gaveup@hannan.example", "FAILED", 10, "550 no such user"],
    ]);
    expect(mine[0]!.nextAttemptAt).not.toBeNull();
    expect(mine[1]!.nextAttemptAt).toBeNull();
    expect(JSON.stringify(res.data)).not.toContain("elsewhere@other.example");
    for (const account of ["coordinator.ozaki", "salon-leader", "liaison"] as const) {
      const refused = await (await server.signIn(account)).graphql(`{ undeliveredMails { to } }`);
      expect(refused.errors?.[0]?.extensions?.code, account).toBe("FORBIDDEN");
    }
  });
});

describe("groupAccessWhere", () => {
  it("is groupAccess, for every demo account × group", async () => {
    const db = server.db.prisma;
    const groups = await db.group.findMany({ select: groupAccessSelect });
    for (const key of ACCOUNTS) {
      const viewer = (await loadViewer(users[key]!))!;
      const listed = (await db.group.findMany({ where: groupAccessWhere(viewer), select: { id: true } })).map((g) => g.id).sort();
      expect(listed, key).toEqual(
        groups
          .filter((g) => groupAccess(viewer, g))
          .map((g) => g.id)
          .sort(),
      );
      expect(listed.length, key).toBeGreaterThan(0);
    }
  });
});
