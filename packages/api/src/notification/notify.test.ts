// notify() on the demo data, in a transaction of its own as a caller's would be: who is told (only
// accounts that may read the record), once per dedupe key, the mail per new row in the recipient's
// language and by their preference, and nothing left behind when the caller's transaction fails.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Prisma } from "@tsunagu/db";
import { useDatabase } from "@tsunagu/db/client";
import { createTestDatabaseFrom, type TestDatabase } from "@tsunagu/db/testing";
import { demoTestData } from "@tsunagu/seed";

import { readApiEnv } from "../env.ts";
import { TEST_TODAY } from "../testing.ts";
import { notify, notifyMany } from "./notify.ts";
import { renderNotification } from "./text.ts";

let db: TestDatabase;
let orgId: string;
const users: Record<string, string> = {};
let ozakiLogId: string;
let ozakiGroup: string;

const PARAMS = { group: "尾崎小学校 子ども福祉委員", date: "2026-11-20", activityType: { ja: "見守り", en: "Watching over" } };

const returned =
  (recipients: string[], dedupeKey = "v1") =>
  (tx: Prisma.TransactionClient) =>
    notify(tx, { kind: "ACTIVITY_LOG_RETURNED", recipients, subject: { type: "ACTIVITY_LOG", id: ozakiLogId }, params: PARAMS, dedupeKey });

