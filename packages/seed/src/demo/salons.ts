// まちなかサロン・カフェ: 42 salons across the four areas (13 host まちなかほっこり相談), each with a
// roster of 4–8 volunteers and its own schedule, and about two sessions a month.
//
// Salon names, venues and people are ILLUSTRATIVE (see areas.ts).

import { addDays, fiscalYearOf } from "@tsunagu/db";

import {
  activeMembers,
  addGroup,
  addMembership,
  addPerson,
  createRng,
  day,
  fiscalYearStart,
  isHoliday,
  isoDate,
  monthlySessions,
  type AreaKey,
  type DemoContext,
  type LogDraft,
  type PersonInfo,
  type Rng,
} from "./context.ts";

type SalonKind = "salon" | "multigen-cafe" | "kyosei-salon" | "dementia-cafe";

interface SalonSpec {
  n: number;
  area: AreaKey;
  district: string;
  kind: SalonKind;
  name: string;
  nameKana: string;
  venue: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  weeks: readonly number[];
  /** "13:30" */
  start: string;
  /** length of the session itself (volunteers log it plus preparation) */
  length: number;
  since: number;
  hokkori?: boolean;
  /** opened during the year of logs (months after the start of the window) */
  opensInWindow?: number;
}

const S = (
  n: number,
  area: AreaKey,
  district: string,
  kind: SalonKind,
  name: string,
  nameKana: string,
  venue: string,
  weekday: number,
  weeks: readonly number[],
  start: string,
  since: number,
  extra: Partial<SalonSpec> = {},
): SalonSpec => ({
  n,
  area,
  district,
  kind,
  name,
  nameKana,
  venue,
  weekday,
  weeks,
  start,
  length: kind === "multigen-cafe" ? 150 : 120,
  since,
  ...extra,
});

