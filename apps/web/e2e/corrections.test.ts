// Journey: corrections of activity logs. The salon leader sees the returned (差し戻し) log counted on
// the home page, opens it from the filtered list, reads the reason, edits it in the log form and
// resubmits it. Staff open it from 承認待ち and see who took part, approve it, then correct its
// minutes with a reason and find the former state under 訂正履歴. axe on the new screens.
import { expect, it } from "vitest";

import { appAndBrowserForThisFile, axeWhenStill, field, newContext, openNav, screenshot, settled, signIn } from "@tsunagu/e2e";

const e2e = appAndBrowserForThisFile();

/** a unique place, to find this journey's log in 承認待ち */
const PLACE = "e2e 訂正 尾崎公民館";

it("a salon leader fixes and resubmits a returned log; staff see its participants, approve it and correct it with history", async () => {
  const prisma = e2e.app.db.prisma;
  const returned = await prisma.activityLog.findFirstOrThrow({
    where: { status: "REJECTED", submittedBy: { email: "salon-leader@hannan.example" } },
    include: { participants: { include: { person: true } } },
  });
  const names = returned.participants.map((p) => p.person!.displayName ?? p.person!.legalName);
  expect(names.length).toBeGreaterThan(0);

  // ── the salon leader: home → returned count → the filtered list → edit → resubmit ──
  const leaderContext = await newContext(e2e.browser, e2e.app);
  const leader = await leaderContext.newPage();
  await signIn(leader, "salon-leader@hannan.example");
  await settled(leader);
  await expect.poll(() => leader.getByTestId("returned-count").textContent()).toMatch(/^1\s*件$/);
  await leader.getByRole("link", { name: /差し戻された活動記録を確認・修正する/ }).click();
  await leader.waitForURL("**/activity-logs?status=REJECTED");
  await settled(leader);
  await leader
    .getByText(/^1\s*件$/)
    .first()
    .waitFor();
  await leader.locator(`a[href="/activity-logs/${returned.id}/edit"]`).click();
  await leader.waitForURL(`**/activity-logs/${returned.id}/edit`);
  await settled(leader);
  // the reason it came back is on the form
  await leader.getByText(returned.rejectionReason!).waitFor();
  expect(await axeWhenStill(leader)).toEqual([]);
  await field(leader, "活動時間（分）").fill("75");
  await field(leader, "場所").fill(PLACE);
  await screenshot(leader, "corrections-edit-returned");
  await leader.getByRole("button", { name: "修正して再提出" }).click();
  await leader.waitForURL(`**/activity-logs/${returned.id}`);
  await settled(leader);
  await leader.getByText("承認待ち", { exact: true }).first().waitFor();
  await expect.poll(async () => (await prisma.activityLog.findUniqueOrThrow({ where: { id: returned.id } })).status).toBe("SUBMITTED");
  // once submitted, the leader may no longer edit it
  expect(await leader.getByRole("link", { name: "修正する" }).count()).toBe(0);
  await leaderContext.close();

  // ── staff: 承認待ち → details (participants) → approve → correct → 訂正履歴 ──
  const context = await newContext(e2e.browser, e2e.app);
  const page = await context.newPage();
  await signIn(page, "staff@hannan.example");
  await openNav(page, "承認待ち");
  await settled(page);
  const row = page.getByRole("row").filter({ hasText: PLACE });
  await row.getByRole("button", { name: /^詳細/ }).click();
  const dialog = page.getByRole("dialog", { name: "活動記録の詳細" });
  await dialog.waitFor();
  await dialog.getByText("75分").waitFor();
  for (const name of names) await dialog.getByText(name).first().waitFor();
  expect(await axeWhenStill(page)).toEqual([]);
  await screenshot(page, "corrections-approval-details");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "承認する" }).click();
  await expect.poll(async () => (await prisma.activityLog.findUniqueOrThrow({ where: { id: returned.id } })).status).toBe("APPROVED");

  await page.goto(`/activity-logs/${returned.id}`);
  await settled(page);
  await page.getByRole("link", { name: "訂正する" }).click();
  await page.waitForURL(`**/activity-logs/${returned.id}/edit`);
  await settled(page);
  await field(page, "活動時間（分）").fill("60");
  await field(page, "訂正の理由").fill("終了時刻の記入誤り");
  await page.getByRole("button", { name: "訂正を保存" }).click();
  await page.waitForURL(`**/activity-logs/${returned.id}`);
  await settled(page);
  const history = page.getByRole("table", { name: "訂正履歴" });
  await history.waitFor();
  // the approved 75 minutes, the correction's reason, and the returned log's edit before it
  await history.getByText(/承認済み.*75分/).waitFor();
  await history.getByText("終了時刻の記入誤り").waitFor();
  await history
    .getByText(/差し戻し/)
    .first()
    .waitFor();
  await page.getByText("60分").first().waitFor();
  const saved = await prisma.activityLog.findUniqueOrThrow({ where: { id: returned.id }, include: { participants: true } });
  expect(saved.status).toBe("APPROVED");
  expect(saved.participants.every((p) => p.minutes === 60)).toBe(true);
  expect(await axeWhenStill(page)).toEqual([]);
  await screenshot(page, "corrections-history");
  await context.close();
});
