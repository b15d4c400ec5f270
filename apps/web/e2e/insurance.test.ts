// ボランティア活動保険, as staff: the lapse list filtered by programme, two people ticked and enrolled
// with a receipt number (they leave the list), one enrolment corrected on the 加入者 tab, the 加入申込
// CSV downloaded (BOM, Japanese headers), and the 年度更新 previewed and confirmed (nothing changes
// before). One journey, one server.
import { readFileSync } from "node:fs";

import { expect, it } from "vitest";

import { appAndBrowserForThisFile, axeWhenStill, choose, field, newContext, openNav, screenshot, settled, signIn } from "@tsunagu/e2e";

import { currentFiscalYear, formatFiscalYear, todayInJapan } from "../src/lib/dates.ts";

const e2e = appAndBrowserForThisFile();
const SALONS = "まちなかサロン・カフェ";

it("staff filter the uninsured, enrol two, correct one, download the 加入申込 CSV and roll the year over", async () => {
  const prisma = e2e.app.db.prisma;
  const FY = currentFiscalYear();
  const today = new Date(`${todayInJapan()}T00:00:00Z`);
  const current = { OR: [{ endedOn: null }, { endedOn: { gte: today } }] };
  const salonLapses = await prisma.person.count({
    where: {
      insuranceEnrolments: { none: { fiscalYear: FY } },
      memberships: { some: { ...current, group: { programme: { name: SALONS } } } },
    },
  });
  expect(salonLapses).toBeGreaterThanOrEqual(2);

  const context = await newContext(e2e.browser, e2e.app);
  const page = await context.newPage();
  await signIn(page, "staff@hannan.example");
  await openNav(page, "ボランティア保険");
  await page.waitForURL("**/insurance");
  await settled(page);
  await expect.poll(() => page.locator("main h1").textContent()).toBe("ボランティア活動保険");
  const main = page.getByRole("main");

  // 未加入者, filtered by programme
  const lapseTable = main.getByRole("table", { name: /未加入者/ });
  const lapseRows = lapseTable.locator("tbody tr");
  await expect.poll(() => lapseRows.count()).toBeGreaterThan(salonLapses);
  await choose(page, "事業", SALONS);
  await expect.poll(() => lapseRows.count()).toBe(salonLapses);

  // tick two and enrol them with a receipt number
  const names = await lapseRows.evaluateAll((rows) => rows.slice(0, 2).map((r) => r.querySelectorAll("td")[1]!.textContent!.trim()));
  for (const name of names) await main.getByRole("checkbox", { name: `${name}を選択` }).check();
  await main.getByText("2人を選択中").waitFor();
  await main.getByRole("button", { name: "選択した人を加入登録" }).click();
  const dialog = page.getByRole("dialog", { name: /加入を記録（2人）/ });
  await field(dialog, "受付番号").fill("E2E-001");
  expect(await axeWhenStill(page)).toEqual([]);
  await dialog.getByRole("button", { name: "加入を記録する" }).click();
  await dialog.waitFor({ state: "detached" });
  await expect.poll(() => lapseRows.count()).toBe(salonLapses - 2);
  for (const name of names) expect(await lapseTable.getByRole("cell", { name, exact: true }).count()).toBe(0);
  const enrolled = await prisma.insuranceEnrolment.findMany({ where: { fiscalYear: FY, reference: "E2E-001" }, include: { person: true } });
  expect(enrolled.map((e) => e.person.displayName ?? e.person.legalName).sort()).toEqual([...names].sort());
  await screenshot(page, "insurance-lapses");

  // the 加入申込 CSV of what is shown: UTF-8 with a BOM and Japanese headers
  const [download] = await Promise.all([page.waitForEvent("download"), main.getByRole("button", { name: "加入申込CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`保険加入申込_${formatFiscalYear(FY, { calendar: "wareki", language: "ja" })}_未加入者.csv`);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.startsWith(`\uFEFF氏名,ふりがな,表示名,生年,住所,電話番号,事業,所属団体,地区,活動開始日,${FY}年度 保険\r\n`)).toBe(true);
  expect(csv.trimEnd().split("\r\n")).toHaveLength(salonLapses - 2 + 1);
  for (const e of enrolled) expect(csv).not.toContain(e.person.legalName);

  // 加入者: correct one enrolment's reference number
  await main.getByRole("tab", { name: "加入者", exact: true }).click();
  const first = names[0]!;
  await main.getByRole("searchbox", { name: "加入者を名前で絞り込む" }).fill(first);
  await main.getByRole("button", { name: `${first}の加入記録を訂正` }).click();
  const edit = page.getByRole("dialog", { name: `加入記録の訂正: ${first}` });
  expect(await field(edit, "受付番号").inputValue()).toBe("E2E-001");
  await field(edit, "受付番号").fill("E2E-002");
  await edit.getByRole("button", { name: "訂正を保存" }).click();
  await edit.waitFor({ state: "detached" });
  await main.getByRole("cell", { name: "E2E-002", exact: true }).waitFor();
  const corrected = enrolled.find((e) => (e.person.displayName ?? e.person.legalName) === first)!;
  expect((await prisma.insuranceEnrolment.findUniqueOrThrow({ where: { id: corrected.id } })).reference).toBe("E2E-002");

  // 年度更新: preview (nothing written), then confirm
  await main.getByRole("tab", { name: "年度更新", exact: true }).click();
  const summary = main.getByRole("status").filter({ hasText: "人を加入登録します" });
  await summary.waitFor();
  const toEnrol = Number(/^(\d+)人/.exec((await summary.textContent())!)![1]);
  expect(toEnrol).toBeGreaterThan(0);
  expect(await prisma.insuranceEnrolment.count({ where: { fiscalYear: FY + 1 } })).toBe(0);
  expect(await axeWhenStill(page)).toEqual([]);
  await main.getByRole("button", { name: "年度更新を確定する" }).click();
  const confirm = page.getByRole("dialog", { name: /の年度更新$/ });
  const early = confirm.getByRole("checkbox", { name: "3月より前ですが、年度更新を行います" });
  if (await early.count()) {
    expect(await confirm.getByRole("button", { name: "確定する" }).isDisabled()).toBe(true);
    await early.check();
  }
  await confirm.getByRole("button", { name: "確定する" }).click();
  await page.getByText(`${toEnrol}人を加入登録しました`).waitFor();
  await main.getByText("加入登録する人はいません。").waitFor();
  expect(await prisma.insuranceEnrolment.count({ where: { fiscalYear: FY + 1 } })).toBe(toEnrol);
  await screenshot(page, "insurance-rollover");
  await context.close();
});
