// Dashboards, recognition, reports and the audit trail in the browser: the staff and coordinator
// dashboards (chart and cards, 360 px), a salon leader's thank-you going through staff moderation to
// the dashboard, a certificate issued and its PDF downloaded, the report's month chart and CSV, and
// the audit trail showing the approval. axe on every screen.
import { readFile } from "node:fs/promises";

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import {
  appAndBrowserForThisFile,
  axeViolations,
  choose,
  newContext,
  pageWidth,
  screenshot,
  select,
  settled,
  signIn,
  viewports,
} from "@tsunagu/e2e";

import { currentFiscalYear, formatFiscalYear } from "../src/lib/dates.ts";

const e2e = appAndBrowserForThisFile();

const SALON = "ふれあい喫茶 さくら";
const THANKS = `いつも温かいコーヒーをありがとう（e2e ${Date.now()}）`;

async function staffPage(): Promise<Page> {
  const context = await newContext(e2e.browser, e2e.app);
  const page = await context.newPage();
  await signIn(page, "staff@hannan.example");
  return page;
}

describe("dashboards", () => {
  it("staff: the month chart and every card, with no axe violations, also at 360 px", async () => {
    const page = await staffPage();
    await settled(page);
    const main = page.getByRole("main");
    await expect.poll(() => main.getByRole("img", { name: /月別活動時間のグラフ。合計 [\d,.]+ 時間/ }).count()).toBe(1);
    // the chart's figures are a table for screen readers: twelve months
    expect(
      await main
        .getByRole("table", { name: /月別活動時間/ })
        .locator("tbody tr")
        .count(),
    ).toBe(12);
    for (const heading of ["承認待ちの活動記録", "これからのイベント", "最近のありがとう"]) {
      await expect.poll(() => main.getByRole("heading", { level: 2, name: heading }).count()).toBe(1);
    }
    await expect.poll(() => main.getByRole("heading", { level: 2, name: /ボランティア活動保険 未加入/ }).count()).toBe(1);
    expect(await page.getByTestId("approval-count").textContent()).toMatch(/^\d+ 件$/);
    // the demo data has lapsed volunteers; the count is a number of people
    expect(await page.getByTestId("lapse-count").textContent()).toMatch(/^[1-9]\d* 人$/);
    expect(await main.getByRole("link", { name: "承認待ちの一覧へ" }).getAttribute("href")).toBe("/approvals");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "dashboard-staff");

    await page.setViewportSize(viewports.phone);
    await settled(page);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "dashboard-staff-phone");
    await page.context().close();
  });

  it("a coordinator: their logs and their school's uninsured, no staff cards", async () => {
    const context = await newContext(e2e.browser, e2e.app);
    const page = await context.newPage();
    await signIn(page, "coordinator.ozaki@hannan.example");
    await settled(page);
    const main = page.getByRole("main");
    await expect.poll(() => main.getByRole("img", { name: /月別活動時間のグラフ/ }).count()).toBe(1);
    await expect.poll(() => main.getByRole("heading", { level: 2, name: "提出中・下書きの活動記録" }).count()).toBe(1);
    await expect.poll(() => main.getByRole("heading", { level: 2, name: /ボランティア活動保険 未加入/ }).count()).toBe(1);
    expect(await main.getByRole("heading", { name: "承認待ちの活動記録" }).count()).toBe(0);
    expect(await main.getByRole("heading", { name: "これからのイベント" }).count()).toBe(0);
    // only the coordinator's school is named next to the uninsured
    const lapses = await main.getByRole("list", { name: "保険未加入の方" }).textContent();
    expect(lapses).toContain("尾崎小学校");
    expect(lapses).not.toContain(SALON);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "dashboard-coordinator");
    await context.close();
  });
});

