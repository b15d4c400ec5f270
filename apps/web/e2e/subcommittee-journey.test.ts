// Journey (c): a member of the イベント部会 plans an event — creates it (the server's "end before
// start" is shown next to the end time), adds a shift with 2 places, signs up three members (two
// confirmed, the third on the waitlist, 残り0名), cancels a confirmed sign-up so the waitlisted person
// moves up, adds a task and marks it done, records the minutes about the event, and finally cancels
// (中止) it. The database is checked along the way; axe on every main screen; the event page at
// 360 px has no horizontal overflow.
import { ApolloClient, gql, HttpLink, InMemoryCache } from "@apollo/client";
import { expect, it } from "vitest";

import { appAndBrowserForThisFile, axeWhenStill, field, newContext, pageWidth, screenshot, settled, signIn, viewports } from "@tsunagu/e2e";

import { failureOf } from "../src/lib/result.ts";

const e2e = appAndBrowserForThisFile();

const EVENT_TITLE = "e2e 冬のふれあい交流会 出店";
const SHIFT_TITLE = "午前（受付・ゲーム）";
const TASK_TITLE = "千本くじの景品の買い出し（e2e）";
const MINUTES_TITLE = "イベント部会ミーティング（e2e 交流会の準備）";

/** a date some weeks ahead, in Japan, as YYYY/MM/DD and YYYY-MM-DD */
function daysAhead(days: number): { typed: string; iso: string } {
  const d = new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000);
  const iso = d.toISOString().slice(0, 10);
  return { typed: iso.replaceAll("-", "/"), iso };
}

