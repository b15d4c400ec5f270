// Journey (b): a school coordinator keeps the school's 子ども福祉委員 — imports a CSV (a bad row is
// caught in the preview and nothing is saved; the corrected file is imported), records a guardian's
// consent, logs an activity (a child without consent is refused, with the server's message next to
// the participants), previews and applies the April rollover, and cannot see another school's
// children. Then staff approve the log in bulk and it leaves the queue. axe on every main screen.
import { expect, it } from "vitest";

import {
  appAndBrowserForThisFile,
  axeWhenStill,
  choose,
  field,
  newContext,
  openNav,
  pageWidth,
  screenshot,
  settled,
  signIn,
  viewports,
} from "@tsunagu/e2e";

const e2e = appAndBrowserForThisFile();

/** a unique place, to find this journey's log among the demo data's */
const PLACE = "尾崎 e2e 集会所";
const HEADER = "氏名,ふりがな,学年,保護者氏名,続柄,活動同意,写真同意";
const rows = (grade: number) => [
  "阪南 陽葵,はんなん ひまり,5,阪南 美咲,母,同意,同意",
  `尾崎 蓮,おざき れん,${grade},尾崎 健一,父,同意,不同意`,
  "箱作 結衣,はこつくり ゆい,4,箱作 由美,母,,",
];
const csv = (grade: number) => Buffer.from([HEADER, ...rows(grade)].join("\r\n") + "\r\n", "utf8");

async function ozakiChildCount(): Promise<number> {
  return e2e.app.db.prisma.childVolunteer.count({ where: { school: { name: "尾崎小学校" } } });
}

