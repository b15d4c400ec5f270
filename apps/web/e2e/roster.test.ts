// 事業・グループ、名簿、人物: staff find a salon by its kana, search its roster by a member's
// katakana ふりがな, open the member's person page, export the roster as CSV, add a NEW volunteer
// with a role and end a membership (kept as history), and open the print view. A salon leader sees
// only their own salon, and its roster at 360 px passes axe with no horizontal scrolling. Opening a
// roster asks for the group as soon as the route matches (the route loaders), each query once.
import { readFileSync } from "node:fs";

import type { Page } from "playwright-core";
import { expect, it } from "vitest";

import {
  appAndBrowserForThisFile,
  axeViolations,
  axeWhenStill,
  field,
  newContext,
  pageWidth,
  screenshot,
  settled,
  signIn,
  signInByRequest,
  viewports,
} from "@tsunagu/e2e";

import { currentFiscalYear, formatFiscalYear, todayInJapan } from "../src/lib/dates.ts";

const e2e = appAndBrowserForThisFile();

const SAKURA = "ふれあい喫茶 さくら";
/** the new volunteer this journey registers (katakana ふりがな: stored as hiragana) */
const NEW_NAME = "泉 はるか";
const NEW_KANA = "イズミ ハルカ";
const END_REASON = "本人の申し出により（e2e）";

const toKatakana = (s: string) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

function rosterTable(page: Page) {
  return page.getByRole("region", { name: `${SAKURA}の名簿` }).getByRole("table");
}

