// Time to the first screen of the roster page, as a browser measures it: navigation start → the
// roster's first row on screen, signed in as staff, on the built app (`npm start`'s server) over a
// copy of the demo data. A cold cache (a new browser context) and a warm one on this machine, and a
// cold cache with the CPU slowed four times through the DevTools protocol (an old office PC); three
// runs of each. Prints the medians and the runs and writes them to .artifacts/metrics.json.
//   npm run bench:first-screen
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { Page } from "playwright-core";

import { repoRoot } from "@tsunagu/db/env";
import { launchBrowser, newContext, settled, signInByRequest, startApp } from "@tsunagu/e2e";

const SAKURA = "ふれあい喫茶 さくら";
const STAFF = "staff@hannan.example";

function firstRosterRow(page: Page) {
  return page
    .getByRole("region", { name: `${SAKURA}の名簿` })
    .getByRole("table")
    .locator("tbody tr")
    .first();
}

/** navigates to the roster and returns ms from navigation start to its first data row on screen */
async function timeToRoster(page: Page, url: string, firstName: string): Promise<number> {
  await page.goto(url, { waitUntil: "commit" });
  const row = firstRosterRow(page);
  await row.waitFor({ timeout: 60_000 });
  const ms = await page.evaluate(() => performance.now());
  // the right screen: the row is the roster's first name in 五十音 order
  if (!(await row.textContent())?.includes(firstName)) throw new Error(`the first row is not ${firstName}`);
  return Math.round(ms);
}

const app = await startApp();
const browser = await launchBrowser();
try {
  const sakura = await app.db.prisma.group.findFirstOrThrow({ where: { name: SAKURA }, select: { id: true } });
  const url = `/groups/${sakura.id}`;

  // the first row's name, from a first visit (which also warms the server)
  const probe = await newContext(browser, app);
  await signInByRequest(probe, app, STAFF);
  const probePage = await probe.newPage();
  await probePage.goto(url);
  await settled(probePage);
  const name = ((await firstRosterRow(probePage).textContent()) ?? "").slice(0, 4);
  await probe.close();

  // cold: a new browser context (empty cache) signed in through the API only
  const runs: Record<"coldMs" | "warmMs" | "slowCpuColdMs", number[]> = { coldMs: [], warmMs: [], slowCpuColdMs: [] };
  for (let i = 0; i < 3; i++) {
    for (const slow of [false, true]) {
      const context = await newContext(browser, app);
      await signInByRequest(context, app, STAFF);
      const page = await context.newPage();
      if (slow) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: 4 });
      (slow ? runs.slowCpuColdMs : runs.coldMs).push(await timeToRoster(page, url, name));
      if (!slow) runs.warmMs.push(await timeToRoster(page, url, name));
      await context.close();
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const medians = Object.fromEntries(Object.entries(runs).map(([k, xs]) => [k, median(xs)]));
  const metrics = {
    rosterFirstScreen: { median: medians, runs, page: `/groups/:id (${SAKURA})`, measuredAt: new Date().toISOString() },
  };
  const file = path.join(repoRoot, ".artifacts/metrics.json");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(metrics, null, 2)}\n`);
  console.log(`time to the roster's first screen, median of 3 (ms): ${JSON.stringify(medians)}`);
  console.log(`runs: ${JSON.stringify(runs)} → ${path.relative(repoRoot, file)}`);
} finally {
  await browser.close();
  await app.close();
}
