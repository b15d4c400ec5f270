// The audit trail as staff read it: from a person's page (この人の記録) to the trail about that person,
// filtered by dates and by action, the person named in words on the row, and the CSV of the same
// filters downloaded (BOM, Japanese headers) — the download itself in the trail. One journey, one server.
import { readFileSync } from "node:fs";

import { expect, it } from "vitest";

import { appAndBrowserForThisFile, axeWhenStill, choose, field, newContext, screenshot, settled, signIn } from "@tsunagu/e2e";

import { formatDate, todayInJapan } from "../src/lib/dates.ts";

const e2e = appAndBrowserForThisFile();

it("staff filter the trail by date and action, see a person by name and download the CSV", async () => {
  const prisma = e2e.app.db.prisma;
  const person = await prisma.person.findFirstOrThrow({
    where: { displayName: { not: null }, childVolunteer: null },
    orderBy: { id: "asc" },
  });
  const name = person.displayName!;
  const coordinator = await prisma.user.findFirstOrThrow({ where: { email: "coordinator.ozaki@hannan.example" } });
  const now = new Date();
  await prisma.auditEvent.createMany({
    data: [
      { orgId: person.orgId, actorId: coordinator.id, action: "read", entity: "Person", entityId: person.id, at: now },
      { orgId: person.orgId, actorId: coordinator.id, action: "update", entity: "Person", entityId: person.id, at: now },
      // a read long ago: outside the dates chosen below
      {
        orgId: person.orgId,
        actorId: coordinator.id,
        action: "read",
        entity: "Person",
        entityId: person.id,
        at: new Date("2024-05-01T03:00:00Z"),
      },
    ],
  });

  const context = await newContext(e2e.browser, e2e.app);
  const page = await context.newPage();
  await signIn(page, "staff@hannan.example");

  // この人の記録: the person's page links to the trail about them
  await page.goto(`/people/${person.id}`);
  await settled(page);
  await page.getByRole("link", { name: "この人の記録（監査ログ）" }).click();
  await page.waitForURL("**/audit?**");
  await settled(page);
  const main = page.getByRole("main");
  await main.getByText(`対象：${name} の記録のみ`).waitFor();
  const rows = main.getByRole("table", { name: "監査ログ" }).locator("tbody tr");
  await expect.poll(() => rows.count()).toBe(3);

  // today only, reads only: the person by name, not by id
  const today = todayInJapan();
  await field(main, "開始日").fill(today.replaceAll("-", "/"));
  await field(main, "終了日").fill(today.replaceAll("-", "/"));
  await expect.poll(() => rows.count()).toBe(2);
  await choose(page, "操作", "閲覧");
  await expect.poll(() => rows.count()).toBe(1);
  const row = await rows.first().textContent();
  expect(row).toContain(name);
  expect(row).toContain("閲覧");
  expect(row).toContain("coordinator.ozaki@hannan.example");
  expect(row).not.toContain(person.id);
  expect(await axeWhenStill(page)).toEqual([]);
  await screenshot(page, "audit-filtered");

  // the CSV of the same filters
  const exportsBefore = await prisma.auditEvent.count({ where: { action: "export", entity: "AuditEvent" } });
  const [download] = await Promise.all([page.waitForEvent("download"), main.getByRole("button", { name: "CSVで書き出す" }).click()]);
  const day = formatDate(today, { calendar: "wareki", language: "ja" });
  expect(download.suggestedFilename()).toBe(`監査ログ_${day}_${day}.csv`);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFF日時,操作したアカウント,メールアドレス,操作,対象の種類,対象,対象ID,リクエストID\r\n")).toBe(true);
  const lines = csv.trimEnd().split("\r\n").slice(1);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`,閲覧,個人,${name},${person.id},`);
  expect(await prisma.auditEvent.count({ where: { action: "export", entity: "AuditEvent" } })).toBe(exportsBefore + 1);
  await context.close();
});