const SALONS: readonly SalonSpec[] = [
  // 尾崎
  S(1, "ozaki", "ozaki", "salon", "ふれあい喫茶 さくら", "ふれあいきっさ さくら", "尾崎町住民センター", 3, [2, 4], "13:30", 2009, {
    hokkori: true,
  }),
  S(2, "ozaki", "asahi", "salon", "いきいきサロン朝日", "いきいきさろん あさひ", "朝日会館（集会所）", 2, [1, 3], "13:30", 2011),
  S(
    3,
    "ozaki",
    "ozaki",
    "multigen-cafe",
    "多世代カフェ みなと",
    "たせだいかふぇ みなと",
    "尾崎町商店街の空き店舗",
    6,
    [2, 4],
    "10:00",
    2019,
    { hokkori: true },
  ),
  S(
    4,
    "ozaki",
    "ozaki",
    "dementia-cafe",
    "認知症カフェ 法泉",
    "にんちしょうかふぇ ほうせん",
    "法泉寺 本堂（お寺）",
    4,
    [3],
    "14:00",
    2017,
    { hokkori: true },
  ),
  S(5, "ozaki", "fukushima", "salon", "サロン福島 ひだまり", "さろんふくしま ひだまり", "福島集会所", 1, [2, 4], "13:30", 2012),
  S(
    6,
    "ozaki",
    "fukushima",
    "kyosei-salon",
    "共生型サロン ぽかぽか",
    "きょうせいがたさろん ぽかぽか",
    "代表宅の離れ（自宅開放）",
    5,
    [1, 3],
    "13:30",
    2018,
  ),
  S(7, "ozaki", "ozaki", "salon", "茶話会 すずらん", "さわかい すずらん", "代表宅（自宅開放）", 3, [1, 3], "14:00", 2010),
  S(
    8,
    "ozaki",
    "asahi",
    "multigen-cafe",
    "朝日ふれあいカフェ",
    "あさひふれあいかふぇ",
    "朝日小学校 ふれあいルーム",
    6,
    [1, 3],
    "10:00",
    2020,
  ),
  S(
    9,
    "ozaki",
    "ozaki",
    "salon",
    "百歳体操とお茶の会 尾崎東",
    "ひゃくさいたいそうとおちゃのかい おざきひがし",
    "尾崎東集会所",
    5,
    [1, 2, 3, 4],
    "10:00",
    2016,
  ),
  S(10, "ozaki", "ozaki", "salon", "歌声サロン ドレミ", "うたごえさろん どれみ", "尾崎公民館 音楽室", 1, [1, 3], "13:30", 2014),
  S(
    11,
    "ozaki",
    "fukushima",
    "multigen-cafe",
    "福島わいわいカフェ",
    "ふくしまわいわいかふぇ",
    "福島公営住宅集会所",
    0,
    [2, 4],
    "11:00",
    2021,
  ),
  // 東鳥取
  S(
    12,
    "higashi-tottori",
    "momonokidai",
    "multigen-cafe",
    "桃の木台カフェ こもれび",
    "もものきだいかふぇ こもれび",
    "桃の木台集会所",
    3,
    [2, 4],
    "10:00",
    2015,
    { hokkori: true },
  ),
  S(13, "higashi-tottori", "mai", "salon", "舞サロン なごみ", "まいさろん なごみ", "舞住民センター", 2, [2, 4], "13:30", 2011),
  S(
    14,
    "higashi-tottori",
    "higashi-tottori",
    "dementia-cafe",
    "認知症カフェ 光明",
    "にんちしょうかふぇ こうみょう",
    "光明寺 客殿（お寺）",
    6,
    [3],
    "14:00",
    2016,
    { hokkori: true },
  ),
  S(
    15,
    "higashi-tottori",
    "higashi-tottori",
    "salon",
    "いきいきサロン石田",
    "いきいきさろん いしだ",
    "石田会館（集会所）",
    4,
    [1, 3],
    "13:30",
    2013,
  ),
  S(
    16,
    "higashi-tottori",
    "higashi-tottori",
    "kyosei-salon",
    "共生型サロン 虹のたまご",
    "きょうせいがたさろん にじのたまご",
    "桑畑集会所",
    5,
    [2, 4],
    "13:30",
    2019,
  ),
  S(
    17,
    "higashi-tottori",
    "higashi-tottori",
    "salon",
    "東鳥取ふれあい喫茶",
    "ひがしとっとりふれあいきっさ",
    "東鳥取公民館",
    3,
    [1, 3],
    "13:30",
    2008,
    { hokkori: true },
  ),
  S(
    18,
    "higashi-tottori",
    "higashi-tottori",
    "salon",
    "山中渓 茶ろん",
    "やまなかだに さろん",
    "山中渓会館（集会所）",
    1,
    [2, 4],
    "13:30",
    2012,
  ),
  S(
    19,
    "higashi-tottori",
    "mai",
    "multigen-cafe",
    "多世代カフェ まいまい",
    "たせだいかふぇ まいまい",
    "舞地区の空き家（地域の持ち寄り改装）",
    6,
    [2, 4],
    "10:00",
    2026,
    { opensInWindow: 6 },
  ),
  S(
    20,
    "higashi-tottori",
    "momonokidai",
    "salon",
    "手芸サロン はなみずき",
    "しゅげいさろん はなみずき",
    "代表宅（自宅開放）",
    4,
    [2, 4],
    "13:30",
    2014,
  ),
  S(
    21,
    "higashi-tottori",
    "higashi-tottori",
    "salon",
    "和泉鳥取 ほっとサロン",
    "いずみとっとり ほっとさろん",
    "和泉鳥取集会所",
    2,
    [1, 3],
    "13:30",
    2013,
  ),
  // 西鳥取
  S(
    22,
    "nishi-tottori",
    "nishi-tottori",
    "multigen-cafe",
    "漁港カフェ しおさい",
    "ぎょこうかふぇ しおさい",
    "西鳥取漁港 休憩所",
    0,
    [1, 3],
    "10:00",
    2020,
    { hokkori: true },
  ),
  S(23, "nishi-tottori", "hata", "salon", "波太サロン えがお", "はたさろん えがお", "波太会館（集会所）", 3, [2, 4], "13:30", 2010),
  S(
    24,
    "nishi-tottori",
    "hata",
    "dementia-cafe",
    "認知症カフェ 浄光",
    "にんちしょうかふぇ じょうこう",
    "浄光寺 庫裏（お寺）",
    4,
    [2],
    "14:00",
    2017,
    { hokkori: true },
  ),
  S(
    25,
    "nishi-tottori",
    "kamino",
    "salon",
    "上荘ふれあいサロン",
    "かみのしょうふれあいさろん",
    "上荘住民センター",
    2,
    [2, 4],
    "13:30",
    2012,
  ),
  S(
    26,
    "nishi-tottori",
    "nishi-tottori",
    "kyosei-salon",
    "共生型サロン ゆいまーる",
    "きょうせいがたさろん ゆいまーる",
    "鳥取中集会所",
    5,
    [1, 3],
    "13:30",
    2018,
  ),
  S(27, "nishi-tottori", "kamino", "multigen-cafe", "光陽台カフェ", "こうようだいかふぇ", "光陽台集会所", 6, [1, 3], "10:00", 2016, {
    hokkori: true,
  }),
  S(28, "nishi-tottori", "kamino", "salon", "緑ケ丘いきいき会", "みどりがおかいきいきかい", "緑ケ丘集会所", 1, [1, 3], "13:30", 2011),
  S(
    29,
    "nishi-tottori",
    "nishi-tottori",
    "salon",
    "囲碁・将棋サロン 西鳥取",
    "いご しょうぎさろん にしとっとり",
    "西鳥取公民館",
    4,
    [1, 3],
    "13:00",
    2015,
  ),
  S(
    30,
    "nishi-tottori",
    "nishi-tottori",
    "multigen-cafe",
    "朝市カフェ 浜風",
    "あさいちかふぇ はまかぜ",
    "代表宅のガレージ（自宅開放）",
    0,
    [2, 4],
    "09:00",
    2021,
  ),
  S(31, "nishi-tottori", "hata", "salon", "男の料理サロン", "おとこのりょうりさろん", "西鳥取公民館 調理室", 6, [3], "10:00", 2014),
  // 下荘
  S(
    32,
    "shimonosho",
    "hakotsukuri",
    "salon",
    "箱作ふれあいサロン",
    "はこつくりふれあいさろん",
    "箱作会館（集会所）",
    3,
    [1, 3],
    "13:30",
    2009,
    { hokkori: true },
  ),
  S(
    33,
    "shimonosho",
    "hakotsukuri",
    "multigen-cafe",
    "多世代カフェ はこつくり",
    "たせだいかふぇ はこつくり",
    "箱作駅前の空き店舗",
    6,
    [2, 4],
    "10:00",
    2019,
  ),
  S(
    34,
    "shimonosho",
    "kaikake",
    "dementia-cafe",
    "認知症カフェ 西方",
    "にんちしょうかふぇ さいほう",
    "西方寺 本堂（お寺）",
    5,
    [3],
    "14:00",
    2016,
    { hokkori: true },
  ),
  S(35, "shimonosho", "kaikake", "salon", "貝掛サロン わかば", "かいかけさろん わかば", "貝掛集会所", 2, [1, 3], "13:30", 2012),
  S(
    36,
    "shimonosho",
    "shimonosho",
    "kyosei-salon",
    "共生型サロン つむぎ",
    "きょうせいがたさろん つむぎ",
    "下荘住民センター",
    4,
    [2, 4],
    "13:30",
    2018,
    { hokkori: true },
  ),
  S(
    37,
    "shimonosho",
    "shimonosho",
    "salon",
    "下出いきいきサロン",
    "しもいでいきいきさろん",
    "下出会館（集会所）",
    1,
    [2, 4],
    "13:30",
    2010,
  ),
  S(
    38,
    "shimonosho",
    "shimonosho",
    "multigen-cafe",
    "茶屋川カフェ ひなた",
    "ちゃやがわかふぇ ひなた",
    "代表宅（自宅開放）",
    3,
    [2, 4],
    "10:00",
    2022,
  ),
  S(39, "shimonosho", "kaikake", "salon", "玉田山サロン", "たまだやまさろん", "玉田山集会所", 5, [2, 4], "13:30", 2013),
  S(
    40,
    "shimonosho",
    "hakotsukuri",
    "salon",
    "箱の浦 しおかぜサロン",
    "はこのうら しおかぜさろん",
    "箱の浦集会所",
    2,
    [2, 4],
    "13:30",
    2011,
  ),
  S(
    41,
    "shimonosho",
    "shimonosho",
    "multigen-cafe",
    "下荘ふれあいカフェ",
    "しものしょうふれあいかふぇ",
    "下荘小学校 地域交流室",
    6,
    [2],
    "10:00",
    2017,
    { hokkori: true },
  ),
  S(42, "shimonosho", "shimonosho", "salon", "脳トレサロン 下荘", "のうとれさろん しものしょう", "下荘公民館", 4, [1, 3], "13:30", 2015),
];

