// The reference data every 社協 starts with: programmes (事業), group kinds, group roles, activity
// types and milestones. They are data, not code (docs/domain.md): a 社協 can rename them or add its own.
// Used by the demo seed, the synthetic generator and the tests.
import type { Plan } from "./plan.ts";

export type ProgrammeCode = "child" | "network" | "salon" | "juvenile" | "gyofuku" | "noufuku";
export type GroupKindCode =
  | "school-committee"
  | "network"
  | "subcommittee"
  | "salon"
  | "multigen-cafe"
  | "kyosei-salon"
  | "dementia-cafe"
  | "cohort"
  | "gyofuku-project"
  | "farm";
export type GroupRoleCode = "representative" | "chair" | "vice" | "treasurer" | "secretary" | "member" | "child-volunteer" | "supporter";
export type ActivityTypeCode =
  | "mimamori"
  | "salon"
  | "komarigoto"
  | "event"
  | "gyogyo"
  | "wakame"
  | "kakigoya"
  | "meeting"
  | "ibasho"
  | "farm"
  | "shokudo"
  | "cafe"
  | "study";

type Tier = "CHILD" | "NETWORK" | "SALON" | "JUVENILE" | "OPEN";

const PROGRAMMES: ReadonlyArray<{
  code: ProgrammeCode;
  name: string;
  nameEn: string;
  privacyTier: Tier;
  description: string;
}> = [
  {
    code: "child",
    name: "子ども福祉委員",
    nameEn: "Children's welfare committee members",
    privacyTier: "CHILD",
    description:
      "小学校高学年〜中学生による地域での福祉ボランティア活動。高齢者の困りごと支援、地域行事、中学生が企画するカフェなど。卒業生は大学生ボランティアとして地域の担い手に。",
  },
  {
    code: "network",
    name: "ひきこもり・地域の居場所づくり支援 草の根ネットワーク",
    nameEn: "Grassroots network on hikikomori and community drop-in places",
    privacyTier: "NETWORK",
    description:
      "令和元年、公民館の「ひきこもり支援実践講座」受講者を中心に発足。元当事者・家族・支援機関が2か月に1回集まり、令和4年からイベント・居場所・当事者家族相談の3部会で活動。",
  },
  {
    code: "salon",
    name: "まちなかサロン・カフェ",
    nameEn: "Neighbourhood salons and cafés",
    privacyTier: "SALON",
    description:
      "福祉委員会・自治会・有志が住民センター、自宅、お寺などで開く、歩いていける居場所。市内42か所。うち13か所でまちなかほっこり相談を実施。",
  },
  {
    code: "juvenile",
    name: "少年院ボランティア（泉南学寮 グリーンサポーター）",
    nameEn: "Juvenile training school volunteers (Sennan Gakuryo Green Supporters)",
    privacyTier: "JUVENILE",
    description:
      "法務省の立ち直り支援モデル事業。少年院の少年が地域の担い手として、独居高齢者の困りごと支援、牡蠣養殖・牡蠣小屋、わかめ養殖などに参加。氏名は記録しない（少年法61条）。",
  },
  {
    code: "gyofuku",
    name: "漁福連携",
    nameEn: "Fishery and welfare partnership",
    privacyTier: "OPEN",
    description: "西鳥取漁港を舞台にした漁業と福祉の連携。牡蠣小屋、共生の釣りプロジェクト、漁港でのみんなの食堂など。",
  },
  {
    code: "noufuku",
    name: "農福連携",
    nameEn: "Agriculture and welfare partnership",
    privacyTier: "OPEN",
    description: "福祉農園での米・野菜づくりを通じた、認知症高齢者や子どもたち、障がいのある人との交流の場。",
  },
];

