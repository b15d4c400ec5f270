// Groups (団体), as staff: create a salon from the groups page, edit it from its roster page, hand
// ふれあい喫茶 さくら's 代表 over to one of its members in one step (the previous 代表 stays a
// member; both keep the day they joined), add a registered volunteer as 代表 with the same hand-over,
// close the new salon and find it among the closed groups.
// Each dialog passes axe; the groups page with its closed section passes at 360 px too.
import { expect, it } from "vitest";

import {
  appAndBrowserForThisFile,
  axeViolations,
  axeWhenStill,
  choose,
  field,
  newContext,
  pageWidth,
  screenshot,
  settled,
  signIn,
  viewports,
} from "@tsunagu/e2e";

import { todayInJapan } from "../src/lib/dates.ts";

const e2e = appAndBrowserForThisFile();

const SAKURA = "ふれあい喫茶 さくら";
const NEW_SALON = "ひだまりサロン（e2e）";

it("staff create a salon, edit it, hand a 代表 over, close the salon and see it among the closed groups", async () => {
  const prisma = e2e.app.db.prisma;
  const today = todayInJapan();
  const sakura = await prisma.group.findFirstOrThrow({ where: { name: SAKURA }, select: { id: true } });
  const openRep = () =>
    prisma.membership.findMany({
      where: { groupId: sakura.id, endedOn: null, groupRole: { code: "representative" } },
      select: { personId: true },
    });
  const [previousRep] = await openRep();
  expect(previousRep).toBeDefined();
  // a current member (no nickname, started before today) to become the new 代表
  const successor = await prisma.membership.findFirstOrThrow({
    where: {
      groupId: sakura.id,
      endedOn: null,
      startedOn: { lt: new Date(`${today}T00:00:00Z`) },
      groupRole: { code: "member" },
      person: { displayName: null },
    },
    select: { startedOn: true, joinedOn: true, person: { select: { id: true, legalName: true, legalNameKana: true } } },
  });

  const context = await newContext(e2e.browser, e2e.app);
  const page = await context.newPage();
  await signIn(page, "staff@hannan.example");

  // create: one form, the kind chosen first
  await page.goto("/groups");
  await settled(page);
  await page.getByRole("button", { name: "グループを作成" }).click();
  const create = page.getByRole("dialog", { name: "グループを作成" });
  await create.waitFor();
  await create.getByRole("button", { name: "作成する" }).click();
  await create.getByText("グループ名を入力してください。").waitFor(); // next to the field, nothing sent
  await choose(create, "種別", "ふれあいサロン");
  await field(create, "グループ名").fill(NEW_SALON);
  await field(create, "ふりがな").fill("Hidamari");
  await choose(create, "地区", "尾崎");
  await field(create, "会場・場所").fill("尾崎住民センター");
  await create.getByRole("switch", { name: "まちなかほっこり相談を実施" }).check();
  expect(await axeWhenStill(page)).toEqual([]);
  await create.getByRole("button", { name: "作成する" }).click();
  // the API's message, next to the kana field
  await create.getByText("ふりがなは、ひらがなかカタカナで入力してください。").waitFor();
  await field(create, "ふりがな").fill("ヒダマリサロン");
  await create.getByRole("button", { name: "作成する" }).click();
  await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
  await settled(page);
  expect(await page.locator("main h1").textContent()).toBe(NEW_SALON);
  const salon = await prisma.group.findFirstOrThrow({ where: { name: NEW_SALON } });
  expect(salon).toMatchObject({ nameKana: "ひだまりさろん", venue: "尾崎住民センター", hostsHokkoriConsultation: true, endedOn: null });

  // edit, from the roster page
  await page.getByRole("button", { name: "グループを編集" }).click();
  const edit = page.getByRole("dialog", { name: `${NEW_SALON}を編集` });
  await edit.waitFor();
  expect(await field(edit, "グループ名").inputValue()).toBe(NEW_SALON);
  await field(edit, "開催日時").fill("毎月第1水曜 13:30〜15:00");
  expect(await axeWhenStill(page)).toEqual([]);
  await edit.getByRole("button", { name: "保存する" }).click();
  await edit.waitFor({ state: "detached" });
  await page.getByRole("main").getByText("毎月第1水曜 13:30〜15:00").waitFor();

  // さくら: a member becomes 代表, taking over from the current one in the same step
  await page.goto(`/groups/${sakura.id}`);
  await settled(page);
  await page.getByRole("searchbox", { name: "名簿を検索" }).fill(successor.person.legalNameKana);
  const rows = page.getByRole("region", { name: `${SAKURA}の名簿` }).locator("tbody tr");
  await expect.poll(() => rows.count()).toBe(1);
  await rows
    .first()
    .getByRole("button", { name: `${successor.person.legalName}さんの所属を変更` })
    .click();
  await page.getByRole("menuitem", { name: "役割を変更" }).click();
  const role = page.getByRole("dialog", { name: `${successor.person.legalName}さんの役割を変更` });
  await role.waitFor();
  // a salon's roles: no 部会長
  await role.getByRole("combobox", { name: /^新しい役割/ }).click();
  await page.getByRole("option", { name: "会計", exact: true }).waitFor();
  expect(await page.getByRole("option", { name: "部会長" }).count()).toBe(0);
  await page.getByRole("option", { name: "代表", exact: true }).click();
  await role.getByRole("checkbox", { name: "今の代表から引き継ぐ" }).check();
  await role.getByRole("combobox", { name: "前任の代表のその後" }).waitFor();
  expect(await axeWhenStill(page)).toEqual([]);
  await role.getByRole("button", { name: "役割を変更する" }).click();
  await role.waitFor({ state: "detached" });
  await expect.poll(async () => (await openRep()).map((m) => m.personId)).toEqual([successor.person.id]);
  const newRow = await prisma.membership.findFirstOrThrow({ where: { groupId: sakura.id, personId: successor.person.id, endedOn: null } });
  // the day they joined is kept
  expect(newRow.joinedOn?.toISOString()).toBe((successor.joinedOn ?? successor.startedOn).toISOString());
  const previous = await prisma.membership.findFirstOrThrow({
    where: { groupId: sakura.id, personId: previousRep!.personId, endedOn: null },
    include: { groupRole: { select: { code: true } } },
  });
  expect(previous.groupRole.code).toBe("member");
  await screenshot(page, "groups-hand-over");

  // adding a volunteer as 代表 offers the same hand-over (another salon, whose 代表 began before today)
  const before = new Date(`${today}T00:00:00Z`);
  const rep = await prisma.membership.findFirstOrThrow({
    where: {
      endedOn: null,
      startedOn: { lt: before },
      groupRole: { code: "representative" },
      group: { programme: { code: "salon" }, id: { not: sakura.id } },
    },
    select: { personId: true, group: { select: { id: true, name: true } } },
    orderBy: { id: "asc" },
  });
  const newcomer = await prisma.person.findFirstOrThrow({
    where: { childVolunteer: { is: null }, displayName: null, memberships: { some: { endedOn: null }, none: { groupId: rep.group.id } } },
    select: { id: true, legalName: true, legalNameKana: true },
    orderBy: { legalNameKana: "asc" },
  });
  await page.goto(`/groups/${rep.group.id}`);
  await settled(page);
  await page.getByRole("button", { name: "ボランティアを追加" }).click();
  const add = page.getByRole("dialog", { name: `${rep.group.name}にボランティアを追加` });
  await add.waitFor();
  await add.getByText("登録済みの人から選ぶ", { exact: true }).click();
  await field(add, "登録済みの人を探す").fill(newcomer.legalNameKana);
  await add.getByRole("radio", { name: new RegExp(`^${newcomer.legalName}（`) }).check();
  await choose(add, "役割", "代表");
  await add.getByRole("checkbox", { name: "今の代表から引き継ぐ" }).check();
  await add.getByRole("combobox", { name: "前任の代表のその後" }).waitFor();
  expect(await axeWhenStill(page)).toEqual([]);
  await add.getByRole("button", { name: "追加する" }).click();
  await add.waitFor({ state: "detached" });
  const repsOf = (groupId: string) =>
    prisma.membership.findMany({ where: { groupId, endedOn: null, groupRole: { code: "representative" } }, select: { personId: true } });
  await expect.poll(async () => (await repsOf(rep.group.id)).map((m) => m.personId)).toEqual([newcomer.id]);
  const formerRep = await prisma.membership.findFirstOrThrow({
    where: { groupId: rep.group.id, personId: rep.personId, endedOn: null },
    include: { groupRole: { select: { code: true } } },
  });
  expect(formerRep.groupRole.code).toBe("member");

  // close the new salon: it leaves the list of active groups for the closed ones
  await page.goto(`/groups/${salon.id}`);
  await settled(page);
  await page.getByRole("button", { name: "活動を終了" }).click();
  const close = page.getByRole("dialog", { name: `${NEW_SALON}の活動を終了` });
  await close.waitFor();
  expect(await axeWhenStill(page)).toEqual([]);
  await close.getByRole("button", { name: "活動を終了する" }).click();
  await close.waitFor({ state: "detached" });
  await page.getByText(/このグループは.*に活動を終了しました/).waitFor();
  expect(await page.getByRole("button", { name: "ボランティアを追加" }).isDisabled()).toBe(true);
  expect((await prisma.group.findUniqueOrThrow({ where: { id: salon.id } })).endedOn?.toISOString().slice(0, 10)).toBe(today);

  await page.goto("/groups");
  await settled(page);
  const closed = page.getByRole("region", { name: /活動を終了したグループ/ }).first();
  await closed.getByRole("link", { name: NEW_SALON }).waitFor();
  const active = page.getByRole("region", { name: /まちなかサロン・カフェ/ }).first();
  expect(await active.getByRole("link", { name: NEW_SALON }).count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize(viewports.phone);
  await settled(page);
  expect(await axeViolations(page)).toEqual([]);
  expect(await pageWidth(page)).toBeLessThanOrEqual(viewports.phone.width);
  await screenshot(page, "groups-closed");
  await context.close();
});
