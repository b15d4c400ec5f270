// 子ども福祉委員: one group per school (three primary, one junior high), ~19 children each, their
// guardians and consents, and about a monthly activity per school.
//
// Children are minors: a GUARDIAN_ACTIVITY consent is recorded before any activity is logged for
// them. Three children have no valid activity consent (form not returned, refused, withdrawn), so
// the product's "logging refused without consent" can be seen; they are never put in a log.

import { addDays, fiscalYearOf } from "@tsunagu/db";

import { personName } from "../names.ts";
import { demoUserId } from "./accounts.ts";
import { SCHOOLS } from "./areas.ts";
import {
  activeMembers,
  addGroup,
  addMembership,
  addPerson,
  createRng,
  day,
  demoId,
  fakePhone,
  fiscalYearStart,
  isHoliday,
  jst,
  monthlySessions,
  need,
  type DemoContext,
  type LogDraft,
  type Rng,
  type UserKey,
} from "./context.ts";

const CONSENT_POLICY_VERSION = "2025-04";

const ACTIVITY_SCOPE =
  "子ども福祉委員としての地域ボランティア活動（高齢者の見守り・困りごと支援、校区の行事、子ども食堂・カフェの手伝い等）への参加、およびそのための氏名・学年・活動記録の保存";
const PHOTO_SCOPE = "活動中に撮影した写真の、社協だより・ホームページ・公式SNSへの掲載（氏名・学校名は掲載しません）";

const POLICY_FROM = day(2025, 4, 10);

/** Which school coordinator account (if any) looks after a school's group. */
const COORDINATOR: Record<string, UserKey | undefined> = {
  ozaki: "coordinator-ozaki",
  "tottori-higashi": "coordinator-tottori-higashi",
};

interface ChildPlan {
  n: number;
  grade: number;
  /** the fiscal year they joined the school group */
  joinedFy: number;
  alumni?: boolean;
  /** junior-high first-years who were 子ども福祉委員 at this primary school last year */
  fromPrimary?: string;
  consent?: "none" | "refused" | "withdrawn";
}

function planFor(schoolKey: string, kind: "PRIMARY" | "JUNIOR_HIGH", fy: number): ChildPlan[] {
  const plans: ChildPlan[] = [];
  let n = 0;
  const firstGrade = kind === "PRIMARY" ? 4 : 1;
  for (let grade = firstGrade; grade < firstGrade + 3; grade++) {
    for (let i = 0; i < 6; i++) plans.push({ n: ++n, grade, joinedFy: fy - (grade - firstGrade) });
  }
  // one graduate of last March, kept as alumni (卒業生): never deleted
  plans.push({ n: ++n, grade: firstGrade + 2, joinedFy: fy - 3, alumni: true });
  if (kind === "JUNIOR_HIGH") {
    const p0 = plans[0];
    const p1 = plans[1];
    if (p0) p0.fromPrimary = "ozaki";
    if (p1) p1.fromPrimary = "nishi-tottori";
  }
  const exception: Record<string, { index: number; consent: ChildPlan["consent"] }> = {
    ozaki: { index: 2, consent: "none" }, // grade 4, form not yet returned
    "tottori-higashi": { index: 4, consent: "refused" }, // grade 1
    shimonosho: { index: 7, consent: "withdrawn" }, // grade 5
  };
  const ex = exception[schoolKey];
  const target = ex ? plans[ex.index] : undefined;
  if (ex && target) target.consent = ex.consent;
  return plans;
}

