// ひきこもり・地域の居場所づくり支援 草の根ネットワーク: the network (founded R1 = 2019-11), its three
// 部会 (formed R4 = 2022-04), ~25 members — former 当事者, families and supporters, some under a
// nickname (表示名) — bi-monthly meetings with minutes, and the イベント部会's bazaar stalls as events
// with tasks, shifts and sign-ups.
//
// A member's networkStatus (当事者 / family) and, where a nickname is used, their legal name are
// visible to staff only: minutes and event records name nobody, they give counts.

import { addDays } from "@tsunagu/db";

import { demoUserId } from "./accounts.ts";
import {
  activeMembers,
  addGroup,
  addMembership,
  addPerson,
  createRng,
  day,
  demoId,
  groupOf,
  isHoliday,
  isoDate,
  jst,
  monthlySessions,
  nthWeekday,
  wareki,
  type DemoContext,
  type LogDraft,
  type Rng,
} from "./context.ts";

type Status = "FORMER_TOJISHA" | "FAMILY" | "SUPPORTER" | undefined;

interface MemberSpec {
  n: number;
  status: Status;
  nickname?: string;
  generation: "adult" | "senior";
  joined: Date;
  left?: { on: Date; reason: string };
  /** role in the network itself */
  networkRole?: "representative" | "vice";
  /** 部会 memberships: [部会 key, role, from?, to?] */
  bukai: Array<{ key: "event" | "ibasho" | "soudan"; role: string; from?: Date; to?: Date; reason?: string }>;
}

const R4_APRIL = day(2022, 4, 1);
const ROLE_CHANGE = day(2025, 4, 1);
const ROLE_CHANGE_END = day(2025, 3, 31);

/** ~25 members. Roles change on 2025-04-01 in the イベント部会 (the first 部会長 steps back). */
const MEMBERS: readonly MemberSpec[] = [
  {
    n: 1,
    status: "SUPPORTER",
    generation: "senior",
    joined: day(2019, 11, 9),
    networkRole: "representative",
    bukai: [{ key: "soudan", role: "member" }],
  },
  { n: 2, status: "SUPPORTER", generation: "adult", joined: day(2019, 11, 9), networkRole: "vice", bukai: [] },
  {
    n: 3,
    status: "SUPPORTER",
    generation: "adult",
    joined: day(2019, 11, 9),
    bukai: [
      { key: "event", role: "member", to: ROLE_CHANGE_END, reason: "部会長に就任" },
      { key: "event", role: "chair", from: ROLE_CHANGE },
    ],
  },
  {
    n: 4,
    status: "FORMER_TOJISHA",
    nickname: "ぽんた",
    generation: "adult",
    joined: day(2019, 11, 9),
    bukai: [
      { key: "event", role: "chair", to: ROLE_CHANGE_END, reason: "任期満了（メンバーとして継続）" },
      { key: "event", role: "member", from: ROLE_CHANGE },
    ],
  },
  {
    n: 5,
    status: "FAMILY",
    nickname: "みかん",
    generation: "senior",
    joined: day(2019, 11, 9),
    bukai: [{ key: "event", role: "secretary" }],
  },
  {
    n: 6,
    status: "FORMER_TOJISHA",
    nickname: "くま",
    generation: "adult",
    joined: day(2020, 7, 18),
    bukai: [
      { key: "event", role: "member" },
      { key: "ibasho", role: "member" },
    ],
  },
  { n: 7, status: "SUPPORTER", generation: "adult", joined: day(2019, 11, 9), bukai: [{ key: "event", role: "member" }] },
  { n: 8, status: "SUPPORTER", generation: "adult", joined: day(2023, 5, 20), bukai: [{ key: "event", role: "member" }] },
  { n: 9, status: "FAMILY", generation: "senior", joined: day(2020, 11, 21), bukai: [{ key: "event", role: "member" }] },
  { n: 10, status: "SUPPORTER", generation: "adult", joined: day(2019, 11, 9), bukai: [{ key: "event", role: "member" }] },
  { n: 11, status: "SUPPORTER", generation: "adult", joined: day(2020, 7, 18), bukai: [{ key: "ibasho", role: "chair" }] },
  {
    n: 12,
    status: "FORMER_TOJISHA",
    nickname: "そら",
    generation: "adult",
    joined: day(2021, 10, 16),
    bukai: [{ key: "ibasho", role: "secretary" }],
  },
  { n: 13, status: "SUPPORTER", generation: "adult", joined: day(2019, 11, 9), bukai: [{ key: "ibasho", role: "member" }] },
  { n: 14, status: "FAMILY", generation: "senior", joined: day(2021, 2, 20), bukai: [{ key: "ibasho", role: "member" }] },
  { n: 15, status: "SUPPORTER", generation: "adult", joined: day(2020, 11, 21), bukai: [{ key: "ibasho", role: "member" }] },
  { n: 16, status: "SUPPORTER", generation: "adult", joined: day(2019, 11, 9), bukai: [{ key: "ibasho", role: "member" }] },
  { n: 17, status: undefined, generation: "senior", joined: day(2022, 9, 17), bukai: [{ key: "ibasho", role: "member" }] },
  { n: 18, status: "FAMILY", generation: "senior", joined: day(2019, 11, 9), bukai: [{ key: "soudan", role: "chair" }] },
  { n: 19, status: "SUPPORTER", generation: "adult", joined: day(2020, 7, 18), bukai: [{ key: "soudan", role: "secretary" }] },
  {
    n: 20,
    status: "FORMER_TOJISHA",
    nickname: "ミント",
    generation: "adult",
    joined: day(2021, 10, 16),
    bukai: [{ key: "soudan", role: "member" }],
  },
  {
    n: 21,
    status: "FAMILY",
    nickname: "たぬき",
    generation: "senior",
    joined: day(2020, 11, 21),
    bukai: [{ key: "soudan", role: "member" }],
  },
  { n: 22, status: "SUPPORTER", generation: "adult", joined: day(2022, 5, 21), bukai: [{ key: "soudan", role: "member" }] },
  {
    n: 23,
    status: "FAMILY",
    generation: "senior",
    joined: day(2021, 2, 20),
    left: { on: day(2026, 3, 31), reason: "転居のため退会" },
    bukai: [{ key: "soudan", role: "member" }],
  },
  { n: 24, status: "SUPPORTER", generation: "adult", joined: day(2023, 1, 21), bukai: [] },
  { n: 25, status: undefined, generation: "adult", joined: day(2026, 5, 16), bukai: [{ key: "event", role: "member" }] },
];

