// The person master, as staff: edit a salon member's details on their person page (phone and
// e-mail then shown there), register the same person again from another salon's roster (warned
// with a link to the existing record, then confirmed), merge that duplicate into the original from
// the person page (preview, confirm; the history says so), and print さくら's 連絡網. Each dialog
// passes axe.
import { expect, it } from "vitest";

import { appAndBrowserForThisFile, axeWhenStill, field, newContext, screenshot, settled, signIn } from "@tsunagu/e2e";

const e2e = appAndBrowserForThisFile();

const SAKURA = "ふれあい喫茶 さくら";
const ASAHI = "いきいきサロン朝日";
const PHONE = "072-471-5555";
const EMAIL = "person-master@example.jp";

it("staff edit a person, see the contacts, are warned of a duplicate, merge it and print the 連絡網", async () => {
  const prisma = e2e.app.db.prisma;
  const [sakura, asahi] = await Promise.all(
    [SAKURA, ASAHI].map((name) => prisma.group.findFirstOrThrow({ where: { name }, select: { id: true } })),
  );
  // a member of さくら only (not of 朝日), no nickname, no child record, no account
  const person = await prisma.person.findFirstOrThrow({
    where: {
      displayName: null,
      childVolunteer: null,
      user: null,
      memberships: { some: { groupId: sakura!.id, endedOn: null }, none: { groupId: asahi!.id } },
    },
    select: { id: true, legalName: true, legalNameKana: true },
    orderBy: { id: "asc" },
  });

  const context = await newContext(e2e.browser, e2e.app);
  const page = await context.newPage();
  await signIn(page, "staff@hannan.example");

  // edit on the person page: the contacts appear there
  await page.goto(`/people/${person.id}`);
  await settled(page);
  await page.getByRole("button", { name: "編集", exact: true }).click();
  const edit = page.getByRole("dialog", { name: `${person.legalName}さんの情報を編集` });
  await edit.waitFor();
  await field(edit, "電話番号").fill("call me");
  await edit.getByRole("button", { name: "保存する" }).click();
  await edit.getByText("電話番号の形式が正しくありません。").waitFor(); // the API's message, next to the field
  await field(edit, "電話番号").fill(PHONE);
  await field(edit, "メールアドレス").fill(EMAIL);
  expect(await axeWhenStill(page)).toEqual([]);
  await edit.getByRole("button", { name: "保存する" }).click();
  await edit.waitFor({ state: "detached" });
  const contacts = page.getByRole("region", { name: "連絡先" });
  await expect.poll(() => contacts.textContent()).toContain(PHONE);
  expect(await contacts.textContent()).toContain(EMAIL);
  expect(await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ phone: PHONE, email: EMAIL });

  // the same person registered again from 朝日's roster: warned, with a link to the existing record
  await page.goto(`/groups/${asahi!.id}`);
  await settled(page);
  await page.getByRole("button", { name: "ボランティアを追加" }).click();
  const add = page.getByRole("dialog", { name: `${ASAHI}にボランティアを追加` });
  await add.waitFor();
  await field(add, "氏名").fill(person.legalName);
  await field(add, "ふりがな").fill(person.legalNameKana);
  await add.getByRole("button", { name: "追加する" }).click();
  const warning = add.getByRole("alert").filter({ hasText: "同じ人がすでに登録されていませんか？" });
  await warning.waitFor();
  await warning.getByRole("link", { name: new RegExp(person.legalName) }).waitFor();
  expect(await prisma.person.count({ where: { legalName: person.legalName } })).toBe(1);
  expect(await axeWhenStill(page)).toEqual([]);
  await warning.getByRole("checkbox", { name: "別の人です。このまま登録します" }).check();
  await add.getByRole("button", { name: "追加する" }).click();
  await add.waitFor({ state: "detached" });
  const duplicate = await prisma.person.findFirstOrThrow({ where: { legalName: person.legalName, id: { not: person.id } } });

  // merge the duplicate into the original: preview, confirm
  await page.goto(`/people/${person.id}`);
  await settled(page);
  await page.getByRole("button", { name: "重複を統合" }).click();
  const merge = page.getByRole("dialog", { name: `${person.legalName}さんに重複した記録を統合` });
  await merge.waitFor();
  await field(merge, "登録済みの人を探す").fill(person.legalNameKana);
  // both records are found: the duplicate is the one in 朝日
  await merge
    .getByRole("radio", { name: new RegExp(person.legalName) })
    .nth(1)
    .waitFor();
  const radios = merge.getByRole("radio", { name: new RegExp(person.legalName) });
  const labels = await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  await radios.nth(labels.indexOf(duplicate.id)).check();
  await merge.getByText("所属 1 件").waitFor();
  expect(await axeWhenStill(page)).toEqual([]);
  await merge.getByRole("button", { name: "統合する" }).click();
  await merge.waitFor({ state: "detached" });
  expect(await prisma.person.count({ where: { id: duplicate.id } })).toBe(0);
  expect(await prisma.membership.count({ where: { personId: person.id, groupId: asahi!.id } })).toBe(1);
  const history = page.getByRole("region", { name: "この記録の履歴" });
  await expect.poll(() => history.textContent()).toContain("重複した記録を統合");
  await screenshot(page, "person-master-person");

  // さくら's 連絡網: names in 五十音 order with phone and e-mail
  await page.goto(`/groups/${sakura!.id}`);
  await settled(page);
  await page.getByRole("link", { name: "連絡網を印刷" }).click();
  await page.waitForURL(/\/contacts\/print$/);
  await settled(page);
  const table = page.getByRole("table");
  await expect.poll(() => table.textContent()).toContain(PHONE);
  const kana = await table.locator("tbody tr td:nth-child(3)").allTextContents();
  const sorted = [...kana].sort((a, b) => a.localeCompare(b, "ja"));
  expect(kana.filter(Boolean)).toEqual(sorted.filter(Boolean));
  expect(await axeWhenStill(page)).toEqual([]);
  await screenshot(page, "person-master-contacts-print");
  await context.close();
});