export const GROUP_KINDS: ReadonlyArray<{ code: GroupKindCode; programme: ProgrammeCode; name: string; nameEn: string }> = [
  { code: "school-committee", programme: "child", name: "学校の子ども福祉委員会", nameEn: "School children's welfare committee" },
  { code: "network", programme: "network", name: "ネットワーク", nameEn: "Network" },
  { code: "subcommittee", programme: "network", name: "部会", nameEn: "Subcommittee" },
  { code: "salon", programme: "salon", name: "ふれあいサロン", nameEn: "Neighbourhood salon" },
  { code: "multigen-cafe", programme: "salon", name: "多世代カフェ", nameEn: "Multi-generation café" },
  { code: "kyosei-salon", programme: "salon", name: "共生型サロン", nameEn: "Inclusive salon" },
  { code: "dementia-cafe", programme: "salon", name: "認知症カフェ", nameEn: "Dementia café" },
  { code: "cohort", programme: "juvenile", name: "受入れ期（コホート）", nameEn: "Cohort" },
  { code: "gyofuku-project", programme: "gyofuku", name: "漁福連携の活動", nameEn: "Fishery-welfare activity" },
  { code: "farm", programme: "noufuku", name: "福祉農園", nameEn: "Welfare farm" },
];

const GROUP_ROLES: ReadonlyArray<{ code: GroupRoleCode; name: string; nameEn: string; isLeader: boolean; singleHolder?: boolean }> = [
  { code: "representative", name: "代表", nameEn: "Representative", isLeader: true, singleHolder: true },
  { code: "chair", name: "部会長", nameEn: "Subcommittee chair", isLeader: true, singleHolder: true },
  { code: "vice", name: "副代表", nameEn: "Vice-representative", isLeader: false },
  { code: "treasurer", name: "会計", nameEn: "Treasurer", isLeader: false },
  { code: "secretary", name: "書記", nameEn: "Secretary", isLeader: false },
  { code: "member", name: "メンバー", nameEn: "Member", isLeader: false },
  { code: "child-volunteer", name: "子ども福祉委員", nameEn: "Child welfare committee member", isLeader: false },
  { code: "supporter", name: "サポーター", nameEn: "Supporter", isLeader: false },
];

const OFFICERS: readonly GroupRoleCode[] = ["representative", "vice", "treasurer", "secretary", "member"];
/** a salon's or café's roles: its officers and members, and サポーター who help now and then */
const SALON_ROLES: readonly GroupRoleCode[] = [...OFFICERS, "supporter"];

/** The roles each kind of group uses (GroupKindRole); a cohort none: its youths are codes, never people. */
const KIND_ROLES: Readonly<Record<GroupKindCode, readonly GroupRoleCode[]>> = {
  "school-committee": ["child-volunteer", "supporter"],
  network: OFFICERS,
  subcommittee: ["chair", "secretary", "member"],
  salon: SALON_ROLES,
  "multigen-cafe": SALON_ROLES,
  "kyosei-salon": SALON_ROLES,
  "dementia-cafe": SALON_ROLES,
  cohort: [],
  "gyofuku-project": SALON_ROLES,
  farm: SALON_ROLES,
};

/** programme: undefined = usable in every programme. */
const ACTIVITY_TYPES: ReadonlyArray<{ code: ActivityTypeCode; name: string; nameEn: string; programme?: ProgrammeCode }> = [
  { code: "mimamori", name: "見守り", nameEn: "Watching over neighbours" },
  { code: "salon", name: "サロン運営", nameEn: "Running a salon", programme: "salon" },
  { code: "komarigoto", name: "困りごと支援", nameEn: "Help with everyday troubles" },
  { code: "event", name: "イベント", nameEn: "Event" },
  { code: "gyogyo", name: "漁業体験", nameEn: "Fishing and fish-farming work" },
  { code: "wakame", name: "わかめ養殖", nameEn: "Wakame cultivation" },
  { code: "kakigoya", name: "牡蠣小屋", nameEn: "Oyster hut" },
  { code: "meeting", name: "会議", nameEn: "Meeting" },
  { code: "ibasho", name: "居場所訪問", nameEn: "Visiting drop-in places", programme: "network" },
  { code: "farm", name: "農園作業", nameEn: "Farm work" },
  { code: "shokudo", name: "子ども食堂", nameEn: "Children's and community dinner" },
  { code: "cafe", name: "カフェ企画・運営", nameEn: "Planning and running a café", programme: "child" },
  { code: "study", name: "学習会・研修", nameEn: "Study session" },
];