const BUKAI = [
  {
    key: "event" as const,
    name: "イベント部会",
    nickname: "ぼちぼちいこらyo！",
    nameKana: "いべんとぶかい",
    description:
      "インスタグラムで発信しながら、地域のバザーに年3回ほど出店（輪投げ・玉入れ・千本くじのゲーム）。当事者も家族も支援者も、ぼちぼち一緒に。",
    meetingSchedule: "偶数月の第1日曜 13:30〜15:00",
  },
  {
    key: "ibasho" as const,
    name: "居場所部会",
    nickname: "虹みっけ",
    nameKana: "いばしょぶかい",
    description:
      "市内外の子ども食堂（学習支援・居場所を含む）の見学、活動場所の提供を考えている団体との意見交換、ほかの居場所との情報交換。",
    meetingSchedule: "偶数月の第2水曜 19:00〜20:30",
  },
  {
    key: "soudan" as const,
    name: "当事者・家族・相談部会",
    nameKana: "とうじしゃ かぞく そうだんぶかい",
    description: "当事者や家族の悩み、相談の仕組みなどについての意見交換。",
    meetingSchedule: "偶数月の第4金曜 14:00〜15:30",
  },
];

export function seedNetwork(ctx: DemoContext, rng: Rng = createRng("network")): void {
  addGroup(ctx, {
    key: "network",
    programme: "network",
    kind: "network",
    name: "ひきこもり・地域の居場所づくり支援 草の根ネットワーク",
    nameKana: "ひきこもり ちいきのいばしょづくりしえん くさのねねっとわーく",
    description:
      "令和元年11月、公民館の「ひきこもり支援実践講座」受講者を中心に発足。元当事者、家族、ひきこもり支援NPO、障がい相談支援機関、社会福祉法人、CSW、地域包括支援センター、公民館、教育委員会などが参加。令和4年4月に「ひきこもり・草の根ネットワーク」から名称変更し、3つの部会で活動。",
    venue: "中央公民館",
    meetingSchedule: "2か月に1回（奇数月の第3土曜 14:00〜16:00）",
    startedOn: day(2019, 11, 9),
  });
  for (const b of BUKAI) {
    addGroup(ctx, {
      key: `network/${b.key}`,
      programme: "network",
      kind: "subcommittee",
      parentKey: "network",
      name: b.name,
      nameKana: b.nameKana,
      ...(b.nickname ? { nickname: b.nickname } : {}),
      description: b.description,
      venue: "中央公民館",
      meetingSchedule: b.meetingSchedule,
      startedOn: R4_APRIL,
    });
  }

  for (const m of MEMBERS) {
    const person = addPerson(ctx, rng, {
      key: `network/${m.n}`,
      areaKey: rng.pick(["ozaki", "higashi-tottori", "nishi-tottori", "shimonosho"] as const),
      generation: m.generation,
      ...(m.status === "FORMER_TOJISHA" ? { birthYear: rng.int(1984, 2002) } : {}),
      ...(m.nickname ? { displayName: m.nickname } : {}),
      ...(m.status ? { networkStatus: m.status } : {}),
      registeredOn: m.joined,
    });
    addMembership(ctx, {
      groupKey: "network",
      personId: person.id,
      role: m.networkRole ?? "member",
      startedOn: m.joined,
      ...(m.left ? { endedOn: m.left.on, endReason: m.left.reason } : {}),
    });
    const firstDay = (b: (typeof m.bukai)[number]) => b.from ?? (m.joined > R4_APRIL ? m.joined : R4_APRIL);
    m.bukai.forEach((b, i) => {
      const from = firstDay(b);
      // a role change in the same 部会 keeps the day they joined it
      const earlier = m.bukai.find((x) => x.key === b.key);
      const joinedOn = earlier && earlier !== b ? firstDay(earlier) : undefined;
      const to = b.to ?? m.left?.on;
      addMembership(ctx, {
        groupKey: `network/${b.key}`,
        personId: person.id,
        role: b.role,
        startedOn: from,
        ...(joinedOn ? { joinedOn } : {}),
        ...(to ? { endedOn: to, endReason: b.reason ?? m.left?.reason ?? "退会" } : {}),
        seq: i,
      });
    });
  }

  scheduleNetworkMeetings(ctx);
  scheduleSubcommittees(ctx);
  seedBazaars(ctx);
}

