import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";

import { axeViolations, demoAccounts, launchBrowser, newContext, screenshot, signIn, startApp, type AppUnderTest } from "@tsunagu/e2e";

let app: AppUnderTest;
let browser: Browser;
beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

it("signs in", async () => {
  const page = await (await newContext(browser, app)).newPage();
  await page.goto("/");
  await expect.poll(() => page.url()).toContain("/sign-in");
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "sign-in");
  await signIn(page, demoAccounts[0]!.email);
  await page.getByRole("heading", { level: 1, name: "ホーム" }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "home");
});
