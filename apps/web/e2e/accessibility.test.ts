// Every screen in every role's navigation, on a desktop and on a 360 px phone: zero axe-core
// violations of WCAG 2.2 A/AA, no horizontal scrolling on the phone, and the navigation shows only
// what the role may use; and the Content-Security-Policy the server sends refuses nothing the app
// does. Also the larger-text setting, the English switch and keyboard use.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import {
  appAndBrowserForThisFile,
  axeViolations,
  cspViolations,
  newContext,
  openNav,
  pageWidth,
  screenshot,
  settled,
  signIn,
  viewports,
} from "@tsunagu/e2e";

const e2e = appAndBrowserForThisFile();

async function navLinks(page: Page): Promise<Array<{ name: string; href: string }>> {
  const nav = page.getByRole("navigation", { name: "メインメニュー" });
  return nav
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => ({ name: a.textContent?.trim() ?? "", href: a.getAttribute("href") ?? "" })));
}

const roles = [
  {
    account: "staff@hannan.example",
    key: "staff",
    sees: ["/groups", "/approvals", "/audit", "/insurance", "/accounts"],
    // screens reached from a roster, not from the navigation: a person page (with contacts and
    // history) and a group's 連絡網 print view; and from the header's bell: the inbox (with staff's
    // 届かなかったメール) and its settings
    extra: async () => {
      const prisma = e2e.app.db.prisma;
      const sakura = await prisma.group.findFirstOrThrow({ where: { name: "ふれあい喫茶 さくら" }, select: { id: true } });
      const member = await prisma.membership.findFirstOrThrow({ where: { groupId: sakura.id, endedOn: null }, select: { personId: true } });
      return [`/people/${member.personId}`, `/groups/${sakura.id}/contacts/print`, "/notifications", "/notifications/settings"];
    },
  },
  {
    account: "coordinator.ozaki@hannan.example",
    key: "coordinator",
    sees: ["/child-volunteers", "/insurance"],
    never: ["/approvals", "/audit", "/accounts"],
  },
  {
    account: "event-bukai@hannan.example",
    key: "subcommittee",
    sees: ["/events", "/insurance"],
    never: ["/approvals", "/audit", "/child-volunteers", "/accounts"],
  },
  {
    account: "salon-leader@hannan.example",
    key: "salon-leader",
    sees: ["/groups", "/insurance"],
    never: ["/approvals", "/audit", "/child-volunteers", "/accounts"],
  },
  {
    account: "liaison@hannan.example",
    key: "liaison",
    sees: [],
    never: ["/approvals", "/audit", "/child-volunteers", "/groups", "/insurance", "/accounts"],
  },
];

describe.each(roles)("$key", ({ account, key, sees, never, extra }: (typeof roles)[number] & { extra?: () => Promise<string[]> }) => {
  it("every screen of the navigation passes axe on a desktop and at 360 px, with no horizontal scrolling", async () => {
    const context = await newContext(e2e.browser, e2e.app);
    const page = await context.newPage();
    await signIn(page, account);
    const links = await navLinks(page);
    const hrefs = links.map((l) => l.href);
    for (const path of sees) expect(hrefs).toContain(path);
    for (const path of never ?? []) expect(hrefs).not.toContain(path);

    const failures: Record<string, unknown> = {};
    for (const href of [...links.map((l) => l.href), ...((await extra?.()) ?? [])]) {
      await page.setViewportSize(viewports.desktop);
      await page.goto(href);
      await settled(page);
      const desktop = await axeViolations(page);
      if (desktop.length) failures[`${href} desktop`] = desktop;
      await screenshot(page, `a11y-${key}${href.replaceAll("/", "-") || "-home"}`);

      await page.setViewportSize(viewports.phone);
      await settled(page);
      const phone = await axeViolations(page);
      if (phone.length) failures[`${href} 360px`] = phone;
      const width = await pageWidth(page);
      if (width > viewports.phone.width) failures[`${href} 360px overflow`] = width;
      const refused = await cspViolations(page);
      if (refused.length) failures[`${href} Content-Security-Policy`] = refused;
    }
    expect(failures).toEqual({});
    await context.close();
  });
});

it("the screens outside the navigation — a log's details and its edit form — pass axe on a desktop and at 360 px", async () => {
  // the salon leader's returned log: its page shows the reason, and the edit form is the log form
  const log = await e2e.app.db.prisma.activityLog.findFirstOrThrow({
    where: { status: "REJECTED", submittedBy: { email: "salon-leader@hannan.example" } },
    select: { id: true },
  });
  const context = await newContext(e2e.browser, e2e.app);
  const page = await context.newPage();
  await signIn(page, "salon-leader@hannan.example");
  const failures: Record<string, unknown> = {};
  for (const href of [`/activity-logs/${log.id}`, `/activity-logs/${log.id}/edit`, "/activity-logs?status=REJECTED"]) {
    await page.setViewportSize(viewports.desktop);
    await page.goto(href);
    await settled(page);
    const desktop = await axeViolations(page);
    if (desktop.length) failures[`${href} desktop`] = desktop;
    await page.setViewportSize(viewports.phone);
    await settled(page);
    const phone = await axeViolations(page);
    if (phone.length) failures[`${href} 360px`] = phone;
    const width = await pageWidth(page);
    if (width > viewports.phone.width) failures[`${href} 360px overflow`] = width;
  }
  expect(failures).toEqual({});
  await context.close();
});

it("larger text, English and keyboard: the settings work and the skip link leads to the page", async () => {
  const context = await newContext(e2e.browser, e2e.app);
  const page = await context.newPage();
  await signIn(page, "staff@hannan.example");

  // keyboard: after an in-app navigation the new page's h1 has focus (announced by screen readers)
  await openNav(page, "活動記録");
  await settled(page);
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
  // on a page the browser loads, the first Tab reaches the skip link, which moves focus into main
  await page.reload();
  await settled(page);
  await page.keyboard.press("Tab");
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("本文へスキップ");
  await page.keyboard.press("Enter");
  await expect.poll(() => page.evaluate(() => location.hash)).toBe("#main");

  // larger text: the root font size grows and the page still passes axe
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await page.getByRole("button", { name: "表示の設定" }).click();
  await page.getByRole("switch", { name: "文字を大きくする" }).check();
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(after).toBeGreaterThanOrEqual(before * 1.2);
  // the settings are a small dialog: axe while it is open, then Escape closes it
  await page.getByRole("dialog", { name: "表示の設定" }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await page.getByRole("dialog", { name: "表示の設定" }).waitFor({ state: "detached" });
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "a11y-large-text");

  // English: the interface switches, <html lang> follows, and the choice survives a reload
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("navigation", { name: "Main menu" }).waitFor();
  expect(await page.getAttribute("html", "lang")).toBe("en");
  await page.reload();
  await page.getByRole("navigation", { name: "Main menu" }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "a11y-english");
  await context.close();
});