export function seedChildVolunteers(ctx: DemoContext, rng: Rng = createRng("children")): void {
  const fy = fiscalYearOf(ctx.today);
  const staff = demoUserId(ctx, "staff");
  for (const s of SCHOOLS) {
    const groupKey = `school/${s.key}`;
    addGroup(ctx, {
      key: groupKey,
      programme: "child",
      kind: "school-committee",
      name: `${s.name} 子ども福祉委員`,
      areaKey: s.areaKey,
      ...(s.districtKey ? { districtKey: s.districtKey } : {}),
      schoolKey: s.key,
      venue: s.name,
      meetingSchedule:
        s.kind === "PRIMARY"
          ? "毎月第2土曜 9:30〜11:30（校区の行事に合わせて変更あり）"
          : "毎月第2土曜 10:00〜12:00、中学生カフェは季節ごとに開催",
      description:
        s.kind === "PRIMARY"
          ? "4〜6年生の有志による子ども福祉委員。校区福祉委員会と一緒に、一人暮らしの高齢者への声かけや困りごとのお手伝いをしています。"
          : "中学生の子ども福祉委員。地域の高齢者と子どもが集う「中学生カフェ」を自分たちで企画・運営しています。",
      startedOn: s.kind === "PRIMARY" ? day(2016, 4, 1) : day(2018, 4, 1),
    });
  }

  for (const s of SCHOOLS) {
    const groupKey = `school/${s.key}`;
    const school = need(ctx.schools, s.key, "school");
    const recorder = COORDINATOR[s.key] ? demoUserId(ctx, COORDINATOR[s.key] as UserKey) : staff;
    for (const plan of planFor(s.key, s.kind, fy)) {
      const gender = rng.chance(0.5) ? "F" : "M";
      const joinedOn = addDays(fiscalYearStart(plan.joinedFy), rng.int(9, 25));
      // birth year of a child in (school-)grade `grade` in fiscal year fy
      const schoolYear = s.kind === "PRIMARY" ? plan.grade : plan.grade + 6;
      const gradeFy = plan.alumni ? fy - 1 : fy;
      const birthYear = gradeFy - 6 - schoolYear + 1;
      const primaryStart = plan.fromPrimary ? addDays(fiscalYearStart(fy - 3), rng.int(9, 25)) : undefined;
      const person = addPerson(ctx, rng, {
        key: `child/${s.key}/${plan.n}`,
        areaKey: s.areaKey,
        generation: "child",
        gender,
        birthYear,
        withContact: false,
        registeredOn: primaryStart ?? joinedOn,
      });
      const family = { kanji: person.legalName.split(" ")[0] ?? "", kana: person.legalNameKana.split(" ")[0] ?? "" };
      const guardianIsGrandparent = rng.chance(0.1);
      const guardian = personName(rng.next, {
        familyName: family,
        gender: guardianIsGrandparent || rng.chance(0.75) ? "F" : "M",
        generation: guardianIsGrandparent ? "senior" : "adult",
      });
      const relation = guardianIsGrandparent ? "祖母" : guardian.givenName.gender === "F" ? "母" : "父";
      const graduatedOn = day(fy, 3, 31); // the March before this fiscal year
      const childVolunteerId = demoId(ctx, "child-volunteer", s.key, plan.n);
      ctx.rows.childVolunteer.push({
        id: childVolunteerId,
        orgId: ctx.orgId,
        personId: person.id,
        schoolId: school.id,
        grade: plan.grade,
        status: plan.alumni ? "ALUMNI" : "ACTIVE",
        alumniSince: plan.alumni ? graduatedOn : null,
        guardianName: guardian.legalName,
        guardianKana: guardian.legalNameKana,
        guardianRelation: relation,
        guardianPhone: fakePhone(rng),
        guardianEmail: `hogosha.${s.key}.${plan.n}@example.com`,
        createdAt: jst(primaryStart ?? joinedOn, 15),
      });

      // memberships: a junior-high first-year may carry a primary-school history
      if (plan.fromPrimary && primaryStart) {
        addMembership(ctx, {
          groupKey: `school/${plan.fromPrimary}`,
          personId: person.id,
          role: "child-volunteer",
          startedOn: primaryStart,
          endedOn: graduatedOn,
          endReason: "小学校卒業・中学校進学",
        });
      }
      addMembership(ctx, {
        groupKey,
        personId: person.id,
        role: "child-volunteer",
        startedOn: joinedOn,
        ...(plan.alumni ? { endedOn: graduatedOn, endReason: "卒業（卒業生として登録継続）" } : {}),
      });

      // consents
      const firstStart = primaryStart ?? joinedOn;
      const givenOn =
        firstStart.getTime() < POLICY_FROM.getTime() ? addDays(POLICY_FROM, rng.int(0, 10)) : addDays(firstStart, -rng.int(1, 6));
      const recordedAt = jst(addDays(givenOn, rng.int(1, 4)), 16, rng.int(0, 59));
      const consent = (kind: "GUARDIAN_ACTIVITY" | "PHOTO_PUBLICATION", granted: boolean, withdrawnAt?: Date) =>
        ctx.rows.consent.push({
          id: demoId(ctx, "consent", s.key, plan.n, kind),
          orgId: ctx.orgId,
          childVolunteerId,
          kind,
          granted,
          givenBy: guardian.legalName,
          givenOn,
          scope: kind === "GUARDIAN_ACTIVITY" ? ACTIVITY_SCOPE : PHOTO_SCOPE,
          policyVersion: CONSENT_POLICY_VERSION,
          recordedById: recorder,
          recordedAt,
          withdrawnAt: withdrawnAt ?? null,
        });
      let activityConsentFrom: Date | undefined;
      if (plan.consent === "none") {
        // 同意書 未提出: registered, but nothing may be logged until the form comes back
      } else if (plan.consent === "refused") {
        consent("GUARDIAN_ACTIVITY", false);
        consent("PHOTO_PUBLICATION", false);
      } else if (plan.consent === "withdrawn") {
        consent("GUARDIAN_ACTIVITY", true, jst(addDays(ctx.today, -rng.int(30, 50)), 17));
        consent("PHOTO_PUBLICATION", false);
      } else {
        consent("GUARDIAN_ACTIVITY", true);
        activityConsentFrom = givenOn;
        const photo = rng.next();
        if (photo < 0.6) consent("PHOTO_PUBLICATION", true);
        else if (photo < 0.85) consent("PHOTO_PUBLICATION", false);
        // else: no photo consent form returned — photos are not published
      }
      ctx.children.set(person.id, {
        personId: person.id,
        childVolunteerId,
        schoolKey: s.key,
        ...(activityConsentFrom ? { activityConsentFrom } : {}),
      });
    }
  }

  for (const s of SCHOOLS) scheduleSchoolActivities(ctx, s.key, s.kind);
}

