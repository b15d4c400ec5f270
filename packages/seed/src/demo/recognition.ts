// Recognition — how the report's stories end: thank-you messages (the fisherman's, the youth's and
// the fishing project's words, and residents' thanks), milestones earned from the approved logs,
// the cohort's 「バリ旨わかめ」 sell-out, and a few issued 感謝状.

import { addDays } from "@tsunagu/db";

import { demoUserId } from "./accounts.ts";
import {
  addYears,
  createRng,
  day,
  demoId,
  groupOf,
  jst,
  need,
  nthWeekday,
  wareki,
  type DemoContext,
  type LogInfo,
  type Rng,
} from "./context.ts";
import { cohortKey, storySeason } from "./juvenile.ts";

const COUNCIL = "社会福祉法人 阪南市社会福祉協議会 会長";

export function seedRecognition(ctx: DemoContext, rng: Rng = createRng("recognition")): void {
  const awards = seedMilestoneAwards(ctx, ctx.milestones);
  seedThanks(ctx, rng);
  const wakame = seedWakameAchievement(ctx);
  seedCertificates(ctx, awards, wakame);
}

interface Award {
  id: string;
  code: string;
  personId?: string;
  juvenileParticipantId?: string;
  awardedAt: Date;
}

/**
 * Awards computed from the approved logs, the way the product awards them when staff approve:
 * the first approved activity, then each hours threshold the running total crosses (awarded with
 * the log that crossed it); years of service from the person's earliest membership, for people
 * with at least one approved activity.
 */
function seedMilestoneAwards(ctx: DemoContext, milestoneId: Map<string, string>): Award[] {
  const approved = ctx.logs
    .filter((l): l is LogInfo & { reviewedAt: Date } => l.status === "APPROVED" && l.reviewedAt !== undefined)
    .sort((a, b) => a.date.getTime() - b.date.getTime() || a.key.localeCompare(b.key));
  const total = new Map<string, number>();
  const awards: Award[] = [];
  const push = (code: string, who: { personId?: string; juvenileParticipantId?: string }, awardedAt: Date, logId: string | null) => {
    const whoId = who.personId ?? who.juvenileParticipantId ?? "";
    const id = demoId(ctx, "milestone-award", code, whoId);
    ctx.rows.milestoneAward.push({
      id,
      orgId: ctx.orgId,
      milestoneId: need(milestoneId, code, "milestone"),
      personId: who.personId ?? null,
      juvenileParticipantId: who.juvenileParticipantId ?? null,
      activityLogId: logId,
      awardedAt,
    });
    awards.push({ id, code, ...who, awardedAt });
  };
  for (const log of approved) {
    for (const p of log.participants) {
      const who = p.personId ? { personId: p.personId } : { juvenileParticipantId: p.juvenileParticipantId as string };
      const whoId = p.personId ?? p.juvenileParticipantId ?? "";
      const before = total.get(whoId) ?? 0;
      const after = before + p.minutes;
      total.set(whoId, after);
      if (before === 0) push("first-activity", who, log.reviewedAt, log.id);
      for (const h of [10, 50, 100, 300]) {
        if (before < h * 60 && after >= h * 60) push(`hours-${h}`, who, log.reviewedAt, log.id);
      }
    }
  }
  // years of service
  const firstStart = new Map<string, Date>();
  for (const m of ctx.memberships) {
    const prev = firstStart.get(m.personId);
    if (!prev || m.startedOn < prev) firstStart.set(m.personId, m.startedOn);
  }
  for (const [personId, start] of firstStart) {
    if (!total.has(personId)) continue;
    for (const years of [1, 3, 5, 10]) {
      const anniversary = addYears(start, years);
      if (anniversary > ctx.today) continue;
      push(`years-${years}`, { personId }, jst(anniversary, 9), null);
    }
  }
  return awards;
}

// ───────────────────────── thank-you messages ─────────────────────────

interface Thanks {
  key: string;
  to: { group: string } | { person: string };
  fromName: string;
  body: string;
  receivedOn: Date;
  status: "APPROVED" | "PENDING";
}

