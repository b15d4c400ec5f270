// お知らせ in the browser: a coordinator sees the bell's count for a log staff returned (through the
// API), opens the inbox and follows the notification to the log, and the bell empties (also on a
// phone); the イベント部会's 部会長 sees a sign-up moved up from the waiting list and chooses
// "app only" for that kind; staff see the mail the outbox gave up on. axe on the inbox and the settings.
import type { BrowserContext } from "playwright-core";
import { describe, expect, it } from "vitest";

import { appAndBrowserForThisFile, axeViolations, newContext, pageWidth, settled, signIn, signInByRequest, viewports } from "@tsunagu/e2e";

const e2e = appAndBrowserForThisFile();

/** a GraphQL call as staff, through the API as the app makes it */
async function asStaff(query: string, variables: Record<string, unknown>): Promise<unknown> {
  const context: BrowserContext = await newContext(e2e.browser, e2e.app);
  try {
    await signInByRequest(context, e2e.app, "staff@hannan.example");
    const res = await context.request.post(`${e2e.app.url}/graphql`, { data: { query, variables }, headers: { origin: e2e.app.url } });
    return await res.json();
  } finally {
    await context.close();
  }
}

async function userId(email: string) {
  return (await e2e.app.db.prisma.user.findUniqueOrThrow({ where: { email } })).id;
}

describe("notifications", () => {
  it("a coordinator follows the notification of a log staff returned, and the bell empties", async () => {
    const db = e2e.app.db.prisma;
    const coordinator = await userId("coordinator.ozaki@hannan.example");
    const role = await db.accessRoleAssignment.findFirstOrThrow({ where: { userId: coordinator, role: "SCHOOL_COORDINATOR" } });
    const type = await db.activityType.findFirstOrThrow({ where: { orgId: role.orgId, programmeId: null } });
    const log = await db.activityLog.create({
      data: {
        orgId: role.orgId,
        groupId: role.groupId!,
        activityTypeId: type.id,
        date: new Date("2026-11-20"),
        fiscalYear: 2026,
        minutes: 45,
        status: "SUBMITTED",
        submittedById: coordinator,
        submittedAt: new Date(),
      },
    });
    const answer = await asStaff(
      `mutation ($ids: [ID!]!) { rejectActivityLogs(ids: $ids, reason: "時間を確認してください") { __typename } }`,
      {
        ids: [log.id],
      },
    );
    expect(answer).toEqual({ data: { rejectActivityLogs: { __typename: "MutationRejectActivityLogsSuccess" } } });

    const context = await newContext(e2e.browser, e2e.app, viewports.phone);
    const page = await context.newPage();
    await signIn(page, "coordinator.ozaki@hannan.example");
    const bell = page.getByTestId("notification-bell");
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("お知らせ（未読 1 件）");
    await bell.click();
    await page.waitForURL("**/notifications");
    const item = page.getByRole("listitem").filter({ hasText: "活動記録が差し戻されました" });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getAttribute("data-unread")).toBe("true");
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await item.getByRole("button", { name: "開く" }).click();
    await page.waitForURL(`**/activity-logs/${log.id}`);
    await expect.poll(() => page.getByText("時間を確認してください").count()).toBeGreaterThan(0);
    // marked read: the bell has no count any more
    await expect.poll(() => bell.getAttribute("aria-label")).toBe("お知らせ");
    await context.close();
  });

  it("the 部会長 sees a sign-up moved up from the waiting list", async () => {
    const db = e2e.app.db.prisma;
    const chair = await db.user.findUniqueOrThrow({ where: { email: "event-bukai@hannan.example" } });
    const role = await db.accessRoleAssignment.findFirstOrThrow({ where: { userId: chair.id, role: "SUBCOMMITTEE_MEMBER" } });
    const startsAt = new Date(Date.now() + 20 * 86_400_000);
    const event = await db.event.create({
      data: {
        orgId: chair.orgId,
        groupId: role.groupId!,
        title: "e2e バザー輪投げ",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
      },
    });
    const shift = await db.shift.create({
      data: { orgId: chair.orgId, eventId: event.id, title: "午前の受付", startsAt, endsAt: event.endsAt, capacity: 1 },
    });
    const members = await db.membership.findMany({
      where: { groupId: role.groupId!, endedOn: null, person: { user: null } },
      distinct: ["personId"],
      take: 2,
    });
    const confirmed = await db.signUp.create({
      data: {
        orgId: chair.orgId,
        shiftId: shift.id,
        personId: members[0]!.personId,
        status: "CONFIRMED",
        signedUpAt: new Date(Date.now() - 60_000),
      },
    });
    await db.signUp.create({ data: { orgId: chair.orgId, shiftId: shift.id, personId: members[1]!.personId, status: "WAITLISTED" } });
    expect(await asStaff(`mutation ($id: ID!) { cancelSignUp(signUpId: $id) { __typename } }`, { id: confirmed.id })).toEqual({
      data: { cancelSignUp: { __typename: "MutationCancelSignUpSuccess" } },
    });

    const context = await newContext(e2e.browser, e2e.app);
    const page = await context.newPage();
    await signIn(page, "event-bukai@hannan.example");
    await page.getByTestId("notification-bell").click();
    const item = page.getByRole("listitem").filter({ hasText: "キャンセル待ちの方の参加が確定しました" });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain("e2e バザー輪投げ");
    await page.getByRole("button", { name: "すべて既読にする" }).click();
    await expect.poll(() => page.locator("[data-unread]").count()).toBe(0);
    // the settings: this kind in the app only, saved for the account
    await page.getByRole("link", { name: "お知らせの設定" }).click();
    const row = page.getByRole("row", { name: /キャンセル待ちからの繰り上げ/ });
    await row.getByText("アプリのみ").click();
    await expect
      .poll(() => db.notificationPreference.findFirst({ where: { userId: chair.id, kind: "WAITLIST_PROMOTED" }, select: { mail: true } }))
      .toEqual({ mail: false });
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("staff see the mail the outbox gave up on, with its address and error, and no other account sees the list", async () => {
    const db = e2e.app.db.prisma;
    const staff = await db.user.findUniqueOrThrow({ where: { email: "staff@hannan.example" } });
    await db.mailOutbox.create({
      data: {
        orgId: staff.orgId,
        to: "todokanai@hannan.example",
        subject: "【ツナグ】招待",
        text: "",
        status: "FAILED",
        attempts: 10,
        lastError: "550 5.1.1 no such user",
      },
    });
    const context = await newContext(e2e.browser, e2e.app);
    const page = await context.newPage();
    await signIn(page, "staff@hannan.example");
    await page.goto(`${e2e.app.url}/notifications`);
    const row = page.getByTestId("undelivered-mail").filter({ hasText: "todokanai@hannan.example" });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/送信失敗.*10回試行.*550 5\.1\.1 no such user/);
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();

    const coordinator = await newContext(e2e.browser, e2e.app);
    const other = await coordinator.newPage();
    await signIn(other, "coordinator.ozaki@hannan.example");
    await other.goto(`${e2e.app.url}/notifications`);
    await other.getByRole("heading", { name: "お知らせ" }).first().waitFor();
    await settled(other);
    expect(await other.getByText("届かなかったメール").count()).toBe(0);
    await coordinator.close();
  });
});