interface MonthPlan {
  type: string;
  description: string;
  place: string;
  served: [number, number] | null;
  minutes: number;
}

const PRIMARY_YEAR: Record<number, MonthPlan> = {
  4: { type: "study", description: "新メンバーの顔合わせと、1年間の活動計画づくり", place: "学校の多目的室", served: null, minutes: 90 },
  5: {
    type: "komarigoto",
    description: "一人暮らしの高齢者宅で草引きと花植えのお手伝い",
    place: "校区内の高齢者宅",
    served: [3, 6],
    minutes: 120,
  },
  6: {
    type: "mimamori",
    description: "校区福祉委員さんと一緒に、一人暮らしの高齢者へ声かけ訪問",
    place: "校区内",
    served: [10, 20],
    minutes: 90,
  },
  7: {
    type: "event",
    description: "校区夏まつりで、高齢者席の案内と受付のお手伝い",
    place: "校区の公園",
    served: [120, 250],
    minutes: 150,
  },
  8: { type: "shokudo", description: "夏休み子ども食堂の配膳と片付けのお手伝い", place: "住民センター", served: [30, 60], minutes: 120 },
  9: {
    type: "mimamori",
    description: "敬老の日のメッセージカードを作って、高齢者宅に届けました",
    place: "校区内",
    served: [15, 30],
    minutes: 90,
  },
  10: { type: "event", description: "校区ふれあいまつりで、輪投げコーナーを担当", place: "学校の運動場", served: [150, 300], minutes: 180 },
  11: {
    type: "komarigoto",
    description: "落ち葉掃きと、高齢者宅の困りごとのお手伝い",
    place: "校区内の高齢者宅",
    served: [4, 8],
    minutes: 120,
  },
  12: {
    type: "mimamori",
    description: "手作りの年賀状とお正月飾りを、一人暮らしの高齢者に届けました",
    place: "校区内",
    served: [15, 30],
    minutes: 90,
  },
  1: {
    type: "event",
    description: "地域のもちつき大会で、もち丸めと配布のお手伝い",
    place: "住民センター",
    served: [80, 150],
    minutes: 150,
  },
  2: {
    type: "study",
    description: "福祉体験学習（車いす・アイマスク体験）と、高齢者のお話を聞く会",
    place: "学校の体育館",
    served: null,
    minutes: 90,
  },
  3: { type: "event", description: "活動報告会と、6年生を送る会", place: "学校の多目的室", served: [20, 40], minutes: 90 },
};

