// OPEN programmes: 漁福連携 (the oyster hut at 西鳥取漁港, the 共生 fishing project, the monthly
// community dinner at the port) and 農福連携 (the welfare farm). The same volunteers join them —
// the couple who run the harbour café among them, as in the report's story of 「Aさん夫妻」.

import { addDays } from "@tsunagu/db";

import {
  activeMembers,
  addGroup,
  addMembership,
  addPerson,
  createRng,
  day,
  isHoliday,
  isoDate,
  monthlySessions,
  need,
  type DemoContext,
  type Rng,
} from "./context.ts";

interface OpenGroupSpec {
  key: string;
  programme: "gyofuku" | "noufuku";
  kind: "gyofuku-project" | "farm";
  name: string;
  nameKana: string;
  description: string;
  venue: string;
  schedule: string;
  startedOn: Date;
  area: "nishi-tottori" | "higashi-tottori";
  district: string;
  /** people of other groups who also help here: [person key, role] */
  shared: Array<[string, string]>;
  /** new volunteers: the first takes `leadRole` unless a shared person leads */
  newcomers: number;
  leadRole?: string;
}

const OPEN_GROUPS: readonly OpenGroupSpec[] = [
  {
    key: "gyofuku/kakigoya",
    programme: "gyofuku",
    kind: "gyofuku-project",
    name: "西鳥取漁港 牡蠣小屋ボランティア",
    nameKana: "にしとっとりぎょこう かきごやぼらんてぃあ",
    description:
      "漁師さんと一緒に、観光牡蠣小屋（年間約7,500人が来場）の炭おこし・配膳・片付け、牡蠣割り作業を手伝うボランティア。少年院生や就労準備中の人も一緒に活動。",
    venue: "西鳥取漁港",
    schedule: "牡蠣小屋の営業期間（1月〜3月）の土日 9:30〜16:00",
    startedOn: day(2021, 1, 9),
    area: "nishi-tottori",
    district: "nishi-tottori",
    shared: [
      ["salon/22/0", "member"],
      ["salon/22/1", "member"],
      ["network/6", "member"],
    ],
    newcomers: 6,
    leadRole: "representative",
  },
  {
    key: "gyofuku/fishing",
    programme: "gyofuku",
    kind: "gyofuku-project",
    name: "共生の釣りプロジェクト",
    nameKana: "きょうせいのつりぷろじぇくと",
    description:
      "地域包括と協働した認知症高齢者向けの「釣りプロジェクト」が、不登校の子の参加をきっかけに共生型に。認知症高齢者、ひきこもりの青年、地元ボランティア、漁師、子育て支援NPO、学校、作業所などが一緒に釣りを楽しむ。",
    venue: "西鳥取漁港 岸壁",
    schedule: "毎月第2日曜 9:00〜11:30",
    startedOn: day(2020, 10, 11),
    area: "nishi-tottori",
    district: "nishi-tottori",
    shared: [
      ["salon/22/0", "member"],
      ["network/12", "member"],
      ["gyofuku/kakigoya/new/0", "supporter"],
    ],
    newcomers: 4,
    leadRole: "representative",
  },
  {
    key: "gyofuku/shokudo",
    programme: "gyofuku",
    kind: "gyofuku-project",
    name: "漁港みんなの食堂",
    nameKana: "ぎょこうみんなのしょくどう",
    description:
      "漁港で月1回開く多世代の地域食堂。漁師、施設職員、企業、福祉委員会、近隣高校のボランティア、外国人留学生など担い手も多様。食事の後は夕陽の沈む浜で遊ぶ。",
    venue: "西鳥取漁港 荷さばき場",
    schedule: "毎月第4土曜 17:00〜19:30",
    startedOn: day(2019, 6, 22),
    area: "nishi-tottori",
    district: "nishi-tottori",
    shared: [
      ["salon/22/1", "representative"],
      ["salon/22/0", "member"],
      ["salon/30/2", "member"],
      ["network/11", "member"],
    ],
    newcomers: 6,
  },
  {
    key: "noufuku/farm",
    programme: "noufuku",
    kind: "farm",
    name: "福祉農園 ふれあい田んぼ",
    nameKana: "ふくしのうえん ふれあいたんぼ",
    description:
      "お米と野菜づくりを通じて、認知症の高齢者、子どもたち、障がいのある人が交流する福祉農園。採れたお米や野菜は漁港みんなの食堂でも使われる。",
    venue: "自然田の福祉農園",
    schedule: "毎月第1・第3水曜 9:00〜11:30",
    startedOn: day(2018, 4, 18),
    area: "higashi-tottori",
    district: "higashi-tottori",
    shared: [
      ["salon/22/0", "member"],
      ["salon/22/1", "member"],
    ],
    newcomers: 6,
    leadRole: "representative",
  },
];