it("a subcommittee member creates an event, fills a shift with a waitlist, promotes on cancel, adds a task and minutes", async () => {
  const prisma = e2e.app.db.prisma;
  const bukai = await prisma.group.findFirstOrThrow({ where: { name: "イベント部会" }, select: { id: true } });
  // three current members of the 部会, by the name the roster shows (表示名, else 氏名)
  const memberships = await prisma.membership.findMany({
    where: { groupId: bukai.id, endedOn: null },
    select: { person: { select: { id: true, legalName: true, displayName: true } } },
    orderBy: { person: { legalNameKana: "asc" } },
  });
  const people = [
    ...new Map(memberships.map((m) => [m.person.id, { id: m.person.id, name: m.person.displayName ?? m.person.legalName }])).values(),
  ];
  expect(people.length).toBeGreaterThanOrEqual(3);
  const [first, second, third] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];

  const context = await newContext(e2e.browser, e2e.app);
  const page = await context.newPage();
  await signIn(page, "event-bukai@hannan.example");

  // ── the events list: the 部会's upcoming bazaar, grouped by month, with places left ──
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "イベント", exact: true }).click();
  await page.mouse.move(640, 5);
  await page.waitForURL("**/events");
  await settled(page);
  const bazaar = page.getByTestId("event-card").filter({ hasText: "年末ふれあいバザー 出店" });
  await bazaar.waitFor();
  expect(await bazaar.getByTestId("places-left").textContent()).toMatch(/^残り\d+名／定員\d+名$/);
  // the month heading is in 和暦
  expect(await page.getByRole("heading", { level: 2 }).first().textContent()).toMatch(/^令和\d+年\d+月$/);
  expect(await axeWhenStill(page)).toEqual([]);
  await screenshot(page, "event-list");

  // ── create: an end before the start is refused by the server, shown next to 終了時刻 ──
  await page.getByRole("link", { name: "イベントを作成" }).click();
  await page.waitForURL("**/events/new**");
  await settled(page);
  const day = daysAhead(24);
  await field(page, "イベント名").fill(EVENT_TITLE);
  // the viewer's one 部会 is chosen already
  expect(await page.getByRole("combobox", { name: /^団体（部会）/ }).inputValue()).toBe("イベント部会「ぼちぼちいこらyo！」");
  await field(page, "日付").fill(day.typed);
  await field(page, "日付").press("Tab");
  await field(page, "開始時刻").fill("13:00");
  await field(page, "終了時刻").fill("09:00");
  await field(page, "場所").fill("中央公民館 ホール");
  await field(page, "内容・説明").fill("輪投げ・玉入れ・千本くじのコーナーを出します。");
  await page.getByRole("button", { name: "作成する" }).click();
  const endError = page.getByText("終了日時は開始日時より後にしてください。");
  await endError.waitFor();
  // the message is the end time's own (aria-describedby), not an alert at the top
  expect(await field(page, "終了時刻").getAttribute("aria-invalid")).toBe("true");
  expect(await prisma.event.count({ where: { title: EVENT_TITLE } })).toBe(0);
  expect(await axeWhenStill(page)).toEqual([]);
  await screenshot(page, "event-create");
  await field(page, "終了時刻").fill("16:00");
  await page.getByRole("button", { name: "作成する" }).click();
  await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
  await page.getByRole("heading", { level: 1, name: EVENT_TITLE }).waitFor();
  await settled(page);
  const event = await prisma.event.findFirstOrThrow({
    where: { title: EVENT_TITLE },
    select: { id: true, groupId: true, startsAt: true, endsAt: true, status: true },
  });
  expect(event.groupId).toBe(bukai.id);
  expect(event.status).toBe("PLANNED");
  // 13:00–16:00 in Japan
  expect(event.startsAt.toISOString()).toBe(`${day.iso}T04:00:00.000Z`);
  expect(event.endsAt.toISOString()).toBe(`${day.iso}T07:00:00.000Z`);

  // ── a shift with 2 places ──
  const addShift = page.getByRole("form", { name: "シフトを追加" });
  await field(addShift, "シフト名").fill(SHIFT_TITLE);
  await field(addShift, "定員").fill("2");
  await field(addShift, "開始時刻").fill("13:00");
  await field(addShift, "終了時刻").fill("15:00");
  await addShift.getByRole("button", { name: "シフトを追加する" }).click();
  const shift = page.getByRole("region", { name: SHIFT_TITLE });
  await shift.waitFor();
  expect(await shift.getByTestId("shift-places-left").textContent()).toBe("残り2名");

  // ── three sign-ups: two confirmed, the third waits ──
  const signUp = async (name: string, button: string) => {
    await shift.getByRole("combobox", { name: "申し込む人" }).click();
    await page.getByRole("option", { name, exact: true }).click();
    await shift.getByRole("button", { name: button, exact: true }).click();
    await shift.getByTestId("sign-up").filter({ hasText: name }).waitFor();
  };
  await signUp(first.name, "申し込む");
  await signUp(second.name, "申し込む");
  await expect.poll(() => shift.getByTestId("shift-places-left").textContent()).toBe("残り0名");
  await signUp(third.name, "キャンセル待ちで申し込む");
  const names = (list: "confirmed" | "waitlist") => shift.getByTestId(list).getByTestId("sign-up").allTextContents();
  await expect.poll(() => names("confirmed")).toEqual([`1. ${first.name}キャンセル`, `2. ${second.name}キャンセル`]);
  expect(await names("waitlist")).toEqual([`1. ${third.name}キャンセル`]);
  expect(await shift.getByRole("heading", { name: "キャンセル待ち（1名）" }).count()).toBe(1);
  expect(await shift.getByTestId("shift-places-left").textContent()).toBe("残り0名");
  const statuses = async () =>
    Object.fromEntries(
      (await prisma.signUp.findMany({ where: { shift: { eventId: event.id } }, select: { personId: true, status: true } })).map((s) => [
        s.personId,
        s.status,
      ]),
    );
  expect(await statuses()).toEqual({ [first.id]: "CONFIRMED", [second.id]: "CONFIRMED", [third.id]: "WAITLISTED" });
  // the list shows the places left across the event's shifts
  expect(await axeWhenStill(page)).toEqual([]);
  await screenshot(page, "event-detail");

  // ── cancelling a confirmed place promotes the first person waiting ──
  await shift.getByRole("button", { name: `${first.name}さんの申し込みをキャンセル` }).click();
  await expect.poll(() => shift.getByTestId("promoted").textContent()).toContain(`${third.name}さんの申し込みが確定しました`);
  await expect.poll(() => names("confirmed")).toEqual([`1. ${second.name}キャンセル`, `2. ${third.name}キャンセル`]);
  expect(await names("waitlist")).toEqual([]);
  expect(await shift.getByTestId("waitlist").textContent()).toContain("キャンセル待ちの人はいません。");
  expect(await shift.getByTestId("shift-places-left").textContent()).toBe("残り0名");
  expect(await statuses()).toEqual({ [first.id]: "CANCELLED", [second.id]: "CONFIRMED", [third.id]: "CONFIRMED" });

  // ── a task, assigned and then done ──
  const addTask = page.getByRole("form", { name: "タスクを追加" });
  await field(addTask, "タスク").fill(TASK_TITLE);
  await addTask.getByRole("combobox", { name: "担当者" }).click();
  await page.getByRole("option", { name: second.name, exact: true }).click();
  await addTask.getByRole("button", { name: "追加する" }).click();
  const openTask = page.getByTestId("tasks-open").getByTestId("task").filter({ hasText: TASK_TITLE });
  await openTask.waitFor();
  expect(await openTask.textContent()).toContain(`担当: ${second.name}`);
  await openTask.getByRole("checkbox", { name: TASK_TITLE }).click();
  await page.getByTestId("tasks-done").getByTestId("task").filter({ hasText: TASK_TITLE }).waitFor();
  expect(await page.getByTestId("tasks-open").getByText(TASK_TITLE).count()).toBe(0);
  const task = await prisma.eventTask.findFirstOrThrow({
    where: { eventId: event.id, title: TASK_TITLE },
    select: { assigneeId: true, doneAt: true },
  });
  expect(task.assigneeId).toBe(second.id);
  expect(task.doneAt).not.toBeNull();

  // ── the event page on a phone: nothing wider than 360 px ──
  const phone = await newContext(e2e.browser, e2e.app, viewports.phone);
  const phonePage = await phone.newPage();
  await signIn(phonePage, "event-bukai@hannan.example");
  await phonePage.goto(`/events/${event.id}`);
  await settled(phonePage);
  await phonePage.getByRole("region", { name: SHIFT_TITLE }).getByTestId("sign-up").first().waitFor();
  expect(await pageWidth(phonePage)).toBeLessThanOrEqual(360);
  expect(await axeWhenStill(phonePage)).toEqual([]);
  await screenshot(phonePage, "event-detail-phone");
  await phone.close();

  // ── minutes about the event ──
  await page.getByRole("link", { name: "このイベントの議事録を記録" }).click();
  await page.waitForURL(/\/events\/minutes\?/);
  await settled(page);
  await page.getByText(`対象のイベント: ${EVENT_TITLE}`).waitFor();
  const minutesForm = page.getByRole("form", { name: "議事録を記録" });
  await field(minutesForm, "件名").fill(MINUTES_TITLE);
  await field(minutesForm, "本文").fill("出席: 6名\n1. 交流会のシフト（午前2名）\n2. 景品の買い出し担当を決めた");
  await minutesForm.getByRole("button", { name: "記録する" }).click();
  const listed = page.getByTestId("minutes-list").getByRole("button", { name: new RegExp(MINUTES_TITLE.replace(/[()（）]/g, ".")) });
  await listed.waitFor();
  // newest first: the new minutes (held today) head the list of seeded ones
  expect(await page.getByTestId("minutes-list").getByRole("button").first().textContent()).toContain(MINUTES_TITLE);
  await listed.click();
  await page.getByText("2. 景品の買い出し担当を決めた", { exact: false }).waitFor();
  const minutes = await prisma.meetingMinutes.findFirstOrThrow({
    where: { title: MINUTES_TITLE },
    select: { groupId: true, eventId: true },
  });
  expect(minutes).toEqual({ groupId: bukai.id, eventId: event.id });
  expect(await axeWhenStill(page)).toEqual([]);
  await screenshot(page, "event-minutes");

  // ── back on the event: the minutes are listed; then 中止 ──
  await page.getByRole("link", { name: "イベントに戻る" }).click();
  await settled(page);
  await page.getByRole("region", { name: "議事録" }).getByText(MINUTES_TITLE).waitFor();
  await page.getByRole("button", { name: "イベントを中止" }).click();
  await page.getByRole("dialog", { name: "イベントを中止しますか" }).getByRole("button", { name: "中止にする" }).click();
  await page.getByRole("dialog").waitFor({ state: "detached" });
  await expect.poll(() => page.getByText("中止", { exact: true }).count()).toBeGreaterThan(0);
  await expect
    .poll(async () => (await prisma.event.findUniqueOrThrow({ where: { id: event.id }, select: { status: true } })).status)
    .toBe("CANCELLED");
  // a cancelled event takes no more sign-ups or shifts
  expect(await page.getByRole("form", { name: "シフトを追加" }).count()).toBe(0);
  expect(await page.getByRole("combobox", { name: "申し込む人" }).count()).toBe(0);
  await context.close();
}, 240_000);