function leaderOf(ctx: DemoContext, groupKey: string, role = "representative"): string | undefined {
  return ctx.memberships.find((m) => m.groupKey === groupKey && m.role === role && !m.endedOn)?.personId;
}

function seedThanks(ctx: DemoContext, rng: Rng): void {
  const staff = demoUserId(ctx, "staff");
  const season = storySeason(ctx.today);
  const cohort = cohortKey(season.year);
  const latest = (groupKey: string) =>
    ctx.logs.filter((l) => l.groupKey === groupKey).sort((a, b) => b.date.getTime() - a.date.getTime())[0]?.date;
  const within = (d: Date | undefined, fallbackDaysAgo: number) =>
    d && d >= ctx.windowStart && d <= ctx.today ? d : addDays(ctx.today, -fallbackDaysAgo);
  const recentDay = (daysAgo: number) => addDays(ctx.today, -daysAgo);

  const list: Thanks[] = [
    {
      key: "fisherman",
      to: { group: cohort },
      fromName: "西鳥取漁港の漁師さん",
      body: "我々漁師も嬉しくて涙がでる。また困ってる人がいたら紹介してな",
      // when the youth who had left on provisional release came back to the port with his parents
      receivedOn: day(season.year + 1, 2, 27),
      status: "APPROVED",
    },
    {
      key: "green-supporter",
      to: { group: "gyofuku/kakigoya" },
      fromName: "グリーンサポーターの参加者（泉南学寮）",
      body: "１日でこんなにも“ありがとう”と言われたことがなかった",
      receivedOn: day(season.year + 1, 1, 22),
      status: "APPROVED",
    },
    {
      key: "fishing-project",
      to: { group: "gyofuku/fishing" },
      fromName: "釣りプロジェクトに参加した高齢の方",
      body: "高齢で諦めていたけど、また釣りができて嬉しい",
      receivedOn: within(latest("gyofuku/fishing"), 60),
      status: "APPROVED",
    },
    {
      key: "salon-01-family",
      to: { group: "salon/01" },
      fromName: "利用者のご家族",
      body: "毎回あたたかく迎えてくださり、ひとり暮らしの母が月2回のサロンをとても楽しみにしています。ありがとうございます。",
      receivedOn: recentDay(150),
      status: "APPROVED",
    },
    {
      key: "school-ozaki-weeding",
      to: { group: "school/ozaki" },
      fromName: "尾崎町の一人暮らしの高齢者",
      body: "草引きを手伝ってくれてありがとう。庭がすっかりきれいになって、久しぶりに縁側でお茶を飲みました。",
      receivedOn: recentDay(180),
      status: "APPROVED",
    },
    {
      key: "school-jh-cafe",
      to: { group: "school/tottori-higashi" },
      fromName: "中学生カフェに来た地域の方",
      body: "中学生のみなさんが企画したカフェ、手作りのお菓子もおいしくて、とても楽しい時間でした。また行きます。",
      receivedOn: recentDay(70),
      status: "APPROVED",
    },
    {
      key: "dementia-cafe-family",
      to: { person: leaderOf(ctx, "salon/04") ?? "" },
      fromName: "認知症カフェに通う方のご家族",
      body: "認知症の夫と一緒に通える場所ができて、本当に救われました。いつも声をかけてくださってありがとうございます。",
      receivedOn: recentDay(120),
      status: "APPROVED",
    },
    {
      key: "farm-sweet-potatoes",
      to: { group: "noufuku/farm" },
      fromName: "漁港みんなの食堂の参加者",
      body: "農園で採れたさつまいも、食堂の豚汁に入っていてとてもおいしかったです。子どもたちも芋ほりの話で持ちきりでした。",
      receivedOn: recentDay(40),
      status: "APPROVED",
    },
    {
      key: "shokudo-parent",
      to: { group: "gyofuku/shokudo" },
      fromName: "西鳥取の子育て中の保護者",
      body: "子どもが毎月の食堂を楽しみにしています。食べたあと夕陽の浜で遊べるのも最高です。",
      receivedOn: recentDay(95),
      status: "APPROVED",
    },
    {
      key: "bazaar-family",
      to: { group: "network/event" },
      fromName: "バザーに来た親子",
      body: "千本くじ、子どもが大喜びでした。輪投げも家族みんなで楽しめました。また出店してください！",
      receivedOn: within(latest("network/event"), 30),
      status: "APPROVED",
    },
    {
      key: "salon-22-lift",
      to: { person: ctx.peopleByKey.get("salon/22/0")?.id ?? "" },
      fromName: "漁港カフェの常連さん",
      body: "足が悪くなってからも、毎回車で送り迎えしてくださって本当にありがとうございます。カフェが生きがいです。",
      receivedOn: recentDay(6),
      status: "PENDING",
    },
    {
      key: "school-nishi-tottori-cards",
      to: { group: "school/nishi-tottori" },
      fromName: "西鳥取の民生委員",
      body: "子ども福祉委員さんの手紙を、訪問先の皆さんが冷蔵庫に貼って大事にしています。ありがとう。",
      receivedOn: recentDay(4),
      status: "PENDING",
    },
    {
      key: "salon-17-regular",
      to: { group: "salon/17" },
      fromName: "ふれあい喫茶の利用者",
      body: "夫を亡くしてから家にこもりがちでしたが、ここに来るようになって友だちができました。",
      receivedOn: recentDay(2),
      status: "PENDING",
    },
  ];

  for (const t of list) {
    const toPersonId = "person" in t.to ? t.to.person : null;
    if ("person" in t.to && !toPersonId) continue;
    const receivedOn = t.receivedOn > ctx.today ? ctx.today : t.receivedOn;
    const createdAt = jst(addDays(receivedOn, rng.int(0, 1)), 16, rng.int(0, 59));
    const cap = jst(ctx.today, 8);
    ctx.rows.thankYouMessage.push({
      id: demoId(ctx, "thank-you", t.key),
      orgId: ctx.orgId,
      toPersonId,
      toGroupId: "group" in t.to ? groupOf(ctx, t.to.group).id : null,
      fromName: t.fromName,
      authorId: staff,
      body: t.body,
      receivedOn,
      status: t.status,
      moderatedById: t.status === "APPROVED" ? staff : null,
      moderatedAt: t.status === "APPROVED" ? (addDays(createdAt, 1) > cap ? cap : addDays(createdAt, 1)) : null,
      createdAt: createdAt > cap ? cap : createdAt,
    });
  }
}

