// `npm run db:seed -- --scale N`: N synthetic 社協 for benchmarks, each with 2,000 people and
// 50,000 activity-log participations over two fiscal years. Deterministic (a seeded PRNG, ids
// from natural keys) and idempotent: a second run inserts nothing. Each organisation is written in
// one transaction, in chunks, behind a progress bar.
import { base, Faker, ja } from "@faker-js/faker";
import cliProgress from "cli-progress";

import { fiscalYearOf, rebuildActivityHours, type PrismaClient } from "@tsunagu/db";

import { catalogRows, type Catalog } from "./catalog.ts";
import { seedId } from "./ids.ts";
import { personName } from "./names.ts";
import { writePlan, type Plan } from "./plan.ts";

export interface SyntheticOptions {
  scale: number;
  peoplePerOrg?: number;
  participationsPerOrg?: number;
  /** the last day of generated activity (default: today) */
  today?: Date;
  /** a progress bar on stderr (default: when stderr is a terminal, else a line per organisation); false: silent */
  progress?: boolean;
}

const DAY = 86_400_000;
const nicknames = ["そら", "くま", "ぽん", "みどり", "はる", "つき", "ゆず", "もも"] as const;
const utcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** Builds, in memory, everything one synthetic organisation holds. */
/** The element at `i` of an array the caller indexes within bounds; an internal error otherwise. */
function nth<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`Internal error: no element ${i} of ${xs.length}`);
  return x;
}