const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"];

function scheduleText(s: SalonSpec): string {
  const [h, m] = s.start.split(":").map(Number) as [number, number];
  const endMin = h * 60 + m + s.length;
  const end = `${Math.floor(endMin / 60)}:${String(endMin % 60).padStart(2, "0")}`;
  const when =
    s.weeks.length >= 4 ? `毎週${WEEKDAYS[s.weekday]}曜` : `毎月${s.weeks.map((w) => `第${w}`).join("・")}${WEEKDAYS[s.weekday]}曜`;
  return `${when} ${s.start}〜${end}${s.hokkori ? "（まちなかほっこり相談あり）" : ""}`;
}

const KIND_DESCRIPTION: Record<SalonKind, string> = {
  salon: "歩いて来られる距離で、お茶とおしゃべり、体操や脳トレを楽しむふれあいサロン。",
  "multigen-cafe": "子どもから高齢者まで誰でも立ち寄れる多世代カフェ。子育て中の親子や学生ボランティアも参加。",
  "kyosei-salon": "高齢者、障がいのある人、子どもが一緒に過ごす共生型サロン。",
  "dementia-cafe": "認知症の人と家族、地域の人が気軽に集う認知症カフェ。ミニ講座と個別相談も。",
};

export interface SalonOptions {
  salons?: readonly SalonSpec[];
}