// ───────────────────────── the wakame sell-out and certificates ─────────────────────────

function seedWakameAchievement(ctx: DemoContext): { on: Date; cohortKey: string } {
  const season = storySeason(ctx.today);
  const key = cohortKey(season.year);
  const achievedOn = day(season.year + 1, 3, 27);
  ctx.rows.groupAchievement.push({
    id: demoId(ctx, "group-achievement", key, "wakame-sold-out"),
    orgId: ctx.orgId,
    groupId: groupOf(ctx, key).id,
    title: "「バリ旨わかめ」完売（44袋・13kg）",
    description:
      "12月に種付けし、2月に収穫、3月に袋詰めした塩ワカメを寄付つき商品「バリ旨わかめ」として販売。44袋（13kg）すべて完売し、売上は漁福連携の活動の財源に。",
    achievedOn,
  });
  return { on: achievedOn, cohortKey: key };
}

function seedCertificates(ctx: DemoContext, awards: Award[], wakame: { on: Date; cohortKey: string }): void {
  const staff = demoUserId(ctx, "staff");
  const certs: Array<Omit<DemoContext["rows"]["certificate"][number], "id" | "orgId" | "serialNumber"> & { key: string }> = [];

  // to the cohort, for the wakame (no name of any youth is printed)
  {
    const issuedOn = addDays(wakame.on, 3);
    certs.push({
      key: `cohort-wakame/${wakame.cohortKey}`,
      groupId: groupOf(ctx, wakame.cohortKey).id,
      title: "感謝状",
      body: [
        `${groupOf(ctx, wakame.cohortKey).name} の皆さま`,
        "あなたがたは西鳥取漁港において、わかめの種付けから収穫、袋詰めまでを担い、寄付つき商品「バリ旨わかめ」44袋（13kg）を完売に導かれました。",
        "また牡蠣小屋や一人暮らしの高齢者の困りごと支援を通じて、地域に多くの笑顔と「ありがとう」を届けてくださいました。",
        "ここに深く感謝の意を表します。",
        "",
        wareki(issuedOn),
        COUNCIL,
      ].join("\n"),
      issuedOn,
      issuedById: staff,
    });
  }

  // to a youth who reached 50 hours — the certificate carries no name
  const storyCodes = `GS-R${wakame.cohortKey.split("/R")[1]}-`;
  const youth = awards.find(
    (a) =>
      a.code === "hours-50" &&
      a.juvenileParticipantId !== undefined &&
      ctx.juveniles.find((j) => j.id === a.juvenileParticipantId)?.code.startsWith(storyCodes),
  );
  if (youth?.juvenileParticipantId) {
    const j = ctx.juveniles.find((x) => x.id === youth.juvenileParticipantId);
    const issuedOn = j?.leftOn ?? addDays(youth.awardedAt, 7);
    const on = issuedOn < youth.awardedAt ? youth.awardedAt : issuedOn;
    const issued = on > ctx.today ? ctx.today : new Date(Date.UTC(on.getUTCFullYear(), on.getUTCMonth(), on.getUTCDate()));
    certs.push({
      key: `youth-50h/${youth.juvenileParticipantId}`,
      juvenileParticipantId: youth.juvenileParticipantId,
      milestoneAwardId: youth.id,
      title: "感謝状",
      body: [
        "あなたは泉南学寮グリーンサポーターとして、漁港での牡蠣養殖やわかめの養殖、地域の高齢者の困りごと支援に50時間にわたり取り組まれました。",
        "その誠実な活動に、地域の多くの人が励まされました。ここに感謝の意を表します。",
        "",
        wareki(issued),
        COUNCIL,
      ].join("\n"),
      issuedOn: issued,
      issuedById: staff,
    });
  }

  // to the longest-serving salon representative, at the 社会福祉大会 in November
  const veteran = awards
    .filter((a) => a.code === "years-10" && a.personId)
    .map((a) => ({
      a,
      salon: ctx.memberships.find(
        (m) => m.personId === a.personId && m.role === "representative" && m.groupKey.startsWith("salon/") && !m.endedOn,
      ),
    }))
    .filter((x) => x.salon)
    .sort((x, y) => x.a.awardedAt.getTime() - y.a.awardedAt.getTime())[0];
  if (veteran?.salon && veteran.a.personId) {
    const y = ctx.today.getUTCFullYear();
    const taikai = [nthWeekday(y, 11, 6, 2), nthWeekday(y - 1, 11, 6, 2)].find((d) => d && d <= ctx.today) ?? ctx.today;
    const salonName = groupOf(ctx, veteran.salon.groupKey).name;
    certs.push({
      key: "salon-veteran",
      personId: veteran.a.personId,
      milestoneAwardId: veteran.a.id,
      title: "感謝状",
      body: [
        `${need(ctx.people, veteran.a.personId, "person").legalName} 様`,
        `あなたは永年にわたり、まちなかサロン「${salonName}」の代表として、誰もが歩いて集える地域の居場所づくりに尽力されました。`,
        "その功績をたたえ、ここに深く感謝の意を表します。",
        "",
        wareki(taikai),
        COUNCIL,
      ].join("\n"),
      issuedOn: taikai,
      issuedById: staff,
    });
  }

  certs
    .sort((a, b) => new Date(a.issuedOn).getTime() - new Date(b.issuedOn).getTime())
    .forEach(({ key, ...c }, i) => {
      ctx.rows.certificate.push({ id: demoId(ctx, "certificate", key), orgId: ctx.orgId, serialNumber: i + 1, ...c });
    });
}
