// Calendars, as staff: the month view shows a known demo event of this month (in 和暦) and moves to
// the next month; on a group's page, subscribing shows the secret URL once, and that URL, fetched as
// a calendar app would (no cookie), is an iCalendar feed of the group's events in Japan's time.
import ICAL from "ical.js";
import { expect, it } from "vitest";

import { appAndBrowserForThisFile, axeWhenStill, newContext, screenshot, settled, signIn, viewports } from "@tsunagu/e2e";

import { todayInJapan } from "../src/lib/dates.ts";

const e2e = appAndBrowserForThisFile();

it("staff see this month's events and subscribe to a group's calendar", async () => {
  const prisma = e2e.app.db.prisma;
  const month = todayInJapan().slice(0, 7);
  // the first demo event from the start of this month on, and the months to move forward to it
  const known = await prisma.event.findFirstOrThrow({
    where: { startsAt: { gte: new Date(`${month}-01T00:00:00+09:00`) } },
    orderBy: { startsAt: "asc" },
  });
  const [year, m] = month.split("-").map(Number) as [number, number];
  const knownMonth = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit" }).format(known.startsAt);
  const [ky, km] = knownMonth.split("-").map(Number) as [number, number];
  const ahead = (ky - year) * 12 + (km - m);
  const reiwa = (y: number, mm: number) => `令和${y - 2018}年${mm}月`;
  const group = await prisma.group.findUniqueOrThrow({ where: { id: known.groupId }, select: { id: true, name: true } });

  const context = await newContext(e2e.browser, e2e.app);
  const page = await context.newPage();
  await signIn(page, "staff@hannan.example");
  await page.getByRole("navigation").getByRole("link", { name: "カレンダー" }).click();
  await page.waitForURL("**/calendar");
  await settled(page);
  await page.getByRole("heading", { name: reiwa(year, m), exact: true }).waitFor();
  for (let i = 0; i < ahead; i++) await page.getByRole("button", { name: "次の月" }).click();
  await page.getByRole("heading", { name: reiwa(ky, km), exact: true }).waitFor();
  await page.getByRole("link", { name: known.title }).first().waitFor();
  expect(await axeWhenStill(page)).toEqual([]);
  await screenshot(page, "calendar-month");

  // the group's page: subscribe, and the URL shown is a feed of the group's events
  await page.goto(`/groups/${group.id}`);
  await settled(page);
  await page.getByRole("button", { name: "購読URLを発行" }).click();
  const url = await page.getByTestId("calendar-feed-url").inputValue();
  expect(url).toMatch(new RegExp(`^${e2e.app.url}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(await res.text()));
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const event = calendar.getAllSubcomponents("vevent").find((c) => c.getFirstPropertyValue("uid") === `event-${known.id}@tsunagu`);
  expect(event).toBeDefined();
  const parsed = new ICAL.Event(event!);
  expect(parsed.summary).toBe(known.title);
  expect(parsed.startDate.zone?.tzid).toBe("Asia/Tokyo");
  expect(parsed.startDate.toJSDate().getTime()).toBe(known.startsAt.getTime());
  await page.getByRole("button", { name: "購読を停止" }).click();
  await page.getByText("購読URLを停止しました。").waitFor();
  expect((await fetch(url)).status).toBe(404);

  // the month on a phone: the list names every item
  const phone = await newContext(e2e.browser, e2e.app, viewports.phone);
  const small = await phone.newPage();
  await signIn(small, "staff@hannan.example");
  await small.goto("/calendar");
  await settled(small);
  for (let i = 0; i < ahead; i++) await small.getByRole("button", { name: "次の月" }).click();
  await small.getByRole("link", { name: known.title }).first().waitFor();
  await screenshot(small, "calendar-month-phone");
  await phone.close();
  await context.close();
});