beforeAll(async () => {
  db = await createTestDatabaseFrom(demoTestData(TEST_TODAY));
  useDatabase(db);
  for (const u of await db.prisma.user.findMany({
    where: { email: { endsWith: "@hannan.example" } },
    select: { id: true, email: true, orgId: true },
  })) {
    users[u.email.split("@")[0]!] = u.id;
    orgId = u.orgId;
  }
  const role = await db.prisma.accessRoleAssignment.findFirstOrThrow({
    where: { userId: users["coordinator.ozaki"], role: "SCHOOL_COORDINATOR" },
  });
  ozakiGroup = role.groupId!;
  ozakiLogId = (await db.prisma.activityLog.findFirstOrThrow({ where: { groupId: ozakiGroup }, select: { id: true } })).id;
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(async () => {
  await db.prisma.notification.deleteMany();
  await db.prisma.notificationPreference.deleteMany();
  await db.prisma.mailOutbox.deleteMany();
  await db.prisma.user.updateMany({ data: { locale: "ja" } });
});

const everyone = () => Object.values(users);

describe("notify", () => {
  it("tells only the accounts that may read the record, and mails each of them once in Japanese", async () => {
    const inserted = await db.prisma.$transaction(returned(everyone()));
    // the school's coordinator and staff read the log; the other school's coordinator, the 部会, the salon and the liaison do not
    expect(inserted).toBe(2);
    const rows = await db.prisma.notification.findMany({ select: { recipientId: true, groupId: true, kind: true, readAt: true } });
    expect(rows.map((r) => r.recipientId).sort()).toEqual([users["coordinator.ozaki"], users.staff].sort());
    expect(rows.every((r) => r.groupId === ozakiGroup && r.kind === "ACTIVITY_LOG_RETURNED" && r.readAt === null)).toBe(true);
    const mails = await db.prisma.mailOutbox.findMany({ orderBy: { to: "asc" } });
    expect(mails.map((m) => m.to)).toEqual(["coordinator.ozaki@hannan.example", "staff@hannan.example"]);
    const { title, body } = renderNotification("ACTIVITY_LOG_RETURNED", PARAMS, "ja");
    expect(mails[0]!.orgId).toBe(orgId);
    expect(mails[0]!.subject).toBe(`【ツナグ】${title}`);
    expect(mails[0]!.text).toContain(body);
    expect(mails[0]!.text).toContain(`${readApiEnv().publicUrl}/activity-logs/${ozakiLogId}`);
    expect(body).toContain("令和8年11月20日");
  });

  it("inserts nothing and mails nothing the second time with the same dedupe key, and again with a new key", async () => {
    const recipients = [users["coordinator.ozaki"]!];
    expect(await db.prisma.$transaction(returned(recipients))).toBe(1);
    expect(await db.prisma.$transaction(returned(recipients))).toBe(0);
    expect(await db.prisma.notification.count()).toBe(1);
    expect(await db.prisma.mailOutbox.count()).toBe(1);
    // a recipient told already is skipped while a new one is told (and mailed) in the same call
    expect(await db.prisma.$transaction(returned([users["coordinator.ozaki"]!, users.staff!]))).toBe(1);
    expect((await db.prisma.mailOutbox.findMany()).map((m) => m.to).sort()).toEqual([
      "coordinator.ozaki@hannan.example",
      "staff@hannan.example",
    ]);
    // the same thing again later (returned a second time) is a new key
    expect(await db.prisma.$transaction(returned(recipients, "v2"))).toBe(1);
    expect(await db.prisma.mailOutbox.count()).toBe(3);
  });

  it("keeps the notification but sends no mail to an account that chose the app only; mails in English to an English account", async () => {
    await db.prisma.notificationPreference.create({ data: { orgId, userId: users.staff!, kind: "ACTIVITY_LOG_RETURNED", mail: false } });
    // a choice for another kind changes nothing here
    await db.prisma.notificationPreference.create({
      data: { orgId, userId: users["coordinator.ozaki"]!, kind: "ACTIVITY_LOG_APPROVED", mail: false },
    });
    await db.prisma.user.update({ where: { id: users["coordinator.ozaki"] }, data: { locale: "en" } });
    expect(await db.prisma.$transaction(returned(everyone()))).toBe(2);
    const mails = await db.prisma.mailOutbox.findMany();
    expect(mails.map((m) => m.to)).toEqual(["coordinator.ozaki@hannan.example"]);
    expect(mails[0]!.subject).toBe("[Tsunagu] An activity log was returned");
    expect(mails[0]!.text).toContain("20 November 2026");
    expect(mails[0]!.text).not.toContain("差し戻されました");
  });

  it("leaves nothing behind, neither row nor mail, when the caller's transaction fails", async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await returned(everyone())(tx);
        throw new Error("the caller's change failed");
      }),
    ).rejects.toThrow("the caller's change failed");
    expect(await db.prisma.notification.count()).toBe(0);
    expect(await db.prisma.mailOutbox.count()).toBe(0);
  });

  it("tells staff alone of an organisation-wide record, and nobody of another organisation", async () => {
    const other = await db.prisma.organization.create({
      data: { slug: "notify-other", name: "よそ", nameEn: "Other", municipality: "よそ" },
    });
    const stranger = await db.prisma.user.create({
      data: { id: "notify-stranger", name: "よその人", email: "stranger@other.example", orgId: other.id },
    });
    const n = await db.prisma.$transaction((tx) =>
      notify(tx, {
        kind: "INSURANCE_NEXT_YEAR_MISSING",
        recipients: [...everyone(), stranger.id],
        subject: { type: "ORGANIZATION", id: orgId },
        params: { fiscalYear: 2027, count: 3 },
        dedupeKey: "2027",
      }),
    );
    expect(n).toBe(1);
    expect((await db.prisma.notification.findMany()).map((r) => r.recipientId)).toEqual([users.staff]);
    expect((await db.prisma.mailOutbox.findFirstOrThrow()).text).toContain("令和9年度");
  });

  it("notifyMany: several subjects at once, each to its own readers, a repeat skipped", async () => {
    const role = await db.prisma.accessRoleAssignment.findFirstOrThrow({ where: { userId: users["salon-leader"], role: "SALON_LEADER" } });
    const salonLog = (await db.prisma.activityLog.findFirstOrThrow({ where: { groupId: role.groupId! }, select: { id: true } })).id;
    const input = (id: string, dedupeKey: string) => ({
      kind: "ACTIVITY_LOG_APPROVED" as const,
      recipients: everyone(),
      subject: { type: "ACTIVITY_LOG" as const, id },
      params: PARAMS,
      dedupeKey,
    });
    expect(await db.prisma.$transaction((tx) => notifyMany(tx, [input(ozakiLogId, "a"), input(salonLog, "b")]))).toBe(4);
    const rows = await db.prisma.notification.findMany({ select: { recipientId: true, subjectId: true } });
    const of = (id: string) =>
      rows
        .filter((r) => r.subjectId === id)
        .map((r) => r.recipientId)
        .sort();
    expect(of(ozakiLogId)).toEqual([users["coordinator.ozaki"], users.staff].sort());
    expect(of(salonLog)).toEqual([users["salon-leader"], users.staff].sort());
    expect(await db.prisma.$transaction((tx) => notifyMany(tx, [input(ozakiLogId, "a"), input(salonLog, "c")]))).toBe(2);
    expect(await db.prisma.mailOutbox.count()).toBe(6);
  });

  it("tells nobody, and reads nothing more, for an empty list", async () => {
    expect(await db.prisma.$transaction(returned([]))).toBe(0);
  });
});
