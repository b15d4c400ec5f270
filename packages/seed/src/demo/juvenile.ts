// 少年院ボランティア — 泉南学寮 グリーンサポーター. One cohort of ~8 youths, known ONLY by a
// pseudonymous code (GS-R7-01 …): no name, initial, age or photo is stored anywhere (少年法61条).
// They volunteer weekly from December to March: wakame seeded in December, harvested in February,
// packed in March (44 bags, 13 kg, sold out as 「バリ旨わかめ」), oyster farming and the oyster hut,
// and help for older people living alone.

import { addDays } from "@tsunagu/db";

import {
  addGroup,
  createRng,
  day,
  demoId,
  isHoliday,
  isoDate,
  monthlySessions,
  reiwaYear,
  type DemoContext,
  type JuvenileInfo,
  type Rng,
} from "./context.ts";

const INSTITUTION = "泉南学寮";

export interface WakameSeason {
  /** the season runs from December of `year` to March of `year + 1` */
  year: number;
  start: Date;
  end: Date;
}

function season(year: number): WakameSeason {
  return { year, start: day(year, 12, 1), end: day(year + 1, 3, 31) };
}

/** Every season with days inside the year of logs (one, or two in December–March). */
function wakameSeasons(ctx: Pick<DemoContext, "today" | "windowStart">): WakameSeason[] {
  const out: WakameSeason[] = [];
  for (let y = ctx.windowStart.getUTCFullYear() - 1; y <= ctx.today.getUTCFullYear(); y++) {
    const s = season(y);
    if (s.end >= ctx.windowStart && s.start < ctx.today) out.push(s);
  }
  return out;
}

/** The last finished season: the one whose story (sold-out wakame, the fisherman's words) is told. */
export function storySeason(today: Date): WakameSeason {
  const y = today.getUTCFullYear();
  return today >= day(y, 3, 31) ? season(y - 1) : season(y - 2);
}

export function cohortKey(year: number): string {
  return `juvenile/R${reiwaYear(year)}`;
}

/** One cohort per season in the year of logs, each with `size` youths known by code only. */
export function seedJuvenileCohort(ctx: DemoContext, rng: Rng = createRng("juvenile"), options: { size?: number } = {}): void {
  for (const s of wakameSeasons(ctx)) seedCohort(ctx, rng, s, options.size ?? 8);
}

function seedCohort(ctx: DemoContext, rng: Rng, season: WakameSeason, size: number): void {
  const r = reiwaYear(season.year);
  const key = cohortKey(season.year);
  const group = addGroup(ctx, {
    key,
    programme: "juvenile",
    kind: "cohort",
    name: `${INSTITUTION} グリーンサポーター（令和${r}年度）`,
    description:
      "法務省の立ち直り支援モデル事業。社協が地域の困りごととマッチングし、独居高齢者の困りごと支援、牡蠣養殖と牡蠣小屋、わかめの養殖（12月種付け・2月収穫・3月袋詰め）に取り組む。",
    venue: "西鳥取漁港",
    institution: INSTITUTION,
    meetingSchedule: "12月〜3月の毎週木曜（わかめ・牡蠣小屋の日は 10:00〜15:00、その他は 13:00〜16:00）",
    startedOn: season.start,
    ...(season.end <= ctx.today ? { endedOn: season.end } : {}),
  });

  const cohort: JuvenileInfo[] = [];
  for (let i = 1; i <= size; i++) {
    const code = `GS-R${r}-${String(i).padStart(2, "0")}`;
    const joinedOn = i <= 6 ? addDays(season.start, rng.int(0, 3)) : day(season.year + 1, 1, 8 + rng.int(0, 6));
    // two youths left on provisional release (仮退院) before the end of the season
    const leftOn = i === 2 ? day(season.year + 1, 2, 20) : i === 5 ? day(season.year + 1, 3, 12) : undefined;
    if (joinedOn >= ctx.today) continue;
    // a youth still in the programme when its cohort ended left with it
    const left = leftOn && leftOn <= ctx.today ? leftOn : season.end <= ctx.today ? season.end : undefined;
    const id = demoId(ctx, "juvenile-participant", code);
    ctx.rows.juvenileParticipant.push({
      id,
      orgId: ctx.orgId,
      cohortId: group.id,
      code,
      joinedOn,
      leftOn: left ?? null,
    });
    const info: JuvenileInfo = { id, code, joinedOn, ...(left ? { leftOn: left } : {}) };
    ctx.juveniles.push(info);
    cohort.push(info);
  }

  scheduleCohort(ctx, key, season, cohort);
}