it("an event that has begun: edited, attendance taken, and turned into one submitted activity log", async () => {
  const prisma = e2e.app.db.prisma;
  const bukai = await prisma.group.findFirstOrThrow({ where: { name: "イベント部会" }, select: { id: true } });
  const memberships = await prisma.membership.findMany({
    where: { groupId: bukai.id, endedOn: null },
    select: { person: { select: { id: true, legalName: true, displayName: true } } },
    orderBy: { person: { legalNameKana: "desc" } },
  });
  const [present, absent] = [
    ...new Map(memberships.map((m) => [m.person.id, { id: m.person.id, name: m.person.displayName ?? m.person.legalName }])).values(),
  ] as Array<{
    id: string;
    name: string;
  }>;
  const title = "e2e 公民館まつり 片付けの手伝い";
  const yesterday = daysAhead(-1);

  const context = await newContext(e2e.browser, e2e.app);
  const page = await context.newPage();
  await signIn(page, "event-bukai@hannan.example");
  await page.goto("/events/new");
  await settled(page);
  await field(page, "イベント名").fill(title);
  await field(page, "日付").fill(yesterday.typed);
  await field(page, "日付").press("Tab");
  await field(page, "開始時刻").fill("09:00");
  await field(page, "終了時刻").fill("11:00");
  await page.getByRole("button", { name: "作成する" }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await settled(page);

  // the place was forgotten: 編集 in a dialog
  await page.getByRole("button", { name: "編集", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "イベントを編集" });
  expect(await field(dialog, "開始時刻").inputValue()).toBe("09:00");
  await field(dialog, "場所").fill("中央公民館 前庭");
  expect(await axeWhenStill(page)).toEqual([]);
  await dialog.getByRole("button", { name: "保存" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.getByText("中央公民館 前庭").waitFor();
  expect(await prisma.event.findFirstOrThrow({ where: { title }, select: { place: true } })).toEqual({ place: "中央公民館 前庭" });

  const addShift = page.getByRole("form", { name: "シフトを追加" });
  await field(addShift, "シフト名").fill("片付け");
  await field(addShift, "定員").fill("3");
  await field(addShift, "開始時刻").fill("09:00");
  await field(addShift, "終了時刻").fill("11:00");
  await addShift.getByRole("button", { name: "シフトを追加する" }).click();
  const shift = page.getByRole("region", { name: "片付け" });
  await shift.waitFor();
  for (const person of [present!, absent!]) {
    await shift.getByRole("combobox", { name: "申し込む人" }).click();
    await page.getByRole("option", { name: person.name, exact: true }).click();
    await shift.getByRole("button", { name: "申し込む", exact: true }).click();
    await shift.getByTestId("sign-up").filter({ hasText: person.name }).waitFor();
  }
  await expect.poll(() => shift.getByTestId("shift-places-left").textContent()).toBe("残り1名");

  // attendance: everyone confirmed is ticked; one did not come
  const absentBox = shift.getByRole("checkbox", { name: absent!.name });
  await expect.poll(() => absentBox.isChecked()).toBe(true);
  await absentBox.uncheck();
  await shift.getByRole("button", { name: "出席を保存" }).click();
  const attended = async () =>
    Object.fromEntries(
      (await prisma.signUp.findMany({ where: { shift: { event: { title } } }, select: { personId: true, attended: true } })).map((s) => [
        s.personId,
        s.attended,
      ]),
    );
  await expect.poll(attended).toEqual({ [present!.id]: true, [absent!.id]: false });

  // one submitted log with the person who came, 120 minutes (the shift)
  await page.getByRole("button", { name: "出席を活動記録にする" }).click();
  const made = page.getByTestId("event-log");
  await made.waitFor();
  expect(await made.textContent()).toContain("状態: 承認待ち／参加 1名／120分");
  const event = await prisma.event.findFirstOrThrow({
    where: { title },
    select: {
      status: true,
      activityLog: { select: { status: true, minutes: true, participants: { select: { personId: true, minutes: true } } } },
    },
  });
  expect(event.status).toBe("HELD");
  expect(event.activityLog).toEqual({ status: "SUBMITTED", minutes: 120, participants: [{ personId: present!.id, minutes: 120 }] });
  expect(await page.getByRole("button", { name: "出席を活動記録にする" }).count()).toBe(0);
  expect(await axeWhenStill(page)).toEqual([]);
  await made.getByRole("link", { name: "活動記録の一覧を見る" }).click();
  await page.waitForURL("**/activity-logs");
  await context.close();
}, 180_000);

it("a name beside a juvenile participant's code: the event form asks, saves nothing, and saves once the user confirms", async () => {
  const prisma = e2e.app.db.prisma;
  const cohort = await prisma.group.findFirstOrThrow({
    where: { programme: { privacyTier: "JUVENILE" }, kind: { code: "cohort" } },
    orderBy: { startedOn: "desc" },
    select: { id: true },
  });
  // the demo's latest cohort may have ended (seasons run December–March), and a closed group takes
  // no new event: open it again, as a new season would be
  await prisma.group.update({ where: { id: cohort.id }, data: { endedOn: null } });
  const { code } = await prisma.juvenileParticipant.findFirstOrThrow({ select: { code: true }, orderBy: { code: "asc" } });
  const title = `e2e 山田太郎 ${code} わかめの袋詰め`;
  const day = daysAhead(30);

  const context = await newContext(e2e.browser, e2e.app);
  const page = await context.newPage();
  await signIn(page, "staff@hannan.example");
  await page.goto(`/events/new?groupId=${cohort.id}`);
  await settled(page);
  await field(page, "イベント名").fill(title);
  await field(page, "日付").fill(day.typed);
  await field(page, "日付").press("Tab");
  await field(page, "開始時刻").fill("10:00");
  await field(page, "終了時刻").fill("12:00");
  await page.getByRole("button", { name: "作成する" }).click();
  // the API's CONFIRMATION_REQUIRED: a warning with a checkbox, nothing saved, still on the form
  const warning = page.getByRole("alert").filter({ hasText: "参加者の名前が書かれていませんか" });
  await warning.waitFor();
  expect(await warning.textContent()).toContain("参加者コードのそばに人の名前のような言葉があります");
  expect(await prisma.event.count({ where: { title } })).toBe(0);
  expect(page.url()).toContain("/events/new");
  expect(await axeWhenStill(page)).toEqual([]);
  // saving again without ticking asks again and saves nothing
  await page.getByRole("button", { name: "作成する" }).click();
  await settled(page);
  expect(await prisma.event.count({ where: { title } })).toBe(0);
  await page.getByRole("checkbox", { name: "名前ではありません。このまま保存します" }).check();
  await page.getByRole("button", { name: "作成する" }).click();
  await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
  expect(await prisma.event.findFirst({ where: { title }, select: { groupId: true } })).toEqual({ groupId: cohort.id });

  // a mistyped address: the API's typed answer (a malformed id), not "try again later"
  await page.goto("/events/not-an-event-id");
  const refused = page.getByRole("alert").filter({ hasText: "表示できません" });
  await refused.waitFor();
  expect(await refused.textContent()).toMatch(/ID/);
  expect(await refused.textContent()).not.toContain("時間をおいて");
  expect(await axeWhenStill(page)).toEqual([]);
  await context.close();
});

it("a request the API refuses as a whole (a malformed id: HTTP 400) reaches a form as a typed, bilingual failure, not 'could not reach the server'", async () => {
  // Apollo Client as the app configures its link, against the real server
  const client = new ApolloClient({ link: new HttpLink({ uri: `${e2e.app.url}/graphql` }), cache: new InMemoryCache() });
  const error: unknown = await client
    .mutate({
      mutation: gql`
        mutation {
          cancelEvent(id: "not-a-uuid") {
            __typename
          }
        }
      `,
    })
    .then(
      () => null,
      (e: unknown) => e,
    );
  const failure = failureOf(error);
  expect(failure).toMatchObject({ code: "INVALID_INPUT", issues: [expect.objectContaining({ path: "cancelEvent.id" })] });
  expect(failure.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  expect(failure.messageEn).toMatch(/^[\x20-\x7e]+$/);
  expect(failure.issues[0]!.messageEn).toMatch(/^[\x20-\x7e]+$/);
});
