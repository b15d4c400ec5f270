// Journey (a): 社協 staff sign in, find a salon's roster by its kana reading, add a volunteer already
// registered elsewhere, approve a submitted activity log, and download a 感謝状 for the new member.
// (The time to this roster's first screen is measured by `npm run bench:first-screen`.)
import { readFileSync } from "node:fs";

import type { Page } from "playwright-core";
import { expect, it } from "vitest";

import {
  appAndBrowserForThisFile,
  axeViolations,
  axeWhenStill,
  choose,
  field,
  newContext,
  openNav,
  screenshot,
  select,
  settled,
  signIn,
} from "@tsunagu/e2e";

import { formatDate, todayInJapan } from "../src/lib/dates.ts";

const e2e = appAndBrowserForThisFile();

const SAKURA = "ふれあい喫茶 さくら";
const toKatakana = (s: string) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function rosterRows(page: Page) {
  return page
    .getByRole("region", { name: `${SAKURA}の名簿` })
    .getByRole("table")
    .locator("tbody tr");
}

it("staff find a salon by kana, add a registered volunteer to its roster, approve a log and download a certificate", async () => {
  const prisma = e2e.app.db.prisma;
  const today = new Date(`${todayInJapan()}T00:00:00Z`);
  const sakura = await prisma.group.findFirstOrThrow({ where: { name: SAKURA }, select: { id: true } });
  const current = { OR: [{ endedOn: null }, { endedOn: { gte: today } }] };
  const rosterSize = await prisma.membership.count({ where: { groupId: sakura.id, ...current } });
  // an adult volunteer of another salon, never on さくら's roster, whose name and kana no one shares
  const candidates = await prisma.person.findMany({
    where: {
      childVolunteer: { is: null },
      displayName: null,
      memberships: { some: { ...current, group: { programme: { code: "salon" }, id: { not: sakura.id } } }, none: { groupId: sakura.id } },
    },
    select: { id: true, legalName: true, legalNameKana: true },
    orderBy: { legalNameKana: "asc" },
  });
  const everyone = await prisma.person.findMany({ select: { legalName: true, legalNameKana: true } });
  const volunteer = candidates.find(
    (p) => everyone.filter((q) => q.legalNameKana === p.legalNameKana || q.legalName === p.legalName).length === 1,
  )!;
  expect(volunteer).toBeDefined();
  // the newest log in the approval queue
  const submitted = await prisma.activityLog.findFirstOrThrow({
    where: { status: "SUBMITTED" },
    orderBy: [{ date: "desc" }, { id: "asc" }],
    select: { id: true, date: true, group: { select: { name: true } } },
  });
  const queueBefore = await prisma.activityLog.count({ where: { status: "SUBMITTED" } });

  const context = await newContext(e2e.browser, e2e.app);
  const page = await context.newPage();
  await signIn(page, "staff@hannan.example");
  await settled(page);
  await screenshot(page, "staff-dashboard");

  // ── 事業・グループ → the salon by its kana reading → its roster ──
  await openNav(page, "事業・グループ");
  await settled(page);
  await page.getByRole("searchbox", { name: "グループを検索" }).fill("キッサ さくら");
  const main = page.getByRole("main");
  await expect.poll(() => main.getByRole("link", { name: "東鳥取ふれあい喫茶" }).count()).toBe(0);
  await main.getByRole("link", { name: SAKURA, exact: true }).click();
  await page.waitForURL(`**/groups/${sakura.id}`);
  await settled(page);
  await expect.poll(() => rosterRows(page).count()).toBe(rosterSize);

  // ── add the registered volunteer, found by their kana in katakana ──
  await page.getByRole("button", { name: "ボランティアを追加" }).click();
  const dialog = page.getByRole("dialog", { name: `${SAKURA}にボランティアを追加` });
  await dialog.waitFor();
  await dialog.getByText("登録済みの人から選ぶ", { exact: true }).click();
  // nobody picked: the form says so next to the list, and nothing is sent
  await field(dialog, "登録済みの人を探す").fill(toKatakana(volunteer.legalNameKana));
  const pick = dialog.getByRole("radio", { name: new RegExp(`^${escape(volunteer.legalName)}（`) });
  await pick.waitFor();
  // the candidate's current groups are shown, so staff know whom they are adding
  expect(await dialog.getByText(/^所属：/).count()).toBeGreaterThan(0);
  await dialog.getByRole("button", { name: "追加する" }).click();
  await dialog.getByText("追加する人を選んでください。").waitFor();
  expect(await prisma.membership.count({ where: { groupId: sakura.id, personId: volunteer.id } })).toBe(0);
  await pick.check();
  await choose(dialog, "役割", "サポーター");
  await dialog.getByRole("button", { name: "追加する" }).click();
  await dialog.waitFor({ state: "detached" });
  await expect.poll(() => rosterRows(page).count()).toBe(rosterSize + 1);
  await page.getByRole("searchbox", { name: "名簿を検索" }).fill(volunteer.legalNameKana);
  await expect.poll(() => rosterRows(page).count()).toBe(1);
  await expect.poll(() => rosterRows(page).first().textContent()).toContain(volunteer.legalName);
  expect(await rosterRows(page).first().textContent()).toContain("サポーター");
  const membership = await prisma.membership.findFirstOrThrow({
    where: { groupId: sakura.id, personId: volunteer.id },
    select: { endedOn: true, groupRole: { select: { name: true } } },
  });
  expect(membership).toMatchObject({ endedOn: null, groupRole: { name: "サポーター" } });
  expect(await axeWhenStill(page)).toEqual([]);
  await screenshot(page, "staff-roster-added");

  // ── approve the newest submitted log ──
  await openNav(page, "承認待ち");
  await settled(page);
  const date = formatDate(submitted.date.toISOString().slice(0, 10), { calendar: "wareki", language: "ja" });
  const tick = page.getByRole("checkbox", { name: new RegExp(`^選択: ${escape(date)} ${escape(submitted.group.name)} `) }).first();
  await tick.check();
  await page.getByText(`${queueBefore}件中 1件を選択`).waitFor();
  expect(await axeWhenStill(page)).toEqual([]);
  await page.getByRole("button", { name: "承認する" }).click();
  await expect.poll(() => prisma.activityLog.count({ where: { status: "SUBMITTED" } })).toBe(queueBefore - 1);
  await page.getByText(`${queueBefore - 1}件中 0件を選択`).waitFor();
  const approved = await prisma.activityLog.findMany({
    where: { status: "APPROVED", reviewedAt: { gte: new Date(Date.now() - 10 * 60_000) } },
    select: { id: true, reviewedBy: { select: { email: true } } },
  });
  expect(approved).toEqual([{ id: submitted.id, reviewedBy: { email: "staff@hannan.example" } }]);

  // ── a 感謝状 for the new member, downloaded as PDF ──
  await openNav(page, "感謝・表彰");
  await settled(page);
  const form = page.locator("form", { has: page.getByRole("button", { name: "感謝状を発行する" }) });
  await choose(page, "贈る相手の団体", SAKURA);
  await select(page, "贈る相手").click();
  await page.getByRole("option", { name: volunteer.legalName, exact: true }).click();
  await form
    .getByRole("textbox", { name: "本文" })
    .fill("あなたはサロンの運営に心を尽くしてくださいました。ここに深く感謝の意を表します。");
  await form.getByRole("button", { name: "感謝状を発行する" }).click();
  const link = page.getByRole("link", { name: new RegExp(`^第\\d+号（${escape(volunteer.legalName)}）のPDFをダウンロード$`) });
  await link.waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(10_000); // the embedded Japanese font
  const certificate = await prisma.certificate.findFirstOrThrow({ where: { personId: volunteer.id }, select: { issuedById: true } });
  expect(certificate.issuedById).not.toBeNull();
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "staff-certificate");
  await context.close();
}, 300_000);
