// The reference data every 社協 starts with: programmes, group kinds, group roles, activity types
// and milestones. They are data, not code: a 社協 can rename them or add its own. Used by the demo
// seed and by the synthetic generator.
import type { Plan } from "./plan.ts";

export const programmes = [
  { key: "child", code: "child-welfare", name: "子ども福祉委員", nameEn: "Children's welfare committee", privacyTier: "CHILD" },
  {
    key: "network",
    code: "grassroots-network",
    name: "ひきこもり・地域の居場所づくり支援 草の根ネットワーク",
    nameEn: "Grassroots network on hikikomori and community places",
    privacyTier: "NETWORK",
  },
  { key: "salon", code: "salon", name: "まちなかサロン・カフェ", nameEn: "Neighbourhood salons and cafés", privacyTier: "SALON" },
  {
    key: "juvenile",
    code: "juvenile-volunteers",
    name: "少年院ボランティア（地域貢献プロジェクト）",
    nameEn: "Juvenile training school volunteers",
    privacyTier: "JUVENILE",
  },
  { key: "fishery", code: "fishery-welfare", name: "漁福連携", nameEn: "Fishery and welfare", privacyTier: "OPEN" },
  { key: "farm", code: "farm-welfare", name: "農福連携", nameEn: "Farming and welfare", privacyTier: "OPEN" },
] as const;

export type ProgrammeKey = (typeof programmes)[number]["key"];

export const groupKinds = [
  { key: "schoolGroup", code: "school-group", programme: "child", name: "学校の子ども福祉委員会", nameEn: "School group" },
  { key: "network", code: "network", programme: "network", name: "ネットワーク", nameEn: "Network" },
  { key: "subcommittee", code: "subcommittee", programme: "network", name: "部会", nameEn: "Subcommittee" },
  { key: "salon", code: "salon", programme: "salon", name: "サロン・カフェ", nameEn: "Salon / café" },
  { key: "cohort", code: "cohort", programme: "juvenile", name: "少年院生グループ", nameEn: "Juvenile cohort" },
  { key: "fisheryProject", code: "fishery-project", programme: "fishery", name: "漁福連携の活動", nameEn: "Fishery project" },
  { key: "farmProject", code: "farm-project", programme: "farm", name: "農福連携の活動", nameEn: "Farm project" },
] as const;

export type GroupKindKey = (typeof groupKinds)[number]["key"];

export const groupRoles = [
  { key: "leader", code: "leader", name: "代表", nameEn: "Leader", isLeader: true },
  { key: "chair", code: "chair", name: "部会長", nameEn: "Subcommittee chair", isLeader: true },
  { key: "deputy", code: "deputy", name: "副代表", nameEn: "Deputy", isLeader: false },
  { key: "treasurer", code: "treasurer", name: "会計", nameEn: "Treasurer", isLeader: false },
  { key: "secretary", code: "secretary", name: "書記", nameEn: "Secretary", isLeader: false },
  { key: "member", code: "member", name: "メンバー", nameEn: "Member", isLeader: false },
  { key: "childVolunteer", code: "child-volunteer", name: "子ども福祉委員", nameEn: "Child volunteer", isLeader: false },
  { key: "supporter", code: "supporter", name: "サポーター", nameEn: "Supporter", isLeader: false },
] as const;

export type GroupRoleKey = (typeof groupRoles)[number]["key"];

/** programme null: usable in every programme */
export const activityTypes = [
  { key: "watching", code: "watching", programme: null, name: "見守り", nameEn: "Watching over neighbours" },
  { key: "salonRunning", code: "salon-running", programme: "salon", name: "サロン運営", nameEn: "Running a salon" },
  { key: "everydayHelp", code: "everyday-help", programme: null, name: "困りごと支援", nameEn: "Help with everyday troubles" },
  { key: "event", code: "event", programme: null, name: "イベント", nameEn: "Event" },
  { key: "meeting", code: "meeting", programme: null, name: "会議・打ち合わせ", nameEn: "Meeting" },
  { key: "placeVisit", code: "place-visit", programme: "network", name: "居場所訪問", nameEn: "Visiting community places" },
  { key: "childCafe", code: "child-cafe", programme: "child", name: "子どもカフェ運営", nameEn: "Running the children's café" },
  { key: "childrenCanteen", code: "children-canteen", programme: null, name: "子ども食堂", nameEn: "Children's canteen" },
  { key: "fishingExperience", code: "fishing-experience", programme: "fishery", name: "漁業体験", nameEn: "Fishing experience" },
  { key: "oysterHut", code: "oyster-hut", programme: null, name: "牡蠣小屋", nameEn: "Oyster hut" },
  { key: "wakame", code: "wakame", programme: "juvenile", name: "わかめ養殖", nameEn: "Wakame cultivation" },
  { key: "farmWork", code: "farm-work", programme: "farm", name: "農園作業", nameEn: "Farm work" },
] as const;