it("staff find a salon by kana, search its roster, open a person, export CSV, add a new volunteer and end a membership", async () => {
  const prisma = e2e.app.db.prisma;
  const sakura = await prisma.group.findFirstOrThrow({ where: { name: SAKURA }, select: { id: true } });
  // a current member without a nickname whose family-name kana no other current member shares
  // current: not ended, or ending today or later (as the API counts)
  const today = new Date(`${todayInJapan()}T00:00:00Z`);
  const members = await prisma.membership.findMany({
    where: { groupId: sakura.id, OR: [{ endedOn: null }, { endedOn: { gte: today } }] },
    select: { person: { select: { id: true, legalName: true, legalNameKana: true, displayName: true } } },
  });
  const family = (p: { legalNameKana: string }) => p.legalNameKana.split(" ")[0]!;
  const member = members
    .map((m) => m.person)
    .find((p) => p.displayName === null && members.filter((m) => family(m.person) === family(p)).length === 1)!;
  expect(member).toBeDefined();

  const context = await newContext(e2e.browser, e2e.app);
  const page = await context.newPage();
  await signIn(page, "staff@hannan.example");

  // 事業・グループ: the salon found by its kana reading
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "事業・グループ", exact: true }).click();
  await page.mouse.move(640, 5);
  await settled(page);
  await expect.poll(() => page.getByRole("heading", { level: 2, name: /まちなかサロン・カフェ/ }).count()).toBe(1);
  // juvenile cohorts are never listed here
  expect(await page.getByRole("heading", { level: 2, name: /少年院/ }).count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "roster-groups");
  await page.getByRole("searchbox", { name: "グループを検索" }).fill("キッサ さくら");
  const main = page.getByRole("main");
  await expect.poll(() => main.getByRole("link", { name: "東鳥取ふれあい喫茶" }).count()).toBe(0);
  await main.getByRole("link", { name: SAKURA, exact: true }).click();
  await page.waitForURL(`**/groups/${sakura.id}`);
  await settled(page);
  expect(await page.locator("main h1").textContent()).toBe(SAKURA);

  // the roster, searched by the member's family name in katakana
  const rows = rosterTable(page).locator("tbody tr");
  await expect.poll(() => rows.count()).toBe(members.length);
  await page.getByRole("searchbox", { name: "名簿を検索" }).fill(toKatakana(family(member)));
  await expect.poll(() => rows.count()).toBe(1);
  await expect.poll(() => rows.first().textContent()).toContain(member.legalName);
  expect(await rows.first().textContent()).toContain(member.legalNameKana);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "roster-roster");

  // the person page
  await rows.first().getByRole("link", { name: member.legalName }).click();
  await page.waitForURL(`**/people/${member.id}`);
  await settled(page);
  expect(await page.locator("main h1").textContent()).toBe(member.legalName);
  const memberships = page.getByRole("region", { name: "所属の履歴" });
  await memberships.getByRole("link", { name: SAKURA }).waitFor();
  await page.getByRole("heading", { level: 2, name: "年度ごとの活動（承認済み）" }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "roster-person");
  await page.goBack();
  await page.waitForURL(`**/groups/${sakura.id}`);
  await settled(page);

  // CSV: the API's file name, its header and the member
  await page.getByRole("searchbox", { name: "名簿を検索" }).fill("");
  await expect.poll(() => rows.count()).toBe(members.length);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "CSVをダウンロード" }).click()]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^名簿_ふれあい喫茶.さくら_${formatFiscalYear(currentFiscalYear(), { calendar: "wareki", language: "ja" })}\\.csv$`),
  );
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFF名前,氏名,ふりがな,役割,開始日,終了日,終了理由,")).toBe(true);
  expect(csv).toContain(`${member.legalName},${member.legalName},${member.legalNameKana},`);

  // a NEW volunteer, registered and placed as サポーター
  await page.getByRole("button", { name: "ボランティアを追加" }).click();
  const dialog = page.getByRole("dialog", { name: `${SAKURA}にボランティアを追加` });
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "追加する" }).click();
  await dialog.getByText("氏名を入力してください。").waitFor(); // next to the field, nothing sent
  await field(page, "氏名").fill(NEW_NAME);
  await field(page, "ふりがな").fill("Izumi");
  await dialog.getByRole("combobox", { name: /^役割/ }).click();
  await page.getByRole("option", { name: "サポーター", exact: true }).click();
  await dialog.getByRole("button", { name: "追加する" }).click();
  // the server's message, next to the kana field
  await dialog.getByText("ふりがなは、ひらがなかカタカナで入力してください。").waitFor();
  expect(await prisma.person.count({ where: { legalName: NEW_NAME } })).toBe(0);
  await field(page, "ふりがな").fill(NEW_KANA);
  await dialog.getByRole("button", { name: "追加する" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.getByRole("searchbox", { name: "名簿を検索" }).fill("いずみ はるか");
  await expect.poll(() => rows.count()).toBe(1);
  const added = rows.first();
  await expect.poll(() => added.textContent()).toContain(NEW_NAME);
  expect(await added.textContent()).toContain("サポーター");
  expect(await added.textContent()).toContain("いずみ はるか");
  const person = await prisma.person.findFirstOrThrow({ where: { legalName: NEW_NAME }, select: { id: true, legalNameKana: true } });
  expect(person.legalNameKana).toBe("いずみ はるか");

  // ending that membership (today, the day it started): the row stays, ended, with its reason and
  // no more changes (a membership ending today is still current until the day is over)
  await added.getByRole("button", { name: `${NEW_NAME}さんの所属を変更` }).click();
  await page.getByRole("menuitem", { name: "所属を終了" }).click();
  const end = page.getByRole("dialog", { name: `${NEW_NAME}さんの所属を終了` });
  await end.waitFor();
  await field(page, "終了の理由").fill(END_REASON);
  await end.getByRole("button", { name: "所属を終了する" }).click();
  await end.waitFor({ state: "detached" });
  await expect.poll(() => rows.first().textContent()).toContain(END_REASON);
  expect(
    await rows
      .first()
      .getByRole("button", { name: `${NEW_NAME}さんの所属を変更` })
      .count(),
  ).toBe(0);
  await page.getByRole("switch", { name: "終了した所属（履歴）も表示" }).check();
  await expect.poll(() => rows.count()).toBe(1);
  const ended = await prisma.membership.findFirstOrThrow({
    where: { personId: person.id, groupId: sakura.id },
    select: { endedOn: true, endReason: true },
  });
  expect(ended.endedOn).not.toBeNull();
  expect(ended.endReason).toBe(END_REASON);
  expect(await axeWhenStill(page)).toEqual([]);

  // the print view: the whole roster, no navigation on paper
  await page.getByRole("searchbox", { name: "名簿を検索" }).fill("");
  await page.getByRole("link", { name: "印刷用の表示" }).click();
  await page.waitForURL(`**/groups/${sakura.id}/print**`);
  await settled(page);
  expect(await page.locator("main h1").textContent()).toBe(`${SAKURA} 名簿`);
  await page.getByRole("button", { name: "印刷" }).waitFor();
  // with the history, as the roster was shown: every membership the salon ever had
  const everyMembership = await prisma.membership.count({ where: { groupId: sakura.id } });
  await expect.poll(() => page.locator("main table tbody tr").count()).toBe(everyMembership);
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ media: "print" });
  expect(await page.getByRole("navigation", { name: "メインメニュー" }).isVisible()).toBe(false);
  expect(await page.getByRole("button", { name: "印刷" }).isVisible()).toBe(false);
  await screenshot(page, "roster-print");
  await context.close();
});

it("a salon leader sees only their salon; its roster at 360 px passes axe without horizontal scrolling", async () => {
  const prisma = e2e.app.db.prisma;
  const asahi = await prisma.group.findFirstOrThrow({ where: { name: "いきいきサロン朝日" }, select: { id: true } });
  const context = await newContext(e2e.browser, e2e.app, viewports.phone);
  const page = await context.newPage();
  await signIn(page, "salon-leader@hannan.example");
  await page.goto("/groups");
  await settled(page);
  const main = page.getByRole("main");
  await expect.poll(() => main.getByRole("table").locator("tbody tr").count()).toBe(1);
  expect(await main.getByRole("link").allTextContents()).toEqual([SAKURA]);
  expect(await axeViolations(page)).toEqual([]);
  expect(await pageWidth(page)).toBeLessThanOrEqual(viewports.phone.width);

  await main.getByRole("link", { name: SAKURA }).click();
  await rosterTable(page).waitFor();
  await settled(page);
  // the leader may change their salon's rows but not register new people (staff only)
  expect(await page.getByRole("button", { name: "ボランティアを追加" }).count()).toBe(0);
  expect(await page.getByRole("button", { name: "CSVをダウンロード" }).count()).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  expect(await pageWidth(page)).toBeLessThanOrEqual(viewports.phone.width);
  await screenshot(page, "roster-roster-phone");

  // another salon's roster is not theirs to open
  await page.goto(`/groups/${asahi.id}`);
  await page.getByRole("heading", { level: 1, name: "名簿を表示できません" }).waitFor();
  expect(await page.locator("main h1").textContent()).toBe("名簿を表示できません");
  await context.close();
});

it("opening a roster asks for the group before the layout has rendered, and for the viewer, the group and the first page once each", async () => {
  const sakura = await e2e.app.db.prisma.group.findFirstOrThrow({ where: { name: SAKURA }, select: { id: true } });
  const context = await newContext(e2e.browser, e2e.app);
  await signInByRequest(context, e2e.app, "staff@hannan.example");
  const page = await context.newPage();
  const sent: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname !== "/graphql") return;
    sent.push((request.postDataJSON() as { operationName?: string } | null)?.operationName ?? "?");
  });
  await page.goto(`/groups/${sakura.id}`);
  await rosterTable(page).locator("tbody tr").first().waitFor();
  await settled(page);

  // the layout asks for the organisation's name when it renders: the group's request went out
  // before, from the route's loader, beside the viewer's (not after it)
  expect(sent).toContain("LayoutOrganization");
  expect(sent.indexOf("RosterGroup")).toBeGreaterThanOrEqual(0);
  expect(sent.indexOf("RosterGroup")).toBeLessThan(sent.indexOf("LayoutOrganization"));
  // the screens read the loaders' answers (or join their requests): nothing is asked twice
  expect(sent.filter((name) => name === "Viewer")).toHaveLength(1);
  expect(sent.filter((name) => name === "RosterGroup")).toHaveLength(1);
  expect(sent.filter((name) => name === "RosterPage")).toHaveLength(1);
  await context.close();
});