export function planOrganisation(k: number, options: { peoplePerOrg: number; participationsPerOrg: number; today: Date }): Plan {
  const f = new Faker({ locale: [ja, base], seed: 10_000 + k });
  const rand = () => f.number.float({ min: 0, max: 1 });
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => nth(xs, Math.floor(rand() * xs.length));
  const id = (...key: Array<string | number>) => seedId("synthetic", k, ...key);
  const orgId = id("org");
  const { today } = options;
  const thisYear = fiscalYearOf(today);
  const catalog: Catalog = catalogRows(orgId, (...key) => id("catalog", ...key));

  const staffUserId = id("user", "staff");
  const organization = [
    {
      id: orgId,
      slug: `synthetic-${k}`,
      name: `合成社会福祉協議会 ${k}`,
      nameEn: `Synthetic Council of Social Welfare ${k}`,
      municipality: `合成市 ${k}`,
    },
  ];
  const users = [{ id: staffUserId, orgId, name: `職員 ${k}`, email: `staff@synthetic-${k}.example` }];
  const accessRoles = [{ id: id("role", "staff"), orgId, userId: staffUserId, role: "STAFF" }];

  const areaNames = [
    ["北", "きた"],
    ["南", "みなみ"],
    ["東", "ひがし"],
    ["西", "にし"],
  ] as const;
  const areas = areaNames.map(([name, kana], i) => ({
    id: id("area", i),
    orgId,
    name: `${name}地区`,
    nameKana: `${kana}ちく`,
    sortOrder: i,
  }));
  const districts = Array.from({ length: 12 }, (_, i) => ({
    id: id("district", i),
    orgId,
    areaId: nth(areas, i % 4).id,
    name: `第${i + 1}校区`,
    sortOrder: i,
  }));
  const schools = Array.from({ length: 4 }, (_, i) => ({
    id: id("school", i),
    orgId,
    districtId: nth(districts, i * 3).id,
    name: i < 3 ? `第${i + 1}小学校` : "第一中学校",
    kind: i < 3 ? "PRIMARY" : "JUNIOR_HIGH",
  }));

  // groups: 4 school groups, the network and its three 部会, 42 salons, a juvenile cohort
  type Group = { id: string; programmeId: string; venue?: string; [column: string]: unknown };
  const groups: Group[] = [];
  const group = (key: string, row: { programmeId: string; venue?: string; [column: string]: unknown }) => {
    const g: Group = { ...row, id: id("group", key), orgId };
    groups.push(g);
    return g;
  };
  const schoolGroups = schools.map((s, i) =>
    group(`school-${i}`, {
      programmeId: catalog.programme.child,
      kindId: catalog.groupKind["school-committee"],
      schoolId: s.id,
      districtId: s.districtId,
      areaId: nth(districts, i * 3).areaId,
      name: `${s.name} 子ども福祉委員`,
    }),
  );
  const network = group("network", {
    programmeId: catalog.programme.network,
    kindId: catalog.groupKind.network,
    name: "草の根ネットワーク",
  });
  const subcommittees = ["イベント部会", "居場所部会", "当事者・家族・相談部会"].map((name, i) =>
    group(`subcommittee-${i}`, {
      programmeId: catalog.programme.network,
      kindId: catalog.groupKind.subcommittee,
      parentId: network.id,
      name,
    }),
  );
  const salons = Array.from({ length: 42 }, (_, i) =>
    group(`salon-${i}`, {
      programmeId: catalog.programme.salon,
      kindId: catalog.groupKind.salon,
      areaId: nth(areas, i % 4).id,
      districtId: nth(districts, i % 12).id,
      name: `サロン ${i + 1}`,
      venue: pick(["集会所", "公民館", "寺", "自宅"]),
      hostsHokkoriConsultation: i < 13,
    }),
  );
  const cohort = group("cohort", {
    programmeId: catalog.programme.juvenile,
    kindId: catalog.groupKind.cohort,
    name: "グリーンサポーター",
    institution: "合成学寮",
  });

  // people and memberships
  const people: Array<Record<string, unknown>> = [];
  const children: Array<Record<string, unknown>> = [];
  const consents: Array<Record<string, unknown>> = [];
  const memberships: Array<Record<string, unknown>> = [];
  const insurance: Array<Record<string, unknown>> = [];
  const members = new Map<string, string[]>(); // group id → person ids
  const join = (g: Group, personId: string, roleId: string, startedOn: Date) => {
    memberships.push({ id: id("membership", g.id, personId), orgId, groupId: g.id, personId, groupRoleId: roleId, startedOn });
    const list = members.get(g.id) ?? [];
    list.push(personId);
    members.set(g.id, list);
  };
  const childCount = Math.round(options.peoplePerOrg * 0.15);
  const networkCount = Math.round(options.peoplePerOrg * 0.05);
  for (let p = 0; p < options.peoplePerOrg; p++) {
    const personId = id("person", p);
    const { legalName, legalNameKana } = personName(rand, { generation: p < childCount ? "child" : undefined });
    const startedOn = new Date(today.getTime() - int(30, 3650) * DAY);
    people.push({
      id: personId,
      orgId,
      legalName,
      legalNameKana,
      areaId: pick(areas).id,
      birthYear: p < childCount ? today.getUTCFullYear() - int(10, 15) : int(1940, 2000),
      networkStatus: p >= childCount && p < childCount + networkCount ? pick(["FORMER_TOJISHA", "FAMILY", "SUPPORTER"]) : null,
      displayName: p >= childCount && p < childCount + networkCount && rand() < 0.4 ? `${pick(nicknames)}${p}` : null,
    });
    insurance.push({
      id: id("insurance", personId),
      orgId,
      personId,
      fiscalYear: rand() < 0.9 ? thisYear : thisYear - 1,
      plan: "基本プラン",
      enrolledOn: startedOn,
    });
    if (p < childCount) {
      const school = p % 4;
      const childId = id("child", p);
      children.push({
        id: childId,
        orgId,
        personId,
        schoolId: nth(schools, school).id,
        grade: school < 3 ? int(4, 6) : int(1, 3),
        guardianName: personName(rand).legalName,
        guardianPhone: f.phone.number(),
      });
      consents.push({
        id: id("consent", childId),
        orgId,
        childVolunteerId: childId,
        kind: "GUARDIAN_ACTIVITY",
        granted: true,
        givenBy: "保護者",
        givenOn: startedOn,
        scope: "子ども福祉委員としての地域活動への参加",
        policyVersion: "2025-04",
      });
      join(nth(schoolGroups, school), personId, catalog.groupRole["child-volunteer"], startedOn);
    } else if (p < childCount + networkCount) {
      join(network, personId, catalog.groupRole.member, startedOn);
      join(pick(subcommittees), personId, catalog.groupRole.member, startedOn);
    } else {
      const salon = nth(salons, p % salons.length);
      const first = !members.has(salon.id);
      join(salon, personId, first ? catalog.groupRole.representative : catalog.groupRole.member, startedOn);
      if (rand() < 0.2) {
        const other = pick(salons);
        if (other.id !== salon.id && !members.get(other.id)?.includes(personId)) {
          join(other, personId, catalog.groupRole.member, startedOn);
        }
      }
    }
  }
  const juveniles = Array.from({ length: 10 }, (_, j) => ({
    id: id("juvenile", j),
    orgId,
    cohortId: cohort.id,
    code: `GS-${k}-${String(j + 1).padStart(2, "0")}`,
    joinedOn: new Date(today.getTime() - 200 * DAY),
  }));
  members.set(cohort.id, []);

  // activity logs over the last two fiscal years until the participations are reached
  const logs: Array<Record<string, unknown>> = [];
  const participants: Array<Record<string, unknown>> = [];
  const insured = new Set(insurance.filter((r) => r.fiscalYear === thisYear).map((r) => r.personId as string));
  const firstDay = Date.UTC(thisYear - 1, 3, 1);
  const span = Math.floor((today.getTime() - firstDay) / DAY);
  for (let l = 0; participants.length < options.participationsPerOrg; l++) {
    const g = l % 25 === 0 ? cohort : pick(groups);
    const date = new Date(firstDay + int(0, span) * DAY);
    const fiscalYear = fiscalYearOf(date);
    const minutes = pick([60, 90, 120, 180, 240]);
    const recent = today.getTime() - date.getTime() < 21 * DAY;
    const logId = id("log", l);
    const status = recent && rand() < 0.5 ? "SUBMITTED" : "APPROVED";
    logs.push({
      id: logId,
      orgId,
      groupId: g.id,
      activityTypeId: pick(catalog.activityTypesFor(g.programmeId)),
      date,
      fiscalYear,
      minutes,
      place: g.venue ?? null,
      peopleServed: int(0, 30),
      status,
      submittedById: staffUserId,
      submittedAt: date,
      reviewedById: status === "APPROVED" ? staffUserId : null,
      reviewedAt: status === "APPROVED" ? date : null,
    });
    if (g === cohort) {
      for (const j of juveniles.slice(0, int(2, 6))) {
        participants.push({ id: id("participant", logId, j.id), orgId, activityLogId: logId, juvenileParticipantId: j.id, minutes });
      }
      continue;
    }
    const pool = members.get(g.id) ?? [];
    const n = Math.min(pool.length, int(2, 9));
    const start = int(0, Math.max(0, pool.length - n));
    for (const personId of pool.slice(start, start + n)) {
      participants.push({
        id: id("participant", logId, personId),
        orgId,
        activityLogId: logId,
        personId,
        minutes,
        uninsured: fiscalYear === thisYear && !insured.has(personId),
      });
    }
  }

  return [
    ["Organization", organization],
    ["User", users],
    ["AccessRoleAssignment", accessRoles],
    ...catalog.plan,
    ["Area", areas],
    ["SchoolDistrict", districts],
    ["School", schools],
    ["Group", groups],
    ["Person", people],
    ["ChildVolunteer", children],
    ["Consent", consents],
    ["JuvenileParticipant", juveniles],
    ["Membership", memberships],
    ["InsuranceEnrolment", insurance],
    ["ActivityLog", logs],
    ["ActivityLogParticipant", participants],
  ];
}