interface Session {
  type: string;
  description: string;
  place: string;
  served?: [number, number];
}

function sessionFor(date: Date, index: number, weekOfMonth: number): Session {
  const m = date.getUTCMonth() + 1;
  const oysters: Session = { type: "gyogyo", description: "牡蠣いかだの手入れと牡蠣の選別・牡蠣割り作業", place: "西鳥取漁港" };
  const hut: Session = {
    type: "kakigoya",
    description: "牡蠣小屋の炭おこし・配膳・片付け",
    place: "西鳥取漁港 牡蠣小屋",
    served: [150, 300],
  };
  const help: Session = {
    type: "komarigoto",
    description: "一人暮らしの高齢者宅での困りごと支援（草引き・家具の移動・網戸の張り替え）",
    place: "西鳥取地区の高齢者宅",
    served: [2, 4],
  };
  if (m === 12) {
    if (index === 0)
      return { type: "wakame", description: "ワカメの種付け（種糸をロープに巻き付けて、いかだに設置）", place: "西鳥取漁港" };
    return weekOfMonth % 2 === 0 ? help : oysters;
  }
  if (m === 1) return weekOfMonth === 3 ? help : weekOfMonth === 4 ? oysters : hut;
  if (m === 2) {
    if (weekOfMonth <= 2) return { type: "wakame", description: "12月に種付けしたワカメを収穫", place: "西鳥取漁港" };
    if (weekOfMonth === 3)
      return { type: "wakame", description: "塩ワカメの商品化にむけた作業（湯通し・塩もみ・芯取り）", place: "西鳥取漁港 作業場" };
    return hut;
  }
  if (m === 3) {
    if (weekOfMonth <= 2)
      return { type: "wakame", description: "塩ワカメを袋詰めして完成！寄付つき商品「バリ旨わかめ」", place: "西鳥取漁港 作業場" };
    return weekOfMonth === 3 ? help : hut;
  }
  return oysters;
}

function active(j: JuvenileInfo, date: Date): boolean {
  return j.joinedOn <= date && (!j.leftOn || j.leftOn >= date);
}

function scheduleCohort(ctx: DemoContext, groupKey: string, season: WakameSeason, cohort: JuvenileInfo[]): void {
  const dates = monthlySessions(ctx, 4, [1, 2, 3, 4, 5], { from: season.start, to: season.end, skip: isHoliday });
  dates.forEach((date, index) => {
    const key = `${groupKey}/${isoDate(date)}`;
    const rng = createRng(`log/${key}`);
    const s = sessionFor(date, index, Math.ceil(date.getUTCDate() / 7));
    const present = cohort.filter((j) => active(j, date) && rng.chance(0.9));
    if (present.length === 0) return;
    ctx.logDrafts.push({
      key,
      groupKey,
      type: s.type,
      date,
      // wakame and oyster-hut days run from the morning; other sessions are afternoons
      minutes: s.type === "wakame" || s.type === "kakigoya" ? 240 : 180,
      place: s.place,
      ...(s.served ? { peopleServed: rng.int(s.served[0], s.served[1]) } : {}),
      description: s.description,
      participants: present.map((j) => ({ juvenileParticipantId: j.id })),
    });
  });
}