export function seedSalons(ctx: DemoContext, rng: Rng = createRng("salons"), options: SalonOptions = {}): void {
  const salons = options.salons ?? SALONS;
  const fy = fiscalYearOf(ctx.today);
  const roleChange = fiscalYearStart(fy); // 代表交代 at the start of this fiscal year
  const roleChangeEnd = addDays(roleChange, -1);
  const byArea = new Map<AreaKey, PersonInfo[]>();

  for (const s of salons) {
    const key = `salon/${String(s.n).padStart(2, "0")}`;
    const startedOn = s.opensInWindow
      ? addDays(ctx.windowStart, s.opensInWindow * 30 + ((6 - addDays(ctx.windowStart, s.opensInWindow * 30).getUTCDay() + 7) % 7))
      : day(s.since, rng.int(4, 10), 1);
    addGroup(ctx, {
      key,
      programme: "salon",
      kind: s.kind,
      name: s.name,
      nameKana: s.nameKana,
      description: KIND_DESCRIPTION[s.kind],
      areaKey: s.area,
      districtKey: s.district,
      venue: s.venue,
      hostsHokkoriConsultation: s.hokkori ?? false,
      meetingSchedule: scheduleText(s),
      startedOn,
    });

    // roster: 代表, 副代表 and/or 会計, members
    const size = s.weeks.length >= 4 ? 8 : rng.int(4, 7);
    const roster: Array<{ person: PersonInfo; role: string; startedOn: Date }> = [];
    let couple: { kanji: string; kana: string } | undefined;
    for (let i = 0; i < size; i++) {
      const founder = i < 3;
      const joined = founder
        ? startedOn
        : rng.chance(0.15) && !s.opensInWindow
          ? addDays(ctx.windowStart, rng.int(20, 300)) // joined during the year of logs
          : addDays(startedOn, rng.int(30, Math.max(31, Math.floor((ctx.windowStart.getTime() - startedOn.getTime()) / 86_400_000))));
      // the couple who run the harbour café (and, in open-groups.ts, help at the oyster hut and farm)
      const isHusband = s.n === 22 && i === 0;
      const isWife = s.n === 22 && i === 1;
      const gender = isHusband ? "M" : isWife ? "F" : rng.chance(0.75) ? "F" : "M";
      const generation =
        isHusband || isWife ? "senior" : s.kind === "multigen-cafe" && rng.chance(0.4) ? "adult" : rng.chance(0.85) ? "senior" : "adult";
      const person = addPerson(ctx, rng, {
        key: `${key}/${i}`,
        areaKey: s.area,
        generation,
        gender,
        ...(isWife && couple ? { familyName: couple } : {}),
        registeredOn: joined,
      });
      if (s.n === 22 && i === 0) {
        couple = { kanji: person.legalName.split(" ")[0] ?? "", kana: person.legalNameKana.split(" ")[0] ?? "" };
      }
      const role =
        i === 0 ? "representative" : i === 1 ? (size >= 6 ? "vice" : "treasurer") : i === 2 && size >= 6 ? "treasurer" : "member";
      roster.push({ person, role, startedOn: joined > ctx.today ? ctx.windowStart : joined });
    }

    // two salons changed their 代表 at the start of this fiscal year (history kept)
    const changesLeader = (s.n === 5 || s.n === 23) && roleChange > ctx.windowStart;
    roster.forEach((r, i) => {
      if (changesLeader && (i === 0 || i === 1)) {
        const newRole = i === 0 ? "member" : "representative";
        addMembership(ctx, {
          groupKey: key,
          personId: r.person.id,
          role: r.role,
          startedOn: r.startedOn,
          endedOn: roleChangeEnd,
          endReason: i === 0 ? "代表交代（メンバーとして継続）" : "代表に就任",
        });
        addMembership(ctx, { groupKey: key, personId: r.person.id, role: newRole, startedOn: roleChange, joinedOn: r.startedOn });
        return;
      }
      // a few volunteers stopped during the year of logs
      const stops = i >= 3 && rng.chance(0.1) && s.n !== 1;
      const endedOn = stops ? addDays(ctx.windowStart, rng.int(60, 300)) : undefined;
      addMembership(ctx, {
        groupKey: key,
        personId: r.person.id,
        role: r.role,
        startedOn: r.startedOn,
        ...(endedOn && endedOn > r.startedOn
          ? { endedOn, endReason: rng.pick(["転居のため", "体調のため休止", "家族の介護のため", "仕事の都合"]) }
          : {}),
      });
    });
    const list = byArea.get(s.area) ?? [];
    list.push(...roster.filter((r) => r.role === "member").map((r) => r.person));
    byArea.set(s.area, list);
  }

  // some volunteers help at a second salon of their area
  for (const s of salons) {
    if (s.n % 3 !== 0) continue;
    const key = `salon/${String(s.n).padStart(2, "0")}`;
    const here = new Set(activeMembers(ctx, key, ctx.today));
    const candidates = (byArea.get(s.area) ?? []).filter((p) => !here.has(p.id));
    const helper = candidates.length > 0 ? rng.pick(candidates) : undefined;
    if (!helper) continue;
    addMembership(ctx, {
      groupKey: key,
      personId: helper.id,
      role: "member",
      startedOn: addDays(ctx.windowStart, -rng.int(60, 700)),
    });
  }

  for (const s of salons) scheduleSalonSessions(ctx, s);
}