// ───────────────────────── meetings and minutes ─────────────────────────

function attendees(rng: Rng, ctx: DemoContext, groupKey: string, date: Date, share: [number, number]): string[] {
  const members = activeMembers(ctx, groupKey, date);
  const n = Math.max(2, Math.round(members.length * (share[0] + rng.next() * (share[1] - share[0]))));
  return rng.sample(members, n);
}

const NETWORK_TOPICS = [
  "公民館講座「多世代交流を生み出す地域の居場所づくり」の振り返り",
  "市内の子ども食堂・居場所マップの更新について",
  "くらし丸ごと相談室・CSWからの情報提供（相談の流れ）",
  "ひきこもりUXラウンジの報告と、次回の当事者の声を聞く会",
  "地域活動支援センターの見学報告",
  "はんなん やさしさツナグ交流会への参加について",
];

function scheduleNetworkMeetings(ctx: DemoContext): void {
  const staff = demoUserId(ctx, "staff");
  const dates = monthlySessions(ctx, 6, [3], { skip: (d) => (d.getUTCMonth() + 1) % 2 === 0 });
  dates.forEach((date, i) => {
    const key = `network/meeting/${isoDate(date)}`;
    const rng = createRng(`log/${key}`);
    const present = attendees(rng, ctx, "network", date, [0.55, 0.8]);
    ctx.logDrafts.push({
      key,
      groupKey: "network",
      type: "meeting",
      date,
      minutes: 120,
      place: "中央公民館 第1会議室",
      description: "草の根ネットワーク定例会（2か月に1回）",
      participants: present.map((personId) => ({ personId })),
    });
    const topic = NETWORK_TOPICS[i % NETWORK_TOPICS.length] ?? NETWORK_TOPICS[0];
    const next = nthWeekday(date.getUTCFullYear() + (date.getUTCMonth() >= 10 ? 1 : 0), ((date.getUTCMonth() + 2) % 12) + 1, 6, 3);
    ctx.rows.meetingMinutes.push({
      id: demoId(ctx, "meeting-minutes", key),
      orgId: ctx.orgId,
      groupId: groupOf(ctx, "network").id,
      heldOn: date,
      title: `草の根ネットワーク 定例会（${wareki(date).replace(/\d+日$/, "")}）`,
      body: [
        `日時: ${wareki(date)} 14:00〜16:00`,
        "場所: 中央公民館 第1会議室",
        `出席: ${present.length}名（社協職員2名を除く）`,
        "",
        "1. 各部会からの報告",
        "・イベント部会「ぼちぼちいこらyo！」: 次回バザー出店の準備状況、インスタグラムの投稿当番について",
        "・居場所部会「虹みっけ」: 子ども食堂の見学報告と、活動場所の提供を考えている団体との意見交換",
        "・当事者・家族・相談部会: 家族の悩みを話せる場の持ち方について意見交換",
        `2. 話題提供: ${topic}`,
        "3. 情報交換: 各機関・各団体からのお知らせ",
        next ? `4. 次回: ${wareki(next)} 14:00〜 中央公民館` : "4. 次回: 日程調整中",
        "",
        "※ 個人が特定される相談内容は記録しない。",
      ].join("\n"),
      recordedById: staff,
      createdAt: jst(addDays(date, 2), 17),
    });
  });
}