const MILESTONES: ReadonlyArray<{
  code: string;
  kind: "FIRST_ACTIVITY" | "HOURS" | "YEARS_OF_SERVICE";
  threshold: number;
  name: string;
  nameEn: string;
}> = [
  { code: "first-activity", kind: "FIRST_ACTIVITY", threshold: 1, name: "はじめての活動", nameEn: "First activity" },
  { code: "hours-10", kind: "HOURS", threshold: 10, name: "活動10時間", nameEn: "10 hours of activity" },
  { code: "hours-50", kind: "HOURS", threshold: 50, name: "活動50時間", nameEn: "50 hours of activity" },
  { code: "hours-100", kind: "HOURS", threshold: 100, name: "活動100時間", nameEn: "100 hours of activity" },
  { code: "hours-300", kind: "HOURS", threshold: 300, name: "活動300時間", nameEn: "300 hours of activity" },
  { code: "years-1", kind: "YEARS_OF_SERVICE", threshold: 1, name: "活動1年", nameEn: "1 year of service" },
  { code: "years-3", kind: "YEARS_OF_SERVICE", threshold: 3, name: "活動3年", nameEn: "3 years of service" },
  { code: "years-5", kind: "YEARS_OF_SERVICE", threshold: 5, name: "活動5年", nameEn: "5 years of service" },
  { code: "years-10", kind: "YEARS_OF_SERVICE", threshold: 10, name: "活動10年", nameEn: "10 years of service" },
];

export interface Catalog {
  /** ids by code */
  programme: Record<ProgrammeCode, string>;
  groupKind: Record<GroupKindCode, string>;
  groupRole: Record<GroupRoleCode, string>;
  activityType: Record<ActivityTypeCode, string>;
  milestone: Record<string, string>;
  /** the activity types a group of this programme may log */
  activityTypesFor(programmeId: string): string[];
  /** the rows, table by table in foreign-key order */
  plan: Plan;
}

const byCode = <C extends string>(rows: ReadonlyArray<{ code: C }>, id: (code: C) => string) =>
  Object.fromEntries(rows.map((r) => [r.code, id(r.code)])) as Record<C, string>;

/** The catalog's rows for one organisation; `id(table, code)` gives each row's id. */
export function catalogRows(orgId: string, id: (table: string, code: string) => string): Catalog {
  const programme = byCode(PROGRAMMES, (c) => id("programme", c));
  const groupKind = byCode(GROUP_KINDS, (c) => id("group-kind", c));
  const groupRole = byCode(GROUP_ROLES, (c) => id("group-role", c));
  const activityType = byCode(ACTIVITY_TYPES, (c) => id("activity-type", c));
  const milestone = byCode(MILESTONES, (c) => id("milestone", c));
  const typesByProgramme = new Map(
    PROGRAMMES.map((p) => [
      programme[p.code],
      ACTIVITY_TYPES.filter((t) => !t.programme || t.programme === p.code).map((t) => activityType[t.code]),
    ]),
  );
  return {
    programme,
    groupKind,
    groupRole,
    activityType,
    milestone,
    activityTypesFor: (programmeId) => typesByProgramme.get(programmeId) ?? [],
    plan: [
      ["Programme", PROGRAMMES.map((p, i) => ({ id: programme[p.code], orgId, ...p, sortOrder: i + 1 }))],
      ["GroupKind", GROUP_KINDS.map(({ programme: p, ...k }) => ({ id: groupKind[k.code], orgId, programmeId: programme[p], ...k }))],
      ["GroupRole", GROUP_ROLES.map((r, i) => ({ id: groupRole[r.code], orgId, ...r, sortOrder: i + 1 }))],
      [
        "GroupKindRole",
        GROUP_KINDS.flatMap((k) =>
          KIND_ROLES[k.code].map((r) => ({
            id: id("group-kind-role", `${k.code}/${r}`),
            orgId,
            kindId: groupKind[k.code],
            groupRoleId: groupRole[r],
          })),
        ),
      ],
      [
        "ActivityType",
        ACTIVITY_TYPES.map(({ programme: p, ...t }, i) => ({
          id: activityType[t.code],
          orgId,
          programmeId: p ? programme[p] : null,
          ...t,
          sortOrder: i + 1,
        })),
      ],
      ["Milestone", MILESTONES.map((m) => ({ id: milestone[m.code], orgId, ...m, active: true }))],
    ],
  };
}