export async function seedSynthetic(prisma: PrismaClient, options: SyntheticOptions): Promise<void> {
  const settings = {
    peoplePerOrg: options.peoplePerOrg ?? 2_000,
    participationsPerOrg: options.participationsPerOrg ?? 50_000,
    today: utcDay(options.today ?? new Date()),
  };
  const showBar = options.progress ?? Boolean(process.stderr.isTTY);
  const showLines = options.progress === undefined && !showBar;
  const bar = new cliProgress.SingleBar(
    { format: " {bar} {percentage}% | {value}/{total} rows | {org} | {duration_formatted}", stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  try {
    for (let k = 1; k <= options.scale; k++) {
      const plan = planOrganisation(k, settings);
      const total = plan.reduce((n, [, rows]) => n + rows.length, 0);
      if (showBar) {
        if (k === 1) bar.start(total * options.scale, 0, { org: "" });
      } else if (showLines) {
        console.log(`  synthetic-${k}: ${total} rows`);
      }
      // the approved logs are written as rows: the report's aggregates are counted from them
      const orgId = seedId("synthetic", k, "org");
      await prisma.$transaction(
        async (tx) => {
          await writePlan(tx, plan, (n) => showBar && bar.increment(n, { org: `synthetic-${k}` }));
          await rebuildActivityHours(tx, orgId);
        },
        {
          maxWait: 60_000,
          timeout: 60 * 60_000,
        },
      );
    }
  } finally {
    if (showBar) bar.stop();
  }
}