const JUNIOR_HIGH_OVERRIDES: Record<number, MonthPlan> = {
  6: {
    type: "cafe",
    description: "中学生カフェ「ほっとタイム」を企画・運営（メニューづくり、接客、片付け）",
    place: "東鳥取公民館",
    served: [30, 50],
    minutes: 180,
  },
  9: {
    type: "cafe",
    description: "敬老の日特別版の中学生カフェ。お茶と手作りお菓子でおもてなし",
    place: "東鳥取公民館",
    served: [35, 55],
    minutes: 180,
  },
  12: {
    type: "cafe",
    description: "クリスマス中学生カフェ。地域の小学生も招いて多世代で交流",
    place: "東鳥取公民館",
    served: [40, 60],
    minutes: 180,
  },
  3: { type: "cafe", description: "卒業前の中学生カフェと1年間の振り返り", place: "東鳥取公民館", served: [30, 45], minutes: 150 },
};

function scheduleSchoolActivities(ctx: DemoContext, schoolKey: string, kind: "PRIMARY" | "JUNIOR_HIGH"): void {
  const groupKey = `school/${schoolKey}`;
  const submitter = COORDINATOR[schoolKey] ?? "staff";
  // 2nd Saturday; in August the 1st (お盆), in March the 3rd (before the end of the school year)
  const dates = [
    ...monthlySessions(ctx, 6, [2], { skip: (d) => d.getUTCMonth() === 7 || d.getUTCMonth() === 2 || isHoliday(d) }),
    ...monthlySessions(ctx, 6, [1], { skip: (d) => d.getUTCMonth() !== 7 }),
    ...monthlySessions(ctx, 6, [3], { skip: (d) => d.getUTCMonth() !== 2 }),
  ].sort((a, b) => a.getTime() - b.getTime());
  for (const date of dates) {
    const month = date.getUTCMonth() + 1;
    const plan = (kind === "JUNIOR_HIGH" ? JUNIOR_HIGH_OVERRIDES[month] : undefined) ?? PRIMARY_YEAR[month];
    if (!plan) continue;
    const key = `${groupKey}/${date.toISOString().slice(0, 10)}`;
    const rng = createRng(`log/${key}`);
    const eligible = activeMembers(ctx, groupKey, date).filter((id) => {
      const from = ctx.children.get(id)?.activityConsentFrom;
      return from !== undefined && from.getTime() <= date.getTime();
    });
    const participants = rng.sample(eligible, Math.max(3, Math.round(eligible.length * (0.55 + rng.next() * 0.35))));
    if (participants.length === 0) continue;
    const draft: LogDraft = {
      key,
      groupKey,
      type: plan.type,
      date,
      minutes: plan.minutes,
      place: plan.place,
      description: plan.description,
      participants: participants.map((personId) => ({
        personId,
        ...(rng.chance(0.08) ? { minutes: Math.max(30, plan.minutes - 30) } : {}),
      })),
      submitter,
    };
    if (plan.served) draft.peopleServed = rng.int(plan.served[0], plan.served[1]);
    ctx.logDrafts.push(draft);
  }
}
