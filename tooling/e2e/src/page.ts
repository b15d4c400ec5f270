// What every browser journey does on a page: wait for a screen to settle, follow the navigation,
// find a field or a select by its label, and run axe once nothing moves.
import type { Locator, Page } from "playwright-core";

import { axeViolations, type AxeViolation } from "./index.ts";

/** waits for the page's h1 and for every loader (a live status region in main) to finish */
export async function settled(page: Page): Promise<void> {
  await page.locator("main h1").first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main [role="status"][aria-live]'), null, { timeout: 20_000 });
}

/** follows an entry of the main menu, then moves the pointer away (screenshots without a hover) */
export async function openNav(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name, exact: true }).click();
  await page.mouse.move(640, 5);
}

/**
 * axe once the page is still: the toasts of what was just saved are closed with their close
 * buttons (as a reader would) and no transition or animation is running (a modal fading in would
 * be measured at partial opacity otherwise)
 */
export async function axeWhenStill(page: Page): Promise<AxeViolation[]> {
  const toasts = page.locator(".mantine-Notification-root");
  // last first: `all()` gives locators by position (nth), and closing the first toast would shift
  // the others' positions, so that a later click waited its whole timeout for a toast that was gone
  const closeButtons = await toasts.getByRole("button", { name: "閉じる" }).all();
  for (const close of closeButtons.reverse()) await close.click({ timeout: 2_000 }).catch(() => undefined);
  await toasts.first().waitFor({ state: "detached", timeout: 15_000 });
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), null, { timeout: 15_000 });
  return axeViolations(page);
}

const exactLabel = (label: string) => new RegExp(`^${label}( \\*)?$`);

/** an input by its label exactly (a required field's label ends with Mantine's hidden " *") */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(exactLabel(label));
}

/** a Mantine Select by its label */
export function select(scope: Page | Locator, label: string): Locator {
  return scope.getByRole("combobox", { name: exactLabel(label) });
}

/**
 * picks an option of a Mantine Select (in `scope`: the page, or a dialog when the page behind has a
 * select of the same label): a string names the option exactly, a pattern takes the first match
 */
export async function choose(scope: Page | Locator, label: string, option: string | RegExp): Promise<void> {
  await select(scope, label).click();
  const page = "page" in scope && typeof scope.page === "function" ? scope.page() : (scope as Page);
  const options =
    typeof option === "string" ? page.getByRole("option", { name: option, exact: true }) : page.getByRole("option", { name: option });
  await options.first().click();
}

/**
 * The page's width (`scrollWidth`) once its layout has caught up with the viewport: right after a
 * resize from a desktop to a phone, a part laid out by script (a ResizeObserver, a media query read
 * in React) can stand wider for a frame or two. Polls up to 2 s for a width that fits and returns
 * the last one measured, so a page that really scrolls sideways still fails.
 */
export async function pageWidth(page: Page): Promise<number> {
  const viewport = page.viewportSize()?.width ?? Number.POSITIVE_INFINITY;
  const deadline = Date.now() + 2_000;
  for (;;) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width <= viewport || Date.now() > deadline) return width;
    await page.waitForTimeout(100);
  }
}
