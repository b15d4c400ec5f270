// Shared state of the demo seed: the rows being built (one array per table), handles the domain
// factories pass to each other, a seeded PRNG, and date helpers.
//
// The factories (areas.ts, programmes.ts, children.ts …) only BUILD rows in memory; seedDemo (index.ts)
// then writes each table with one `createMany({ skipDuplicates: true })` (plan.ts), in dependency order. Every id
// comes from seedId(…natural key), so a second run finds every row already there and inserts
// nothing.

import { base, en, Faker, generateMersenne53Randomizer, ja } from "@faker-js/faker";

import { addDays, type Prisma } from "@tsunagu/db";

import type { ProgrammeCode } from "../catalog.ts";
import { seedId } from "../ids.ts";
import { uniquePersonName, type Generation, type NameReading, type PersonName } from "../names.ts";

/** Anything with the model delegates: a PrismaClient or the client of an interactive transaction. */
export type SeedClient = Prisma.TransactionClient;

type Row<T> = T & { id: string };

/** The rows of every table the demo writes, in the order seedDemo writes them. */
interface DemoRows {
  area: Row<Prisma.AreaCreateManyInput>[];
  schoolDistrict: Row<Prisma.SchoolDistrictCreateManyInput>[];
  school: Row<Prisma.SchoolCreateManyInput>[];
  programme: Row<Prisma.ProgrammeCreateManyInput>[];
  groupKind: Row<Prisma.GroupKindCreateManyInput>[];
  groupRole: Row<Prisma.GroupRoleCreateManyInput>[];
  groupKindRole: Row<Prisma.GroupKindRoleCreateManyInput>[];
  activityType: Row<Prisma.ActivityTypeCreateManyInput>[];
  group: Row<Prisma.GroupCreateManyInput>[];
  person: Row<Prisma.PersonCreateManyInput>[];
  childVolunteer: Row<Prisma.ChildVolunteerCreateManyInput>[];
  user: Row<Prisma.UserCreateManyInput>[];
  account: Row<Prisma.AccountCreateManyInput>[];
  accessRoleAssignment: Row<Prisma.AccessRoleAssignmentCreateManyInput>[];
  consent: Row<Prisma.ConsentCreateManyInput>[];
  juvenileParticipant: Row<Prisma.JuvenileParticipantCreateManyInput>[];
  membership: Row<Prisma.MembershipCreateManyInput>[];
  insuranceEnrolment: Row<Prisma.InsuranceEnrolmentCreateManyInput>[];
  activityLog: Row<Prisma.ActivityLogCreateManyInput>[];
  activityLogParticipant: Row<Prisma.ActivityLogParticipantCreateManyInput>[];
  event: Row<Prisma.EventCreateManyInput>[];
  eventTask: Row<Prisma.EventTaskCreateManyInput>[];
  shift: Row<Prisma.ShiftCreateManyInput>[];
  signUp: Row<Prisma.SignUpCreateManyInput>[];
  meetingMinutes: Row<Prisma.MeetingMinutesCreateManyInput>[];
  thankYouMessage: Row<Prisma.ThankYouMessageCreateManyInput>[];
  milestone: Row<Prisma.MilestoneCreateManyInput>[];
  milestoneAward: Row<Prisma.MilestoneAwardCreateManyInput>[];
  groupAchievement: Row<Prisma.GroupAchievementCreateManyInput>[];
  certificate: Row<Prisma.CertificateCreateManyInput>[];
}

export type DemoTable = keyof DemoRows;

export const DEMO_TABLES: readonly DemoTable[] = [
  "area",
  "schoolDistrict",
  "school",
  "programme",
  "groupKind",
  "groupRole",
  "groupKindRole",
  "activityType",
  "group",
  "person",
  "childVolunteer",
  "user",
  "account",
  "accessRoleAssignment",
  "consent",
  "juvenileParticipant",
  "membership",
  "insuranceEnrolment",
  "activityLog",
  "activityLogParticipant",
  "event",
  "eventTask",
  "shift",
  "signUp",
  "meetingMinutes",
  "thankYouMessage",
  "milestone",
  "milestoneAward",
  "groupAchievement",
  "certificate",
];

function emptyRows(): DemoRows {
  return Object.fromEntries(DEMO_TABLES.map((t) => [t, []])) as unknown as DemoRows;
}