const IBASHO_VISITS = [
  { place: "市内の子ども食堂（公営住宅集会所）", description: "子ども食堂を見学し、運営ボランティアと意見交換" },
  { place: "泉佐野市の学習支援・居場所", description: "市外の学習支援つき居場所を見学" },
  { place: "活動場所の提供を考えている自治会館", description: "空いている時間帯の使い方について自治会と意見交換" },
  { place: "漁港でのみんなの食堂", description: "漁港の地域食堂に参加し、居場所としての工夫を聞き取り" },
];

function scheduleSubcommittees(ctx: DemoContext): void {
  const specs = [
    { key: "event", weekday: 0, week: 1, minutes: 90, place: "中央公民館 和室", submitter: "subcommittee-event" as const },
    { key: "ibasho", weekday: 3, week: 2, minutes: 90, place: "中央公民館 第2会議室", submitter: "staff" as const },
    { key: "soudan", weekday: 5, week: 4, minutes: 90, place: "くらし丸ごと相談室 相談スペース", submitter: "staff" as const },
  ];
  const subcommitteeUser = demoUserId(ctx, "subcommittee-event");
  for (const s of specs) {
    const groupKey = `network/${s.key}`;
    const dates = monthlySessions(ctx, s.weekday, [s.week], {
      skip: (d) => (d.getUTCMonth() + 1) % 2 === 1 || isHoliday(d),
    });
    for (const date of dates) {
      const key = `${groupKey}/meeting/${isoDate(date)}`;
      const rng = createRng(`log/${key}`);
      const present = attendees(rng, ctx, groupKey, date, [0.6, 0.95]);
      ctx.logDrafts.push({
        key,
        groupKey,
        type: "meeting",
        date,
        minutes: s.minutes,
        place: s.place,
        description: `${groupOf(ctx, groupKey).name} 定例ミーティング`,
        participants: present.map((personId) => ({ personId })),
        submitter: s.submitter,
      });
      if (s.key === "event") {
        ctx.rows.meetingMinutes.push({
          id: demoId(ctx, "meeting-minutes", key),
          orgId: ctx.orgId,
          groupId: groupOf(ctx, groupKey).id,
          heldOn: date,
          title: `イベント部会「ぼちぼちいこらyo！」ミーティング（${wareki(date)}）`,
          body: [
            `出席: ${present.length}名`,
            "1. 次回バザー出店の役割分担（輪投げ・玉入れ・千本くじ）",
            "2. 景品の予算と買い出し担当",
            "3. インスタグラム: 告知の投稿日と写真の扱い（顔が写る写真は本人の了解を得たものだけ）",
            "4. 当日のシフト表をツナグで作成し、各自で申し込む",
          ].join("\n"),
          recordedById: subcommitteeUser,
          createdAt: jst(addDays(date, 1), 21),
        });
      }
    }
  }
  // 居場所部会「虹みっけ」: visits to 子ども食堂 and drop-in places, about quarterly
  const visits = monthlySessions(ctx, 6, [4], { skip: (d) => ![2, 5, 9, 11].includes(d.getUTCMonth() + 1) });
  visits.forEach((date, i) => {
    const key = `network/ibasho/visit/${isoDate(date)}`;
    const rng = createRng(`log/${key}`);
    const v = IBASHO_VISITS[i % IBASHO_VISITS.length] ?? IBASHO_VISITS[0];
    if (!v) return;
    const present = rng.sample(activeMembers(ctx, "network/ibasho", date), rng.int(3, 5));
    ctx.logDrafts.push({
      key,
      groupKey: "network/ibasho",
      type: "ibasho",
      date,
      minutes: 150,
      place: v.place,
      description: v.description,
      participants: present.map((personId) => ({ personId })),
    });
  });
}