export function seedOpenGroups(ctx: DemoContext, rng: Rng = createRng("open-groups")): void {
  for (const g of OPEN_GROUPS) {
    addGroup(ctx, {
      key: g.key,
      programme: g.programme,
      kind: g.kind,
      name: g.name,
      nameKana: g.nameKana,
      description: g.description,
      areaKey: g.area,
      districtKey: g.district,
      venue: g.venue,
      meetingSchedule: g.schedule,
      startedOn: g.startedOn,
    });
    const joinedBetween = (i: number) =>
      i === 0
        ? g.startedOn
        : addDays(g.startedOn, rng.int(20, Math.max(21, Math.floor((ctx.windowStart.getTime() - g.startedOn.getTime()) / 86_400_000))));
    for (let i = 0; i < g.newcomers; i++) {
      const newInWindow = i === g.newcomers - 1;
      const startedOn = newInWindow ? addDays(ctx.windowStart, rng.int(30, 200)) : joinedBetween(i);
      const person = addPerson(ctx, rng, {
        key: `${g.key}/new/${i}`,
        areaKey: g.area,
        generation: i === 0 && g.key === "gyofuku/kakigoya" ? "senior" : rng.chance(0.5) ? "senior" : "adult",
        ...(i === 0 && g.key === "gyofuku/kakigoya" ? { gender: "M" as const } : {}),
        registeredOn: startedOn,
      });
      addMembership(ctx, {
        groupKey: g.key,
        personId: person.id,
        role: i === 0 && g.leadRole ? g.leadRole : i === 1 ? "treasurer" : "member",
        startedOn,
      });
    }
    for (const [personKey, role] of g.shared) {
      const person = need(ctx.peopleByKey, personKey, "person");
      addMembership(ctx, {
        groupKey: g.key,
        personId: person.id,
        role,
        startedOn: addDays(g.startedOn, rng.int(0, 400)),
      });
    }
  }
  scheduleOpenGroupActivities(ctx);
}

function scheduleOpenGroupActivities(ctx: DemoContext): void {
  // 牡蠣小屋: every weekend of the season (January–March)
  const hutDates = [
    ...monthlySessions(ctx, 6, [1, 2, 3, 4, 5], { skip: (d) => d.getUTCMonth() > 2 || isHoliday(d) }),
    ...monthlySessions(ctx, 0, [1, 2, 3, 4, 5], { skip: (d) => d.getUTCMonth() > 2 || isHoliday(d) }),
  ].sort((a, b) => a.getTime() - b.getTime());
  for (const date of hutDates) {
    const key = `gyofuku/kakigoya/${isoDate(date)}`;
    const rng = createRng(`log/${key}`);
    const members = activeMembers(ctx, "gyofuku/kakigoya", date);
    ctx.logDrafts.push({
      key,
      groupKey: "gyofuku/kakigoya",
      type: "kakigoya",
      date,
      minutes: 330,
      place: "西鳥取漁港 牡蠣小屋",
      peopleServed: date.getUTCDay() === 0 ? rng.int(250, 420) : rng.int(150, 300),
      description: rng.pick(["炭おこし・配膳・片付け", "牡蠣割り作業と配膳", "受付と駐車場の誘導、片付け"]),
      participants: rng.sample(members, rng.int(3, Math.min(6, members.length))).map((personId) => ({ personId })),
    });
  }

  const monthly: Array<{
    groupKey: string;
    weekday: number;
    weeks: number[];
    type: string;
    minutes: number;
    place: string;
    served: [number, number];
    notes: string[];
  }> = [
    {
      groupKey: "gyofuku/fishing",
      weekday: 0,
      weeks: [2],
      type: "gyogyo",
      minutes: 150,
      place: "西鳥取漁港 岸壁",
      served: [6, 12],
      notes: [
        "サビキ釣り。認知症の高齢者と不登校の中学生がペアで参加",
        "漁師さんによる仕掛けづくり教室と釣り",
        "釣った魚をその場で天ぷらに",
      ],
    },
    {
      groupKey: "gyofuku/shokudo",
      weekday: 6,
      weeks: [4],
      type: "shokudo",
      minutes: 180,
      place: "西鳥取漁港 荷さばき場",
      served: [40, 80],
      notes: [
        "漁港みんなの食堂：地魚の煮付けと農園のお米",
        "漁港みんなの食堂：カレーと浜あそび",
        "漁港みんなの食堂：留学生と一緒に作る郷土料理",
      ],
    },
    {
      groupKey: "noufuku/farm",
      weekday: 3,
      weeks: [1, 3],
      type: "farm",
      minutes: 150,
      place: "自然田の福祉農園",
      served: [5, 15],
      notes: ["田んぼの草取り", "野菜の植え付けと水やり", "さつまいも掘り", "稲刈りとはさ掛け", "畑の土づくり"],
    },
  ];
  for (const m of monthly) {
    for (const date of monthlySessions(ctx, m.weekday, m.weeks, { skip: isHoliday })) {
      const key = `${m.groupKey}/${isoDate(date)}`;
      const rng = createRng(`log/${key}`);
      const members = activeMembers(ctx, m.groupKey, date);
      if (members.length === 0) continue;
      ctx.logDrafts.push({
        key,
        groupKey: m.groupKey,
        type: m.type,
        date,
        minutes: m.minutes,
        place: m.place,
        peopleServed: rng.int(m.served[0], m.served[1]),
        description: rng.pick(m.notes),
        participants: rng
          .sample(members, Math.max(2, Math.round(members.length * (0.5 + rng.next() * 0.4))))
          .map((personId) => ({ personId })),
      });
    }
  }
}