const SESSION_NOTES: Record<SalonKind, readonly string[]> = {
  salon: ["お茶とおしゃべり、いきいき百歳体操", "脳トレと手遊び", "季節の工作と茶話会", "歌とお茶の時間", "誕生日会と茶話会"],
  "multigen-cafe": [
    "多世代カフェ：親子連れと高齢者がいっしょにランチ",
    "昔あそびを子どもたちと",
    "手作りおやつとコーヒー",
    "学生ボランティアと宿題タイム＆お茶会",
  ],
  "kyosei-salon": ["共生型サロン：作業所のメンバーとクッキーづくり", "みんなで体操とお茶", "手芸と茶話会（障がいのある方も一緒に）"],
  "dementia-cafe": [
    "認知症カフェ：ミニ講座「物忘れと上手につきあう」",
    "認知症カフェ：家族同士の語らいと個別相談",
    "認知症カフェ：音楽と回想法",
  ],
};

function scheduleSalonSessions(ctx: DemoContext, s: SalonSpec): void {
  const key = `salon/${String(s.n).padStart(2, "0")}`;
  const group = ctx.groups.get(key);
  if (!group) return;
  const startedOn = ctx.rows.group.find((g) => g.id === group.id)?.startedOn;
  const from = startedOn instanceof Date ? startedOn : undefined;
  const dates = monthlySessions(ctx, s.weekday, s.weeks, { ...(from ? { from } : {}), skip: isHoliday });
  let lastMonth = -1;
  for (const date of dates) {
    const logKey = `${key}/${isoDate(date)}`;
    const rng = createRng(`log/${logKey}`);
    if (rng.chance(0.04)) continue; // cancelled (typhoon, venue unavailable …)
    const members = activeMembers(ctx, key, date);
    const present = members.filter(() => rng.chance(0.85));
    if (present.length < 2) present.splice(0, present.length, ...members.slice(0, 2));
    if (present.length === 0) continue;
    const firstOfMonth = date.getUTCMonth() !== lastMonth;
    lastMonth = date.getUTCMonth();
    const note = rng.pick(SESSION_NOTES[s.kind]);
    const minutes = s.length + 30; // with preparation and tidying up
    const served =
      s.kind === "dementia-cafe"
        ? rng.int(8, 16)
        : s.kind === "multigen-cafe"
          ? rng.int(15, 35)
          : s.weeks.length >= 4
            ? rng.int(14, 24)
            : rng.int(10, 22);
    const draft: LogDraft = {
      key: logKey,
      groupKey: key,
      type: "salon",
      date,
      minutes,
      place: s.venue,
      peopleServed: served,
      description: s.hokkori && firstOfMonth ? `${note}／まちなかほっこり相談（CSW・地域包括支援センター職員が来訪）` : note,
      participants: present.map((personId, i) => ({ personId, ...(i > 2 && rng.chance(0.15) ? { minutes: s.length } : {}) })),
      ...(s.n === 1 ? { submitter: "salon-leader" as const } : {}),
    };
    ctx.logDrafts.push(draft);
  }
}

/** The one rejected log: a duplicate of an approved session of the demo salon leader's salon. */
export function addRejectedDuplicate(ctx: DemoContext): void {
  const target = ctx.logDrafts
    .filter((d) => d.groupKey === "salon/01" && d.date <= addDays(ctx.today, -40))
    .sort((a, b) => b.date.getTime() - a.date.getTime())[0];
  if (!target) return;
  ctx.logDrafts.push({
    ...target,
    key: `${target.key}/duplicate`,
    participants: target.participants.slice(0, 2),
    status: "REJECTED",
    submitter: "salon-leader",
    rejectionReason:
      "同じ日のサロン運営の記録がすでに承認されています（重複登録）。参加者の追加が必要な場合は、元の記録に追記してください。",
  });
}