describe("recognition, reports and the audit trail", () => {
  it("a salon leader's thank-you waits for staff, is approved and reaches the dashboard", async () => {
    const context = await newContext(e2e.browser, e2e.app);
    const leader = await context.newPage();
    await signIn(leader, "salon-leader@hannan.example");
    await leader.goto("/recognition");
    await settled(leader);
    // submitting with nothing chosen: the errors show next to the fields
    await leader.getByRole("button", { name: "ありがとうを登録する" }).click();
    await expect.poll(() => leader.getByText("宛先の団体を選んでください。").count()).toBe(1);
    await choose(leader, "宛先の団体", SALON);
    await leader.getByRole("textbox", { name: "差出人" }).fill("利用者のご家族");
    await leader.getByRole("textbox", { name: "メッセージ" }).fill(THANKS);
    await leader.getByRole("button", { name: "ありがとうを登録する" }).click();
    await leader.getByRole("status").filter({ hasText: "登録しました（確認待ち）" }).waitFor();
    expect(await axeViolations(leader)).toEqual([]);
    await context.close();

    const page = await staffPage();
    await page.goto("/recognition/moderation");
    await settled(page);
    const box = page.getByRole("checkbox", { name: `利用者のご家族 から ${SALON} へのメッセージを選択` });
    await box.waitFor();
    expect(await page.getByText(THANKS).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "recognition-moderation");
    await box.check();
    await page.getByRole("button", { name: "選んだメッセージを承認" }).click();
    await expect.poll(() => page.getByText(THANKS).count()).toBe(0);

    await page.goto("/");
    await settled(page);
    const recent = page.getByRole("region", { name: "最近のありがとう" });
    await expect.poll(() => recent.getByText(THANKS).count()).toBe(1);

    // the audit trail lists the approval, newest first
    await page.goto("/audit");
    await settled(page);
    const firstRow = page.getByRole("table", { name: "監査ログ" }).locator("tbody tr").first();
    await choose(page, "操作", "承認");
    await expect.poll(async () => firstRow.textContent()).toMatch(/承認.*ありがとうメッセージ/);
    expect(await firstRow.textContent()).toContain("あなた");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "audit");
    // the leader's message itself: created by another account, named with its e-mail
    await choose(page, "操作", "登録");
    await expect.poll(async () => firstRow.textContent()).toMatch(/登録.*ありがとうメッセージ/);
    expect(await firstRow.textContent()).toContain("salon-leader@hannan.example");
    await page.context().close();
  });

  it("staff issue a certificate for a volunteer and download its PDF", async () => {
    const page = await staffPage();
    await page.goto("/recognition");
    await settled(page);
    const form = page.locator("form", { has: page.getByRole("button", { name: "感謝状を発行する" }) });
    await choose(page, "贈る相手の団体", SALON);
    // the first member of the salon's roster (五十音 order), after 「団体に贈る」
    await select(page, "贈る相手").click();
    const member = page.getByRole("option").nth(1);
    await member.waitFor();
    const name = (await member.textContent())!.trim();
    await member.click();
    await form.getByRole("textbox", { name: "本文" }).fill("あなたは永年にわたりサロン活動に尽力されました。ここに感謝の意を表します。");
    await form.getByRole("button", { name: "感謝状を発行する" }).click();
    const link = page.getByRole("link", { name: new RegExp(`^第\\d+号（${name}）のPDFをダウンロード$`) });
    await link.waitFor();
    expect(await link.getAttribute("href")).toMatch(/^\/api\/certificates\/[0-9a-f-]+\.pdf$/);
    expect(await link.getAttribute("download")).not.toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "recognition");

    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    await page.context().close();
  });

  it("the report shows the month chart with its table and downloads the month CSV", async () => {
    const page = await staffPage();
    await page.goto("/reports");
    await settled(page);
    const main = page.getByRole("main");
    await expect.poll(() => main.getByRole("img", { name: /^月別の活動時間のグラフ。合計/ }).count()).toBe(1);
    expect(await main.getByRole("table", { name: "月別の活動時間" }).locator("tbody tr").count()).toBe(12);
    expect(Number((await page.getByTestId("total-activities").textContent())!.replace(/,/g, ""))).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "reports");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      main.getByRole("button", { name: "月別の活動時間のCSVをダウンロード" }).click(),
    ]);
    // the 年度 in 和暦, as the web app writes it (lib/dates.ts) — the API names the file on its own
    expect(download.suggestedFilename()).toBe(
      `活動実績_${formatFiscalYear(currentFiscalYear(), { calendar: "wareki", language: "ja" })}_月別.csv`,
    );
    const csv = await readFile((await download.path())!, "utf8");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("\uFEFF月,活動時間（時間）,活動件数,活動者数（実人数）,対象者数（延べ）");
    // staff see the juvenile programme on screen: the file says it leaves it out, and the screen
    // gives the file's totals — the same numbers as the file's 合計 line
    expect(lines.at(-1)).toMatch(/^※少年院ボランティアの活動は、少年法第61条の趣旨によりファイルには含めていません/);
    const [, hours, activities, volunteers] = lines.at(-2)!.split(",");
    const format = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 1 });
    expect(await page.getByTestId("juvenile-left-out").textContent()).toContain(
      `ファイルの合計は ${format.format(Number(hours))}時間・${format.format(Number(activities))}件・${format.format(Number(volunteers))}人です。`,
    );
    await page.context().close();
  });
});