// ───────────────────────── the イベント部会's bazaar stalls ─────────────────────────

const BAZAARS: Record<number, { title: string; place: string }> = {
  5: { title: "はんなん春のふれあいバザー", place: "中央公民館 前庭" },
  7: { title: "夏のふれあいバザー", place: "尾崎住民センター 駐車場" },
  12: { title: "年末ふれあいバザー", place: "東鳥取公民館 ホール" },
};

const HELD_TASKS = ["千本くじの景品の買い出し", "輪投げ・玉入れの道具の点検", "インスタグラムで告知", "釣り銭と会計表の準備"];
const PLANNED_TASKS = [
  "千本くじの景品の買い出し",
  "輪投げ・玉入れの道具の点検と補修",
  "インスタグラムで告知（2週間前・前日）",
  "釣り銭と会計表の準備",
  "当日の搬入・搬出の車の手配",
];

function seedBazaars(ctx: DemoContext): void {
  const groupKey = "network/event";
  const group = groupOf(ctx, groupKey);
  const creator = demoUserId(ctx, "subcommittee-event");
  const dates: Date[] = [];
  for (let y = ctx.windowStart.getUTCFullYear(); y <= ctx.today.getUTCFullYear() + 1; y++) {
    for (const m of [5, 7, 12]) {
      const d = nthWeekday(y, m, 0, 3);
      if (d) dates.push(d);
    }
  }
  const held = dates.filter((d) => d >= ctx.windowStart && d <= ctx.today);
  const planned = dates.find((d) => d > ctx.today);

  for (const date of held) {
    const spec = BAZAARS[date.getUTCMonth() + 1];
    if (!spec) continue;
    const key = `${groupKey}/bazaar/${isoDate(date)}`;
    const rng = createRng(`event/${key}`);
    const members = activeMembers(ctx, groupKey, date);
    const signedUp = rng.sample(members, Math.min(members.length, rng.int(6, 8)));
    const noShow = signedUp[signedUp.length - 1];
    const present = signedUp.filter((p) => p !== noShow);
    const logId = demoId(ctx, "activity-log", key);
    const draft: LogDraft = {
      key,
      groupKey,
      type: "event",
      date,
      minutes: 300,
      place: spec.place,
      peopleServed: rng.int(120, 220),
      description: `${spec.title}に出店（輪投げ・玉入れ・千本くじ）`,
      participants: present.map((personId, i) => ({ personId, ...(i % 3 === 2 ? { minutes: 150 } : {}) })),
      submitter: "subcommittee-event",
    };
    ctx.logDrafts.push(draft);
    const eventId = demoId(ctx, "event", key);
    ctx.rows.event.push({
      id: eventId,
      orgId: ctx.orgId,
      groupId: group.id,
      title: `${spec.title} 出店`,
      description: "輪投げ・玉入れ・千本くじのゲームコーナー。売上は部会の活動費に。",
      place: spec.place,
      startsAt: jst(date, 10),
      endsAt: jst(date, 15),
      status: "HELD",
      activityLogId: logId,
      createdById: creator,
      createdAt: jst(addDays(date, -40), 20),
    });
    HELD_TASKS.forEach((title, i) => {
      ctx.rows.eventTask.push({
        id: demoId(ctx, "event-task", key, i),
        orgId: ctx.orgId,
        eventId,
        title,
        assigneeId: members[i % Math.max(1, members.length)] ?? null,
        dueOn: addDays(date, -7 + i),
        doneAt: jst(addDays(date, -9 + i), 20),
        sortOrder: i + 1,
      });
    });
    const shifts = [
      { title: "午前（準備・受付）", start: 9, end: 12.5, capacity: 4 },
      { title: "午後（ゲーム・片付け）", start: 12.5, end: 15.5, capacity: 4 },
    ];
    shifts.forEach((sh, si) => {
      const shiftId = demoId(ctx, "shift", key, si);
      ctx.rows.shift.push({
        id: shiftId,
        orgId: ctx.orgId,
        eventId,
        title: sh.title,
        startsAt: jst(date, Math.floor(sh.start), (sh.start % 1) * 60),
        endsAt: jst(date, Math.floor(sh.end), (sh.end % 1) * 60),
        capacity: sh.capacity,
      });
      const mine = signedUp.filter((_, i) => i % 2 === si).slice(0, sh.capacity);
      mine.forEach((personId, i) => {
        ctx.rows.signUp.push({
          id: demoId(ctx, "sign-up", key, si, personId),
          orgId: ctx.orgId,
          shiftId,
          personId,
          status: "CONFIRMED",
          signedUpAt: jst(addDays(date, -20 + i), 21),
          attended: personId !== noShow,
        });
      });
    });
  }

  if (!planned) return;
  const spec = BAZAARS[planned.getUTCMonth() + 1];
  if (!spec) return;
  const key = `${groupKey}/bazaar/${isoDate(planned)}`;
  const rng = createRng(`event/${key}`);
  const members = activeMembers(ctx, groupKey, ctx.today);
  const eventId = demoId(ctx, "event", key);
  const createdOn = addDays(ctx.today, -30);
  ctx.rows.event.push({
    id: eventId,
    orgId: ctx.orgId,
    groupId: group.id,
    title: `${spec.title} 出店`,
    description: "輪投げ・玉入れ・千本くじのゲームコーナー。シフトはツナグから申し込み、定員を超えたらキャンセル待ちになります。",
    place: spec.place,
    startsAt: jst(planned, 10),
    endsAt: jst(planned, 15),
    status: "PLANNED",
    activityLogId: null,
    createdById: creator,
    createdAt: jst(createdOn, 20),
  });
  PLANNED_TASKS.forEach((title, i) => {
    const due = addDays(planned, -14 + i * 3);
    const done = i < 2;
    ctx.rows.eventTask.push({
      id: demoId(ctx, "event-task", key, i),
      orgId: ctx.orgId,
      eventId,
      title,
      assigneeId: members[i % Math.max(1, members.length)] ?? null,
      dueOn: due,
      doneAt: done ? jst(addDays(ctx.today, -rng.int(2, 10)), 21) : null,
      sortOrder: i + 1,
    });
  });
  // two shifts of three places: the morning one is full with one person waiting, the afternoon
  // one has a cancellation
  const order = rng.shuffle(members);
  const plan: Array<{
    title: string;
    start: number;
    end: number;
    capacity: number;
    people: Array<"CONFIRMED" | "WAITLISTED" | "CANCELLED">;
  }> = [
    { title: "午前（準備・受付）", start: 9, end: 12.5, capacity: 3, people: ["CONFIRMED", "CONFIRMED", "CONFIRMED", "WAITLISTED"] },
    { title: "午後（ゲーム・片付け）", start: 12.5, end: 15.5, capacity: 3, people: ["CONFIRMED", "CANCELLED", "CONFIRMED"] },
  ];
  let cursor = 0;
  plan.forEach((sh, si) => {
    const shiftId = demoId(ctx, "shift", key, si);
    ctx.rows.shift.push({
      id: shiftId,
      orgId: ctx.orgId,
      eventId,
      title: sh.title,
      startsAt: jst(planned, Math.floor(sh.start), (sh.start % 1) * 60),
      endsAt: jst(planned, Math.floor(sh.end), (sh.end % 1) * 60),
      capacity: sh.capacity,
    });
    sh.people.forEach((status, i) => {
      const personId = order[cursor++ % Math.max(1, order.length)];
      if (!personId) return;
      const signedUpAt = jst(addDays(createdOn, 2 + i * 2 + si), 21, i * 7);
      ctx.rows.signUp.push({
        id: demoId(ctx, "sign-up", key, si, personId),
        orgId: ctx.orgId,
        shiftId,
        personId,
        status,
        signedUpAt,
        cancelledAt: status === "CANCELLED" ? jst(addDays(createdOn, 12), 8) : null,
        attended: null,
      });
    });
  });
}