// ───────────────────────── random ─────────────────────────

/** A seeded PRNG with the few helpers the seed needs. Never Math.random. */
export interface Rng {
  faker: Faker;
  /** [0, 1) */
  next(): number;
  /** an integer in [min, max] */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  /** a shuffled copy */
  shuffle<T>(list: readonly T[]): T[];
  /** n distinct items (all of them if n >= length) */
  sample<T>(list: readonly T[], n: number): T[];
}

function hashSeed(text: string): number {
  // FNV-1a, 32 bit
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A PRNG seeded from a text key, so each domain (and each log) has its own stable stream. */
export function createRng(key: string): Rng {
  const randomizer = generateMersenne53Randomizer(hashSeed(`tsunagu-demo/${key}`));
  const faker = new Faker({ locale: [ja, en, base], randomizer });
  const next = () => randomizer.next();
  const rng: Rng = {
    faker,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(list: readonly T[]): T => {
      const item = list[Math.floor(next() * list.length)];
      if (item === undefined) throw new Error("demo seed: pick from an empty list");
      return item;
    },
    shuffle: <T>(list: readonly T[]): T[] => {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    },
    sample: <T>(list: readonly T[], n: number): T[] => rng.shuffle(list).slice(0, Math.max(0, n)),
  };
  return rng;
}

// ───────────────────────── dates ─────────────────────────

/** A @db.Date value: UTC midnight of y-m-d (m is 1–12). */
export function day(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/** A timestamp at a Japan Standard Time wall-clock time (JST = UTC+9, no daylight saving). */
export function jst(date: Date, hour: number, minute = 0): Date {
  return new Date(date.getTime() + (hour - 9) * 3_600_000 + minute * 60_000);
}

export function addYears(date: Date, years: number): Date {
  return day(date.getUTCFullYear() + years, date.getUTCMonth() + 1, date.getUTCDate());
}

/** UTC midnight of the same UTC calendar day. */
function startOfDay(date: Date): Date {
  return day(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function fiscalYearStart(fy: number): Date {
  return day(fy, 4, 1);
}

export function fiscalYearEnd(fy: number): Date {
  return day(fy + 1, 3, 31);
}

/** The n-th (1-based) given weekday (0 = Sunday) of a month, or undefined if the month has none. */
export function nthWeekday(y: number, m: number, weekday: number, n: number): Date | undefined {
  const first = day(y, m, 1);
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  const date = day(y, m, 1 + offset + (n - 1) * 7);
  return date.getUTCMonth() === m - 1 ? date : undefined;
}

/** Every month (y, m) whose days overlap [from, to]. */
function monthsBetween(from: Date, to: Date): Array<{ y: number; m: number }> {
  const out: Array<{ y: number; m: number }> = [];
  let y = from.getUTCFullYear();
  let m = from.getUTCMonth() + 1;
  while (y < to.getUTCFullYear() || (y === to.getUTCFullYear() && m <= to.getUTCMonth() + 1)) {
    out.push({ y, m });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** 和暦: 令和8年3月27日 (令和元年 for 2019). */
export function wareki(date: Date): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  if (date.getTime() >= day(2019, 5, 1).getTime()) {
    const r = y - 2018;
    return `令和${r === 1 ? "元" : r}年${m}月${d}日`;
  }
  return `平成${y - 1988}年${m}月${d}日`;
}

/** The 令和 year number of a calendar year (2025 → 7). */
export function reiwaYear(y: number): number {
  return y - 2018;
}

// ───────────────────────── handles passed between factories ─────────────────────────

export type AreaKey = "ozaki" | "higashi-tottori" | "nishi-tottori" | "shimonosho";

export type { ProgrammeCode };

export type UserKey = "staff" | "coordinator-ozaki" | "coordinator-tottori-higashi" | "subcommittee-event" | "salon-leader" | "liaison";

export interface PersonInfo {
  id: string;
  key: string;
  legalName: string;
  legalNameKana: string;
  displayName?: string;
  areaKey?: AreaKey;
  isChild: boolean;
}

export interface GroupInfo {
  id: string;
  key: string;
  name: string;
  programme: ProgrammeCode;
  areaKey?: AreaKey;
  venue?: string;
}

export interface MembershipInfo {
  id: string;
  groupKey: string;
  personId: string;
  role: string;
  startedOn: Date;
  endedOn?: Date;
}

interface ChildInfo {
  personId: string;
  childVolunteerId: string;
  schoolKey: string;
  /** the date from which a valid GUARDIAN_ACTIVITY consent exists; undefined: never loggable */
  activityConsentFrom?: Date;
}

export interface JuvenileInfo {
  id: string;
  code: string;
  joinedOn: Date;
  leftOn?: Date;
}

/** An activity log as a domain describes it; activity-logs.ts decides status, reviewer, flags. */
export interface LogDraft {
  /** natural key of the log, unique: e.g. "salon-07/2026-05-13" */
  key: string;
  groupKey: string;
  type: string;
  date: Date;
  minutes: number;
  place?: string;
  peopleServed?: number;
  description?: string;
  participants: Array<{ personId?: string; juvenileParticipantId?: string; minutes?: number }>;
  /** the account that submits it (default: staff, who enter paper reports) */
  submitter?: UserKey;
  /** a fixed outcome, e.g. the one rejected duplicate */
  status?: "DRAFT" | "SUBMITTED" | "APPROVED" | "REJECTED";
  rejectionReason?: string;
}

/** A finished log, for recognition (milestones) after activity-logs.ts has run. */
export interface LogInfo {
  id: string;
  key: string;
  groupKey: string;
  date: Date;
  status: "DRAFT" | "SUBMITTED" | "APPROVED" | "REJECTED";
  reviewedAt?: Date;
  participants: Array<{ personId?: string; juvenileParticipantId?: string; minutes: number }>;
}

export interface DemoContext {
  /** the organisation's id (looked up by slug, so a pre-existing 'hannan' row is reused) */
  orgId: string;
  /** natural-key namespace of this organisation's demo rows */
  orgKey: string;
  /** the seed's "today": the Japanese calendar day of the `today` passed in, as UTC midnight */
  today: Date;
  /** the first day of the year of activity logs: today − 1 year + 1 day */
  windowStart: Date;
  rows: DemoRows;

  areas: Map<AreaKey, { id: string; name: string }>;
  districts: Array<{ key: string; id: string; name: string; areaKey: AreaKey }>;
  schools: Map<string, { id: string; name: string; kind: "PRIMARY" | "JUNIOR_HIGH"; districtKey?: string }>;
  programmes: Map<ProgrammeCode, string>;
  groupKinds: Map<string, string>;
  groupRoles: Map<string, string>;
  activityTypes: Map<string, string>;
  milestones: Map<string, string>;
  groups: Map<string, GroupInfo>;
  people: Map<string, PersonInfo>;
  /** people by natural key, so a second domain can reuse a person (someone in two groups) */
  peopleByKey: Map<string, PersonInfo>;
  memberships: MembershipInfo[];
  children: Map<string, ChildInfo>;
  juveniles: JuvenileInfo[];
  logDrafts: LogDraft[];
  logs: LogInfo[];
  /** `${personId}/${fiscalYear}` of every insurance enrolment */
  insured: Set<string>;
  /** legal names in use, so no two demo people share one */
  takenNames: Set<string>;
}

/** The calendar day of a moment in Japan (JST): 2026-11-26T23:00Z is 27 November there. */
export function japanDay(moment: Date): Date {
  return startOfDay(new Date(moment.getTime() + 9 * 3_600_000));
}

export function createContext(orgId: string, orgKey: string, today: Date): DemoContext {
  const t = japanDay(today);
  return {
    orgId,
    orgKey,
    today: t,
    windowStart: addDays(addYears(t, -1), 1),
    rows: emptyRows(),
    areas: new Map(),
    districts: [],
    schools: new Map(),
    programmes: new Map(),
    groupKinds: new Map(),
    groupRoles: new Map(),
    activityTypes: new Map(),
    milestones: new Map(),
    groups: new Map(),
    people: new Map(),
    peopleByKey: new Map(),
    memberships: [],
    children: new Map(),
    juveniles: [],
    logDrafts: [],
    logs: [],
    insured: new Set(),
    takenNames: new Set(),
  };
}

/** The stable id of a demo row: seedId(orgKey, table, …natural key). */
export function demoId(ctx: Pick<DemoContext, "orgKey">, table: string, ...key: Array<string | number>): string {
  return seedId(ctx.orgKey, table, ...key);
}

export function need<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo seed: unknown ${what} "${String(key)}"`);
  return value;
}

export function groupOf(ctx: DemoContext, key: string): GroupInfo {
  return need(ctx.groups, key, "group");
}

// ───────────────────────── row builders shared by the factories ─────────────────────────

export interface NewPerson {
  /** natural key, e.g. "salon-07/3" */
  key: string;
  areaKey?: AreaKey;
  generation: Generation;
  gender?: "F" | "M";
  familyName?: NameReading;
  birthYear?: number;
  displayName?: string;
  networkStatus?: "FORMER_TOJISHA" | "FAMILY" | "SUPPORTER";
  withContact?: boolean;
  /** created-at of the row: when the person was registered */
  registeredOn: Date;
}

const TOWNS: Record<AreaKey, readonly string[]> = {
  ozaki: ["尾崎町", "黒田", "新町", "福島"],
  "higashi-tottori": ["桃の木台", "舞", "石田", "桑畑", "自然田", "山中渓", "和泉鳥取"],
  "nishi-tottori": ["鳥取", "波太", "光陽台", "緑ケ丘", "鳥取中"],
  shimonosho: ["箱作", "貝掛", "下出", "茶屋川", "玉田山", "箱の浦"],
};

/** A fictitious phone number in a block not used for real lines (the 090-0000 block; not a real subscriber range). */
export function fakePhone(rng: Rng): string {
  return `090-0000-${String(rng.int(0, 9999)).padStart(4, "0")}`;
}

/** Adds a Person row (or returns the one already made under this key). */
export function addPerson(ctx: DemoContext, rng: Rng, p: NewPerson): PersonInfo {
  const existing = ctx.peopleByKey.get(p.key);
  if (existing) return existing;
  const name: PersonName = uniquePersonName(rng.next, ctx.takenNames, {
    generation: p.generation,
    ...(p.gender ? { gender: p.gender } : {}),
    ...(p.familyName ? { familyName: p.familyName } : {}),
  });
  const id = demoId(ctx, "person", p.key);
  const birthYear =
    p.birthYear ?? (p.generation === "senior" ? rng.int(1942, 1962) : p.generation === "adult" ? rng.int(1965, 2004) : undefined);
  const town = p.areaKey ? rng.pick(TOWNS[p.areaKey]) : undefined;
  const contact = p.withContact ?? true;
  const registeredAt = jst(p.registeredOn, 10, rng.int(0, 59));
  ctx.rows.person.push({
    id,
    orgId: ctx.orgId,
    legalName: name.legalName,
    legalNameKana: name.legalNameKana,
    displayName: p.displayName ?? null,
    areaId: p.areaKey ? need(ctx.areas, p.areaKey, "area").id : null,
    birthYear: birthYear ?? null,
    phone: contact ? fakePhone(rng) : null,
    email: null,
    address: town ? `大阪府阪南市${town}` : null,
    networkStatus: p.networkStatus ?? null,
    createdAt: registeredAt,
    updatedAt: registeredAt,
  });
  const info: PersonInfo = {
    id,
    key: p.key,
    legalName: name.legalName,
    legalNameKana: name.legalNameKana,
    ...(p.displayName ? { displayName: p.displayName } : {}),
    ...(p.areaKey ? { areaKey: p.areaKey } : {}),
    isChild: p.generation === "child",
  };
  ctx.people.set(id, info);
  ctx.peopleByKey.set(p.key, info);
  return info;
}

export interface NewMembership {
  groupKey: string;
  personId: string;
  role: string;
  startedOn: Date;
  endedOn?: Date;
  endReason?: string;
  /** the day they joined the group, when a role change started this row later (Membership.joinedOn) */
  joinedOn?: Date;
  /** distinguishes a second row of the same person, group and role */
  seq?: number;
}

export function addMembership(ctx: DemoContext, m: NewMembership): MembershipInfo {
  const group = groupOf(ctx, m.groupKey);
  if (m.endedOn && m.endedOn.getTime() < m.startedOn.getTime()) {
    throw new Error(`demo seed: membership ends before it starts (${m.groupKey})`);
  }
  const id = demoId(ctx, "membership", m.groupKey, m.personId, m.role, m.seq ?? 0);
  ctx.rows.membership.push({
    id,
    orgId: ctx.orgId,
    groupId: group.id,
    personId: m.personId,
    groupRoleId: need(ctx.groupRoles, m.role, "group role"),
    startedOn: m.startedOn,
    joinedOn: m.joinedOn ?? null,
    endedOn: m.endedOn ?? null,
    endReason: m.endReason ?? null,
    createdAt: jst(m.startedOn, 11),
  });
  const info: MembershipInfo = {
    id,
    groupKey: m.groupKey,
    personId: m.personId,
    role: m.role,
    startedOn: m.startedOn,
    ...(m.endedOn ? { endedOn: m.endedOn } : {}),
  };
  ctx.memberships.push(info);
  return info;
}

/** People with a membership of the group active on `date`. */
export function activeMembers(ctx: DemoContext, groupKey: string, date: Date): string[] {
  const t = date.getTime();
  const ids = new Set<string>();
  for (const m of ctx.memberships) {
    if (m.groupKey !== groupKey) continue;
    if (m.startedOn.getTime() > t) continue;
    if (m.endedOn && m.endedOn.getTime() < t) continue;
    ids.add(m.personId);
  }
  return [...ids];
}

export interface NewGroup {
  key: string;
  programme: ProgrammeCode;
  kind: string;
  name: string;
  nameKana?: string;
  nickname?: string;
  description?: string;
  parentKey?: string;
  areaKey?: AreaKey;
  districtKey?: string;
  schoolKey?: string;
  venue?: string;
  hostsHokkoriConsultation?: boolean;
  institution?: string;
  meetingSchedule?: string;
  startedOn?: Date;
  endedOn?: Date;
}

export function addGroup(ctx: DemoContext, g: NewGroup): GroupInfo {
  const id = demoId(ctx, "group", g.key);
  const district = g.districtKey ? ctx.districts.find((d) => d.key === g.districtKey) : undefined;
  if (g.districtKey && !district) throw new Error(`demo seed: unknown district ${g.districtKey}`);
  ctx.rows.group.push({
    id,
    orgId: ctx.orgId,
    programmeId: need(ctx.programmes, g.programme, "programme"),
    kindId: need(ctx.groupKinds, g.kind, "group kind"),
    parentId: g.parentKey ? groupOf(ctx, g.parentKey).id : null,
    areaId: g.areaKey ? need(ctx.areas, g.areaKey, "area").id : null,
    districtId: district?.id ?? null,
    schoolId: g.schoolKey ? need(ctx.schools, g.schoolKey, "school").id : null,
    name: g.name,
    nameKana: g.nameKana ?? null,
    nickname: g.nickname ?? null,
    description: g.description ?? null,
    venue: g.venue ?? null,
    hostsHokkoriConsultation: g.hostsHokkoriConsultation ?? false,
    institution: g.institution ?? null,
    meetingSchedule: g.meetingSchedule ?? null,
    startedOn: g.startedOn ?? null,
    endedOn: g.endedOn ?? null,
    createdAt: g.startedOn ? jst(g.startedOn, 9) : undefined,
  });
  const info: GroupInfo = {
    id,
    key: g.key,
    name: g.name,
    programme: g.programme,
    ...(g.areaKey ? { areaKey: g.areaKey } : {}),
    ...(g.venue ? { venue: g.venue } : {}),
  };
  ctx.groups.set(g.key, info);
  return info;
}

/**
 * Dates of "the n-th weekday of each month" sessions inside the log window, up to yesterday (a
 * session held today is not yet written up when the seed runs).
 */
export function monthlySessions(
  ctx: DemoContext,
  weekday: number,
  weeks: readonly number[],
  options: { from?: Date; to?: Date; skip?: (date: Date) => boolean } = {},
): Date[] {
  const yesterday = addDays(ctx.today, -1);
  const from = options.from && options.from > ctx.windowStart ? options.from : ctx.windowStart;
  const to = options.to && options.to < yesterday ? options.to : yesterday;
  const out: Date[] = [];
  for (const { y, m } of monthsBetween(from, to)) {
    for (const n of weeks) {
      const date = nthWeekday(y, m, weekday, n);
      if (!date || date < from || date > to) continue;
      if (options.skip?.(date)) continue;
      out.push(date);
    }
  }
  return out;
}

/** New Year and お盆 holidays, when salons and groups do not meet. */
export function isHoliday(date: Date): boolean {
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return (m === 1 && d <= 5) || (m === 12 && d >= 28) || (m === 8 && d >= 12 && d <= 16);
}