it("a coordinator imports, records consent, logs an activity and rolls over their own school only; staff approve", async () => {
  const prisma = e2e.app.db.prisma;
  const ozaki = await prisma.group.findFirstOrThrow({ where: { name: "尾崎小学校 子ども福祉委員" }, select: { id: true } });
  const tottori = await prisma.group.findFirstOrThrow({ where: { name: "鳥取東中学校 子ども福祉委員" }, select: { id: true } });
  // a seeded 尾崎 child whose guardian's form has not come back: logging for them is refused
  const noConsent = await prisma.childVolunteer.findFirstOrThrow({
    where: { school: { name: "尾崎小学校" }, status: "ACTIVE", consents: { none: { kind: "GUARDIAN_ACTIVITY", granted: true } } },
    select: { person: { select: { legalName: true } } },
  });
  // 鳥取東中学校's children who were never at 尾崎 (a first-year from 尾崎小 keeps an old membership there)
  const ozakiNames = new Set(
    (
      await prisma.childVolunteer.findMany({
        where: { school: { name: "尾崎小学校" } },
        select: { person: { select: { legalName: true } } },
      })
    ).map((c) => c.person.legalName),
  );
  const otherSchool = (
    await prisma.childVolunteer.findMany({
      where: { school: { name: "鳥取東中学校" }, person: { memberships: { every: { groupId: tottori.id } } } },
      select: { person: { select: { legalName: true } } },
    })
  )
    .map((c) => c.person.legalName)
    .filter((name) => !ozakiNames.has(name));
  expect(otherSchool.length).toBeGreaterThan(10);

  const context = await newContext(e2e.browser, e2e.app);
  const page = await context.newPage();
  // every GraphQL answer the coordinator's browser receives, to prove no other school's child is in one
  const answers: Array<Promise<string>> = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname === "/graphql") answers.push(response.text().catch(() => ""));
  });
  await signIn(page, "coordinator.ozaki@hannan.example");

  // ── the list: one school, so straight to it ──
  await openNav(page, "子ども福祉委員");
  await page.waitForURL(`**/child-volunteers/${ozaki.id}`);
  await settled(page);
  await expect.poll(() => page.getByRole("row").count()).toBeGreaterThan(10);
  const before = await ozakiChildCount();
  const activeBefore = await page.getByTestId("active-count").textContent();
  expect(activeBefore).toMatch(/^在籍 \d+人$/);
  await expect.poll(() => page.getByRole("row").filter({ hasText: noConsent.person.legalName }).getByText("未提出").count()).toBe(2); // neither form is back: 未提出, not 不同意
  expect(await axeWhenStill(page)).toEqual([]);
  await screenshot(page, "child-list");

  // ── CSV import: a bad row is marked in the preview, nothing is saved ──
  await page.getByRole("link", { name: "CSVで一括登録" }).click();
  await settled(page);
  await expect.poll(() => page.getByText("保護者メールアドレス").count()).toBeGreaterThan(0);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "見本のCSVをダウンロード" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await page.locator('input[type="file"]').setInputFiles({ name: "children.csv", mimeType: "text/csv", buffer: csv(9) });
  const badRow = page.locator('tr[data-status="INVALID"]');
  await badRow.waitFor();
  expect(await badRow.count()).toBe(1);
  expect(await badRow.textContent()).toContain("3行目「学年」: 尾崎小学校: 小学校の学年は1〜6年です（入力: 9）。");
  expect(await page.locator('tr[data-status="VALID"]').count()).toBe(2);
  expect(await page.getByRole("button", { name: /人を登録する$/ }).count()).toBe(0);
  expect(await ozakiChildCount()).toBe(before);
  expect(await axeWhenStill(page)).toEqual([]);
  await screenshot(page, "child-import-preview");

  // back to the list: still the same children
  await page.getByRole("link", { name: "名簿に戻る" }).click();
  await settled(page);
  await expect.poll(() => page.getByTestId("active-count").textContent()).toBe(activeBefore);

  // the corrected file: every row valid → imported
  await page.getByRole("link", { name: "CSVで一括登録" }).click();
  await settled(page);
  await page.locator('input[type="file"]').setInputFiles({ name: "children-fixed.csv", mimeType: "text/csv", buffer: csv(6) });
  await page.getByText("すべての行を取り込めます").waitFor();
  expect(await page.locator('tr[data-status="VALID"]').count()).toBe(3);
  await page.getByRole("button", { name: "3人を登録する" }).click();
  await page.waitForURL(`**/child-volunteers/${ozaki.id}`);
  await settled(page);
  for (const name of ["阪南 陽葵", "尾崎 蓮", "箱作 結衣"]) await page.getByRole("row").filter({ hasText: name }).waitFor();
  expect(await ozakiChildCount()).toBe(before + 3);

  // ── guardian consent for the child whose form had not come back ──
  const yui = page.getByRole("row").filter({ hasText: "箱作 結衣" });
  await expect.poll(() => yui.getByText("未提出").count()).toBe(2); // neither form is back: 未提出, not 不同意
  await page.getByRole("button", { name: "同意を記録（箱作 結衣さん）" }).click();
  const dialog = page.getByRole("dialog", { name: "箱作 結衣さんの同意を記録" });
  await dialog.waitFor();
  expect(await dialog.getByLabel("同意者（保護者）の氏名").inputValue()).toBe("箱作 由美");
  expect(await dialog.getByLabel("同意書の版").inputValue()).toBe("2025-04");
  expect(await axeWhenStill(page)).toEqual([]);
  await dialog.getByRole("button", { name: "記録する" }).click();
  await dialog.waitFor({ state: "hidden" });
  await expect.poll(() => yui.getByText("同意あり").count()).toBe(1);

  // ── register one child: the server's issue appears next to the field ──
  await page.getByRole("link", { name: "1人ずつ登録" }).click();
  await settled(page);
  await field(page, "氏名").fill("泉 一郎");
  await field(page, "ふりがな").fill("泉一郎");
  await choose(page, "学年", "5年");
  await field(page, "保護者氏名").fill("泉 花子");
  await page.getByRole("button", { name: "登録する" }).click();
  const kanaError = page.getByText("ふりがなはひらがなで入力してください。");
  await kanaError.waitFor();
  // next to the field: the input is described by the message
  const describedBy = await field(page, "ふりがな").getAttribute("aria-describedby");
  expect(describedBy).toContain(await kanaError.getAttribute("id"));
  expect(await axeWhenStill(page)).toEqual([]);
  expect(await ozakiChildCount()).toBe(before + 3);

  // ── log an activity: a child without consent is refused; then it is submitted ──
  await openNav(page, "活動記録");
  await settled(page);
  expect(await axeWhenStill(page)).toEqual([]);
  await page.getByRole("link", { name: "活動を記録" }).click();
  await settled(page);
  await choose(page, "活動の種類", "見守り");
  await page.getByRole("checkbox", { name: "箱作 結衣", exact: true }).check();
  await page.getByRole("checkbox", { name: noConsent.person.legalName, exact: true }).check();
  await page.getByLabel("場所").fill(PLACE);
  await page.getByLabel("対象者数（延べ）").fill("12");
  expect(await axeWhenStill(page)).toEqual([]);
  await screenshot(page, "activity-log-new");
  await page.getByRole("button", { name: "提出して承認を依頼" }).click();
  await page.getByText(`${noConsent.person.legalName}さんは保護者の活動参加同意（有効なもの）がないため、活動を記録できません。`).waitFor();
  expect(await prisma.activityLog.count({ where: { place: PLACE } })).toBe(0);
  await page.getByRole("checkbox", { name: noConsent.person.legalName, exact: true }).uncheck();
  await page.getByRole("button", { name: "提出して承認を依頼" }).click();
  await page.getByText("活動を記録し、承認を依頼しました").waitFor();
  // 箱作 結衣 has no volunteer insurance this year: logged, with a warning
  await page.getByText("ボランティア活動保険に未加入の参加者がいます（1人）").waitFor();
  expect(await axeWhenStill(page)).toEqual([]);
  const log = await prisma.activityLog.findFirstOrThrow({
    where: { place: PLACE },
    select: { status: true, participants: { select: { personId: true } } },
  });
  expect(log.status).toBe("SUBMITTED");
  expect(log.participants).toHaveLength(1);

  // ── 同意の履歴: the consent recorded above is in force; withdrawn as of today, the record is kept ──
  await openNav(page, "子ども福祉委員");
  await page.waitForURL(`**/child-volunteers/${ozaki.id}`);
  await settled(page);
  await page.getByRole("button", { name: "同意の履歴（箱作 結衣さん）" }).click();
  const history = page.getByRole("dialog", { name: "箱作 結衣さんの同意の履歴" });
  const record = history.getByTestId("consent-record").filter({ hasText: "保護者同意（活動参加）" });
  await record.waitFor();
  expect(await record.textContent()).toContain("有効");
  expect(await record.textContent()).toContain("箱作 由美さん");
  expect(await axeWhenStill(page)).toEqual([]);
  await record.getByRole("button", { name: "撤回を記録" }).click();
  await record.getByRole("button", { name: "撤回する" }).click();
  await record.getByText(/に終了$/).waitFor();
  expect(await record.textContent()).not.toContain("有効");
  await page.keyboard.press("Escape");
  await history.waitFor({ state: "hidden" });
  await expect.poll(() => yui.getByText("撤回", { exact: true }).count()).toBe(1);
  const yuiConsents = await prisma.consent.findMany({
    where: { childVolunteer: { person: { legalName: "箱作 結衣" } } },
    select: { kind: true, granted: true, withdrawnAt: true },
  });
  expect(yuiConsents).toEqual([{ kind: "GUARDIAN_ACTIVITY", granted: true, withdrawnAt: expect.any(Date) as Date }]);

  // ── the April rollover: preview, apply, then it is marked as applied ──
  await page.goto(`/child-volunteers/${ozaki.id}/rollover`);
  await settled(page);
  await page.getByRole("heading", { name: "令和9年度の進級処理の内容" }).waitFor();
  const hinata = page.getByRole("row").filter({ hasText: "阪南 陽葵" });
  expect(await hinata.getByRole("cell").allTextContents()).toEqual(expect.arrayContaining(["5年", "6年", "進級"]));
  expect(await page.getByRole("row").filter({ hasText: "尾崎 蓮" }).getByText("卒業（卒業生へ）").count()).toBe(1);
  expect(await axeWhenStill(page)).toEqual([]);
  await screenshot(page, "child-rollover");
  await page.getByRole("button", { name: "進級処理を実行する" }).click();
  await page.getByRole("dialog").getByText("来年度の進級処理です").waitFor();
  expect(await axeWhenStill(page)).toEqual([]);
  await page.getByRole("dialog").getByRole("button", { name: "実行する" }).click();
  await page.getByText("この年度の進級処理は実行済みです").waitFor();
  expect(await page.getByRole("button", { name: "進級処理を実行する" }).isDisabled()).toBe(true);
  expect(
    (await prisma.childVolunteer.findFirstOrThrow({ where: { person: { legalName: "尾崎 蓮" } }, select: { status: true } })).status,
  ).toBe("ALUMNI");

  // ── another school's children: refused, and never sent to this browser ──
  await page.goto(`/child-volunteers/${tottori.id}`);
  await settled(page);
  await page.getByText("この学校の子ども福祉委員は表示できません").waitFor();
  expect(await page.getByRole("table").count()).toBe(0);
  const text = (await page.locator("body").textContent()) ?? "";
  for (const name of otherSchool) expect(text).not.toContain(name);
  const bodies = await Promise.all(answers);
  expect(bodies.join("\n")).toContain("箱作 結衣"); // the capture works: the own school's child is there
  for (const name of otherSchool) expect(bodies.join("\n")).not.toContain(name);
  await context.close();

  // ── the log form on a 360 px phone ──
  const phone = await newContext(e2e.browser, e2e.app, viewports.phone);
  const phonePage = await phone.newPage();
  await signIn(phonePage, "coordinator.ozaki@hannan.example");
  await phonePage.goto("/activity-logs/new");
  await settled(phonePage);
  await phonePage.getByRole("checkbox", { name: "箱作 結衣", exact: true }).waitFor();
  expect(await axeWhenStill(phonePage)).toEqual([]);
  expect(await pageWidth(phonePage)).toBeLessThanOrEqual(viewports.phone.width);
  await screenshot(phonePage, "activity-log-new-phone");
  await phone.close();

  // ── staff approve the submitted log in bulk; it leaves the queue and earns a milestone ──
  const staff = await newContext(e2e.browser, e2e.app);
  const staffPage = await staff.newPage();
  await signIn(staffPage, "staff@hannan.example");
  await openNav(staffPage, "承認待ち");
  await settled(staffPage);
  const row = staffPage.getByRole("row").filter({ hasText: PLACE });
  await row.waitFor();
  await row.getByRole("checkbox", { name: /^選択: / }).check();
  await staffPage.getByText(/件中 1件を選択$/).waitFor();
  expect(await axeWhenStill(staffPage)).toEqual([]);
  await screenshot(staffPage, "approvals");
  await staffPage.getByRole("button", { name: "承認する" }).click();
  await staffPage.getByText("箱作 結衣さん:「はじめての活動」").waitFor();
  await expect.poll(() => row.count()).toBe(0);
  expect((await prisma.activityLog.findFirstOrThrow({ where: { place: PLACE }, select: { status: true } })).status).toBe("APPROVED");

  // staff's screens of this area on a 360 px phone: the queue, and the school picker of every school
  await staffPage.setViewportSize(viewports.phone);
  for (const path of ["/approvals", "/child-volunteers", `/child-volunteers/${tottori.id}`, "/activity-logs"]) {
    await staffPage.goto(path);
    await settled(staffPage);
    expect(await axeWhenStill(staffPage), path).toEqual([]);
    expect(await pageWidth(staffPage), path).toBeLessThanOrEqual(viewports.phone.width);
  }
  // staff see every school, 鳥取東中学校's children included
  const active = await prisma.childVolunteer.findFirstOrThrow({
    where: { school: { name: "鳥取東中学校" }, status: "ACTIVE" },
    select: { person: { select: { legalName: true } } },
  });
  await staffPage.goto(`/child-volunteers/${tottori.id}`);
  await staffPage.getByRole("row").filter({ hasText: active.person.legalName }).first().waitFor();
  await staff.close();
}, 600_000);
