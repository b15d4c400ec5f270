// アカウント, as staff: invite a school coordinator (listed 送信済み), re-send the invitation (a new
// link; the mail goes out again), grant an existing account a salon-leader role and revoke it, and
// hand a school's coordinator role over to a new teacher in one step. One journey, one server.
import { expect, it } from "vitest";

import { appAndBrowserForThisFile, axeWhenStill, choose, field, newContext, openNav, screenshot, settled, signIn } from "@tsunagu/e2e";

const e2e = appAndBrowserForThisFile();
const OZAKI = "尾崎小学校 子ども福祉委員";
const SAKURA = "ふれあい喫茶 さくら";

it("staff invite a coordinator, re-send the invitation, grant and revoke a salon-leader role, and hand a school's coordinator role over", async () => {
  const prisma = e2e.app.db.prisma;
  const context = await newContext(e2e.browser, e2e.app);
  const page = await context.newPage();
  await signIn(page, "staff@hannan.example");
  await openNav(page, "アカウント");
  await page.waitForURL("**/accounts");
  await settled(page);
  await expect.poll(() => page.locator("main h1").textContent()).toBe("アカウントと役割");
  const main = page.getByRole("main");

  // invite a coordinator of 尾崎小
  await main.getByRole("button", { name: "招待する" }).click();
  const inviteDialog = page.getByRole("dialog", { name: "アカウントを招待" });
  await field(inviteDialog, "メールアドレス").fill("e2e.teacher@hannan.example");
  await field(inviteDialog, "氏名").fill("試験 先生");
  await choose(inviteDialog, "役割", "学校の担当");
  await choose(inviteDialog, "対象（団体・事業）", OZAKI);
  expect(await axeWhenStill(page)).toEqual([]);
  await inviteDialog.getByRole("button", { name: "招待メールを送る" }).click();
  await inviteDialog.waitFor({ state: "detached" });
  const invitationRow = main.locator('tr[data-invitation="e2e.teacher@hannan.example"]');
  await invitationRow.getByText("送信済み").waitFor();
  await main.locator('tr[data-account="e2e.teacher@hannan.example"]').getByText(OZAKI).waitFor();
  const mails = () => prisma.mailOutbox.findMany({ where: { to: "e2e.teacher@hannan.example" }, orderBy: { createdAt: "asc" } });
  expect(await mails()).toHaveLength(1);

  // re-send: a second mail with a new link; the row says it went out twice
  await invitationRow.getByRole("button", { name: "試験 先生 さんへの招待を再送" }).click();
  await invitationRow.getByText("2 回送信").waitFor();
  const [first, second] = await mails();
  const token = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1];
  expect(token(second!.text)).not.toBe(token(first!.text));
  await screenshot(page, "accounts-invited");

  // grant an existing account (鳥取東's coordinator) a salon-leader role, then revoke it
  const teacherEmail = "coordinator.tottori-higashi@hannan.example";
  const teacherRow = main.locator(`tr[data-account="${teacherEmail}"]`);
  await teacherRow.getByRole("button", { name: "役割を付与" }).click();
  const grantDialog = page.getByRole("dialog", { name: /さんに役割を付与$/ });
  await choose(grantDialog, "役割", "サロン代表");
  await choose(grantDialog, "対象（団体・事業）", SAKURA);
  await grantDialog.getByRole("button", { name: "付与する" }).click();
  await grantDialog.waitFor({ state: "detached" });
  await teacherRow.getByText(SAKURA).waitFor();
  const teacher = await prisma.user.findUniqueOrThrow({ where: { email: teacherEmail } });
  expect(await prisma.accessRoleAssignment.count({ where: { userId: teacher.id, role: "SALON_LEADER", revokedAt: null } })).toBe(1);
  await teacherRow.getByRole("button", { name: `サロン代表（${SAKURA}）を取り消す` }).click();
  const revokeDialog = page.getByRole("dialog", { name: "役割を取り消しますか" });
  await revokeDialog.getByRole("button", { name: "取り消す" }).click();
  await revokeDialog.waitFor({ state: "detached" });
  await expect.poll(() => teacherRow.getByText(SAKURA).count()).toBe(0);
  expect(await prisma.accessRoleAssignment.count({ where: { userId: teacher.id, role: "SALON_LEADER", revokedAt: null } })).toBe(0);
  const told = await prisma.mailOutbox.findMany({ where: { to: teacherEmail }, orderBy: { createdAt: "asc" } });
  expect(told.map((m) => m.subject)).toEqual(Array(2).fill("【ツナグ】アクセス権が変わりました / Your Tsunagu access changed"));

  // hand 尾崎小's coordinator role over from 北野 先生 to a new teacher, in one step
  const oldEmail = "coordinator.ozaki@hannan.example";
  const oldRow = main.locator(`tr[data-account="${oldEmail}"]`);
  await oldRow.getByRole("button", { name: `${OZAKI} の担当を引き継ぐ` }).click();
  const handOver = page.getByRole("dialog", { name: `${OZAKI} の担当を引き継ぐ` });
  await field(handOver, "メールアドレス").fill("april.teacher@hannan.example");
  await field(handOver, "氏名").fill("四月 先生");
  expect(await axeWhenStill(page)).toEqual([]);
  await handOver.getByRole("button", { name: "引き継ぐ" }).click();
  await handOver.waitFor({ state: "detached" });
  await expect.poll(() => oldRow.getByText(OZAKI).count()).toBe(0);
  await main.locator('tr[data-account="april.teacher@hannan.example"]').getByText(OZAKI).waitFor();
  await main.locator('tr[data-invitation="april.teacher@hannan.example"]').getByText("送信済み").waitFor();
  const old = await prisma.user.findUniqueOrThrow({ where: { email: oldEmail }, include: { accessRoles: true } });
  expect(old.accessRoles.every((r) => r.revokedAt !== null)).toBe(true);
  await settled(page);
  expect(await axeWhenStill(page)).toEqual([]);
  await screenshot(page, "accounts-handed-over");
  await context.close();
});
