// Browser-test harness: the whole product (API + built web app, as `npm start` serves it) on a fresh
// embedded database with the Hannan demo data, and Debian's headless Chromium driven by
// playwright-core. Screenshots go to the git-ignored .artifacts/screenshots/ when E2E_SCREENSHOTS=1.
import { mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";

import axe from "axe-core";
import { pino } from "pino";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

import { readApiEnv } from "@tsunagu/api";
import { todayInJapan } from "@tsunagu/db";
import { useDatabase } from "@tsunagu/db/client";
import { repoRoot } from "@tsunagu/db/env";
import { createTestDatabaseFrom, type TestDatabase } from "@tsunagu/db/testing";
import { DEMO_PASSWORD, demoAccounts, demoTestData } from "@tsunagu/seed";
import { createServer } from "@tsunagu/server/app";

import { e2eEnv } from "./env.ts";

export { DEMO_PASSWORD, demoAccounts };
export const screenshotDir = path.join(repoRoot, ".artifacts/screenshots");
export const webDir = e2eEnv.webDir ?? path.join(repoRoot, "apps/web/dist");

export interface AppUnderTest {
  url: string;
  db: TestDatabase;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** the product on a fresh embedded (PGlite, in memory) database loaded with the demo data as of today */
export async function startApp(): Promise<AppUnderTest> {
  // a copy of the demo data as of today, seeded once for all the files of a day
  const db = await createTestDatabaseFrom(demoTestData(todayInJapan()), "embedded");
  useDatabase(db);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // as behind a proxy on this machine: each browser context names its address in X-Forwarded-For
  const env = readApiEnv({
    NODE_ENV: "production",
    BETTER_AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456",
    PUBLIC_URL: url,
    TRUST_PROXY: "loopback",
  });
  const { app } = await createServer(env, pino({ level: "silent" }), webDir);
  const server = app.listen(port, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    url,
    db,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await db.drop();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: e2eEnv.chromium,
    headless: !e2eEnv.headed,
    // this machine's network is closed: no background connections, no update checks
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

export const viewports = {
  desktop: { width: 1280, height: 860 },
  /** the narrowest phone the app supports */
  phone: { width: 360, height: 740 },
};

let contexts = 0;

/**
 * A fresh browser context (its own cookies) in Japanese, in Japan's time zone. Each context comes
 * from its own address (X-Forwarded-For, as a proxy would set it): sign-in is rate-limited per
 * address, and a test signs in more often than one person would.
 */
export async function newContext(browser: Browser, app: AppUnderTest, viewport = viewports.desktop): Promise<BrowserContext> {
  contexts += 1;
  const context = await browser.newContext({
    baseURL: app.url,
    viewport,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    // as a reader who turned animations off: screens are still as soon as they render
    reducedMotion: "reduce",
    acceptDownloads: true,
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${contexts % 250}` },
  });
  context.setDefaultTimeout(20_000);
  // every Content-Security-Policy violation of every page, for cspViolations()
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  return context;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.getByRole("navigation", { name: "メインメニュー" }).waitFor();
}

/**
 * signs in through the API alone, as the sign-in page would: the context gets the session cookie
 * without loading (and caching) any of the app, for measuring a cold first screen
 */
export async function signInByRequest(context: BrowserContext, app: AppUnderTest, email: string, password = DEMO_PASSWORD): Promise<void> {
  const res = await context.request.post(`${app.url}/api/auth/sign-in/email`, { data: { email, password }, headers: { origin: app.url } });
  if (!res.ok()) throw new Error(`sign-in as ${email} failed: ${res.status()} ${await res.text()}`);
}

/** what the page's Content-Security-Policy refused since it loaded (directive and blocked URI) */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core's WCAG 2.0/2.1/2.2 A and AA rules on the page as it is now. Every rule runs on every
 * node; only the violations are collected (`resultTypes`: axe then skips building selectors for
 * each passing node, most of a run's time on a long page).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
}

/**
 * saves .artifacts/screenshots/<name>.png (full page) when E2E_SCREENSHOTS=1, for a person checking
 * the screens by eye; otherwise nothing (no test reads a screenshot, and a full-page capture is a
 * large share of Chromium's work)
 */
export async function screenshot(page: Page, name: string): Promise<string | undefined> {
  if (!e2eEnv.screenshots) return undefined;
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
export { axeWhenStill, choose, field, openNav, pageWidth, select, settled } from "./page.ts";

export interface Harness {
  /** the product under test (started before the file's tests) */
  readonly app: AppUnderTest;
  /** the Chromium of the worker running the file (shared by its files, one browser context each) */
  readonly browser: Browser;
}

let workerBrowser: Promise<Browser> | undefined;

/**
 * The Chromium of this Vitest worker: launched by its first test file and kept for the next ones
 * (the files of a worker share its modules), so a file pays for a browser context, not a browser.
 * Playwright ends it when the worker process exits; one that has died is launched again.
 */
async function browserOfThisWorker(): Promise<Browser> {
  const current = await workerBrowser?.catch(() => undefined);
  if (current?.isConnected()) return current;
  workerBrowser = launchBrowser();
  return workerBrowser;
}

/**
 * One product on a fresh database for the calling test file, and its worker's Chromium: started
 * before its tests; after them the product stops and every browser context the file left open is
 * closed (Vitest hooks registered here).
 */
export function appAndBrowserForThisFile(): Harness {
  let app: AppUnderTest | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp();
    browser = await browserOfThisWorker();
  });
  afterAll(async () => {
    await Promise.all((browser?.contexts() ?? []).map((context) => context.close()));
    await app?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the app and the browser start in beforeAll: use them inside tests");
    return value;
  };
  return {
    get app() {
      return started(app);
    },
    get browser() {
      return started(browser);
    },
  };
}