export type ActivityTypeKey = (typeof activityTypes)[number]["key"];

export const milestones = [
  { code: "first-activity", kind: "FIRST_ACTIVITY", threshold: 1, name: "はじめての活動", nameEn: "First activity" },
  { code: "hours-10", kind: "HOURS", threshold: 10, name: "活動10時間", nameEn: "10 hours" },
  { code: "hours-50", kind: "HOURS", threshold: 50, name: "活動50時間", nameEn: "50 hours" },
  { code: "hours-100", kind: "HOURS", threshold: 100, name: "活動100時間", nameEn: "100 hours" },
  { code: "hours-300", kind: "HOURS", threshold: 300, name: "活動300時間", nameEn: "300 hours" },
  { code: "years-1", kind: "YEARS_OF_SERVICE", threshold: 1, name: "活動1年", nameEn: "1 year of service" },
  { code: "years-3", kind: "YEARS_OF_SERVICE", threshold: 3, name: "活動3年", nameEn: "3 years of service" },
  { code: "years-5", kind: "YEARS_OF_SERVICE", threshold: 5, name: "活動5年", nameEn: "5 years of service" },
  { code: "years-10", kind: "YEARS_OF_SERVICE", threshold: 10, name: "活動10年", nameEn: "10 years of service" },
] as const;

export interface Catalog {
  programme: Record<ProgrammeKey, string>;
  groupKind: Record<GroupKindKey, string>;
  groupRole: Record<GroupRoleKey, string>;
  activityType: Record<ActivityTypeKey, string>;
  milestone: Record<string, string>;
  /** the activity types a group of this programme may log */
  activityTypesFor(programmeId: string): string[];
  /** rows to insert, table by table in foreign-key order */
  plan: Plan;
}

/** The catalog's rows for one organisation, with ids from `id(kind, code)`. */
export function catalogRows(orgId: string, id: (...key: string[]) => string): Catalog {
  const programme = Object.fromEntries(programmes.map((p) => [p.key, id("programme", p.code)])) as Record<ProgrammeKey, string>;
  const groupKind = Object.fromEntries(groupKinds.map((g) => [g.key, id("group-kind", g.code)])) as Record<GroupKindKey, string>;
  const groupRole = Object.fromEntries(groupRoles.map((r) => [r.key, id("group-role", r.code)])) as Record<GroupRoleKey, string>;
  const activityType = Object.fromEntries(activityTypes.map((t) => [t.key, id("activity-type", t.code)])) as Record<
    ActivityTypeKey,
    string
  >;
  const milestone = Object.fromEntries(milestones.map((m) => [m.code, id("milestone", m.code)]));
  const typesByProgramme = new Map<string, string[]>();
  for (const p of programmes) {
    typesByProgramme.set(
      programme[p.key],
      activityTypes.filter((t) => t.programme === null || t.programme === p.key).map((t) => activityType[t.key]),
    );
  }
  return {
    programme,
    groupKind,
    groupRole,
    activityType,
    milestone,
    activityTypesFor: (programmeId) => typesByProgramme.get(programmeId) ?? [],
    plan: [
      [
        "Programme",
        programmes.map(({ key, ...p }, i) => ({ id: programme[key], orgId, ...p, sortOrder: i })),
      ],
      [
        "GroupKind",
        groupKinds.map(({ key, programme: p, ...g }) => ({ id: groupKind[key], orgId, programmeId: programme[p], ...g })),
      ],
      ["GroupRole", groupRoles.map(({ key, ...r }, i) => ({ id: groupRole[key], orgId, ...r, sortOrder: i }))],
      [
        "ActivityType",
        activityTypes.map(({ key, programme: p, ...t }, i) => ({
          id: activityType[key],
          orgId,
          programmeId: p === null ? null : programme[p],
          ...t,
          sortOrder: i,
        })),
      ],
      ["Milestone", milestones.map((m) => ({ id: milestone[m.code], orgId, ...m }))],
    ],
  };
}
