// The report's aggregates (ActivityHoursAggregate, packages/db/src/activity-hours.ts) against a full
// recount of the approved logs, written here in TypeScript from the rows: after the seed, after
// random sequences of logging, approvals, returns (差し戻し), resubmissions and corrections of
// approved logs (dates across months and fiscal years, participants, minutes, types, the juvenile
// cohort), after two approvals at once, after merging people, and after rebuildActivityHours.
// Withdrawing or deleting a log is not something the API does (no such mutation), so there is
// nothing of it to test here.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ALL_SCOPE, rebuildActivityHours } from "@tsunagu/db";

import { startTestServer, type TestClient, type TestServer } from "../testing.ts";

let server: TestServer;
let staff: TestClient;
let orgId: string;
const db = () => server.db.prisma;

interface Cell {
  fiscalYear: number;
  programmeScope: string;
  areaScope: string;
  withoutJuvenile: boolean;
  dimension: string;
  key: string;
  minutes: number;
  activities: number;
  peopleServed: number;
  volunteers: number;
}

const cellKey = (c: Omit<Cell, "minutes" | "activities" | "peopleServed" | "volunteers">) =>
  [c.fiscalYear, c.programmeScope, c.areaScope, c.withoutJuvenile, c.dimension, c.key].join("|");
const sorted = (cells: Cell[]) => [...cells].sort((a, b) => cellKey(a).localeCompare(cellKey(b)));

/** What the table holds for the demo organisation. */
async function stored(): Promise<Cell[]> {
  const rows = await db().activityHoursAggregate.findMany({ where: { orgId } });
  return sorted(rows.map(({ orgId: _org, ...cell }) => cell));
}

/** The full recount: every approved log's cells, from the rows, independently of the SQL. */
async function recount(): Promise<Cell[]> {
  const logs = await db().activityLog.findMany({
    where: { orgId, status: "APPROVED" },
    select: {
      fiscalYear: true,
      date: true,
      peopleServed: true,
      activityTypeId: true,
      group: { select: { programmeId: true, areaId: true, programme: { select: { privacyTier: true } } } },
      participants: { select: { personId: true, juvenileParticipantId: true, minutes: true } },
    },
  });
  const cells = new Map<string, Cell & { who: Set<string> }>();
  for (const log of logs) {
    const { programmeId, areaId } = log.group;
    const juvenile = log.group.programme.privacyTier === "JUVENILE";
    const scopes: Array<[string, string]> = [
      [ALL_SCOPE, ALL_SCOPE],
      [programmeId, ALL_SCOPE],
      ...(areaId
        ? ([
            [ALL_SCOPE, areaId],
            [programmeId, areaId],
          ] as Array<[string, string]>)
        : []),
    ];
    const dims: Array<[string, string]> = [
      ["total", ""],
      ["month", String(log.date.getUTCMonth() + 1)],
      ["programme", programmeId],
      ["area", areaId ?? "none"],
      ["type", log.activityTypeId],
    ];
    for (const withoutJuvenile of [false, true]) {
      if (withoutJuvenile && juvenile) continue;
      for (const [programmeScope, areaScope] of scopes) {
        for (const [dimension, key] of dims) {
          const id = { fiscalYear: log.fiscalYear, programmeScope, areaScope, withoutJuvenile, dimension, key };
          const k = cellKey(id);
          const cell = cells.get(k) ?? { ...id, minutes: 0, activities: 0, peopleServed: 0, volunteers: 0, who: new Set<string>() };
          cell.activities += 1;
          cell.peopleServed += log.peopleServed ?? 0;
          for (const p of log.participants) {
            cell.minutes += p.minutes;
            cell.who.add(p.personId ? `p${p.personId}` : `j${p.juvenileParticipantId}`);
          }
          cells.set(k, cell);
        }
      }
    }
  }
  return sorted([...cells.values()].map(({ who, ...cell }) => ({ ...cell, volunteers: who.size })));
}

async function expectRecount(): Promise<void> {
  const [kept, counted] = await Promise.all([stored(), recount()]);
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(counted);
}

// ───────────────────────── the API, as staff ─────────────────────────

const ERRORS = `... on Error { message messageEn code } ... on InvalidInputError { issues { path messageEn } }`;

interface Outcome {
  __typename: string;
  messageEn?: string;
  issues?: Array<{ path: string; messageEn: string }>;
  data?: { activityLog?: { id: string; version: number; status: string } };
}

async function mutate(query: string, variables: Record<string, unknown>): Promise<Outcome> {
  const res = await staff.graphql<Record<string, Outcome>>(query, variables);
  expect(res.errors).toBeUndefined();
  const outcome = Object.values(res.data!)[0]!;
  expect(outcome.__typename, JSON.stringify(outcome)).toMatch(/Success$/);
  return outcome;
}

const LOG = `mutation ($input: LogActivityInput!) {
  logActivity(input: $input) { __typename ... on MutationLogActivitySuccess { data { activityLog { id version status } } } ${ERRORS} }
}`;
const UPDATE = `mutation ($input: UpdateActivityLogInput!) {
  updateActivityLog(input: $input) { __typename ... on MutationUpdateActivityLogSuccess { data { activityLog { id version status } } } ${ERRORS} }
}`;
const APPROVE = `mutation ($ids: [ID!]!) { approveActivityLogs(ids: $ids) { __typename ${ERRORS} } }`;
const REJECT = `mutation ($ids: [ID!]!) { rejectActivityLogs(ids: $ids, reason: "時間を確認してください") { __typename ${ERRORS} } }`;
const MERGE = `mutation ($input: MergePeopleInput!) { mergePeople(input: $input) { __typename ${ERRORS} } }`;

// groups in three areas, one without an area, and the juvenile cohort (codes, not people)
const GROUPS = [
  { name: "和泉鳥取 ほっとサロン", types: ["salon", "mimamori", "komarigoto"] },
  { name: "朝市カフェ 浜風", types: ["salon", "event"] },
  { name: "共生型サロン つむぎ", types: ["salon", "mimamori"] },
  { name: "居場所部会", types: ["ibasho", "event"] },
  { name: "泉南学寮 グリーンサポーター（令和7年度）", types: ["mimamori", "event"], juvenile: true },
];
// two or more months in each of three fiscal years (2024–2026)
const DATES = ["2025-03-10", "2025-06-15", "2025-12-20", "2026-02-10", "2026-05-20", "2026-10-05"];
const MINUTES = [30, 60, 90, 120, 240];

/** Who may take part in a group's log on a day: adult members, or the cohort's codes in their period. */
const eligible = new Map<string, string[]>();

async function loadEligible(): Promise<void> {
  const children = new Set((await db().childVolunteer.findMany({ select: { personId: true } })).map((c) => c.personId));
  for (const [g, group] of GROUPS.entries()) {
    const groupId = server.groupId(group.name);
    for (const day of DATES) {
      const date = new Date(`${day}T00:00:00Z`);
      const ids = group.juvenile
        ? (
            await db().juvenileParticipant.findMany({
              where: { cohortId: groupId, joinedOn: { lte: date }, OR: [{ leftOn: null }, { leftOn: { gte: date } }] },
              orderBy: { code: "asc" },
            })
          ).map((y) => y.code)
        : [
            ...new Set(
              (
                await db().membership.findMany({
                  where: { groupId, startedOn: { lte: date }, OR: [{ endedOn: null }, { endedOn: { gte: date } }] },
                  orderBy: { personId: "asc" },
                })
              ).map((m) => m.personId),
            ),
          ].filter((id) => !children.has(id));
      eligible.set(`${g}|${day}`, ids);
    }
  }
}

/** The fields of a log: a group's day, some of its eligible participants (a bit mask picks), minutes, a type. */
function fields(g: number, d: number, mask: number, m: number, t: number, served: number): Record<string, unknown> | null {
  const group = GROUPS[g]!;
  const day = DATES[d]!;
  const pool = eligible.get(`${g}|${day}`) ?? [];
  if (pool.length === 0) return null;
  const chosen = pool.filter((_, i) => (mask >> i) & 1);
  const participants = chosen.length > 0 ? chosen : [pool[mask % pool.length]!];
  return {
    date: day,
    minutes: MINUTES[m % MINUTES.length],
    peopleServed: served,
    activityTypeCode: group.types[t % group.types.length],
    ...(group.juvenile ? { juvenileCodes: participants } : { participantPersonIds: participants }),
  };
}

interface Tracked {
  id: string;
  group: number;
  status: string;
  version: number;
}

const op = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("log" as const),
      g: fc.nat(GROUPS.length - 1),
      d: fc.nat(DATES.length - 1),
      mask: fc.nat(1023),
      m: fc.nat(9),
      t: fc.nat(5),
      served: fc.nat(30),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("approve" as const), pick: fc.nat(50), n: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reject" as const), pick: fc.nat(50) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      of: fc.constantFrom("APPROVED", "REJECTED"),
      pick: fc.nat(50),
      d: fc.nat(DATES.length - 1),
      mask: fc.nat(1023),
      m: fc.nat(9),
      t: fc.nat(5),
      served: fc.nat(30),
    }),
  },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function run(ops: Op[], logs: Tracked[]): Promise<void> {
  for (const o of ops) {
    if (o.kind === "log") {
      const input = fields(o.g, o.d, o.mask, o.m, o.t, o.served);
      if (!input) continue;
      const out = await mutate(LOG, { input: { ...input, groupId: server.groupId(GROUPS[o.g]!.name), submit: true } });
      const log = out.data!.activityLog!;
      logs.push({ id: log.id, group: o.g, status: log.status, version: log.version });
    } else if (o.kind === "approve" || o.kind === "reject") {
      const submitted = logs.filter((l) => l.status === "SUBMITTED");
      if (submitted.length === 0) continue;
      const start = o.pick % submitted.length;
      const chosen = o.kind === "approve" ? submitted.slice(start, start + o.n) : [submitted[start]!];
      await mutate(o.kind === "approve" ? APPROVE : REJECT, { ids: chosen.map((l) => l.id) });
      for (const l of chosen) {
        l.status = o.kind === "approve" ? "APPROVED" : "REJECTED";
        l.version += 1;
      }
    } else {
      // a correction (訂正) of an approved log, or a returned log resubmitted
      const candidates = logs.filter((l) => l.status === o.of);
      if (candidates.length === 0) continue;
      const log = candidates[o.pick % candidates.length]!;
      const input = fields(log.group, o.d, o.mask, o.m, o.t, o.served);
      if (!input) continue;
      const out = await mutate(UPDATE, {
        input: { ...input, id: log.id, expectedVersion: log.version, submit: o.of === "REJECTED", reason: "訂正" },
      });
      log.status = out.data!.activityLog!.status;
      log.version = out.data!.activityLog!.version;
    }
  }
}

beforeAll(async () => {
  server = await startTestServer();
  staff = await server.as("staff");
  orgId = (await db().organization.findFirstOrThrow({ where: { slug: "hannan" } })).id;
  await loadEligible();
});

afterAll(async () => {
  await server?.close();
});

describe("the report's aggregates (ActivityHoursAggregate)", () => {
  it("equal the recount after the seed", async () => {
    await expectRecount();
  });

  it("equal a full recount after any sequence of logging, approvals, returns, resubmissions and corrections", async () => {
    const logs: Tracked[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 12 }), async (ops) => {
        await run(ops, logs);
        await expectRecount();
      }),
      { numRuns: 6, seed: 20261129 },
    );
    // the sequences did what they are for: corrections of approved logs and approvals happened
    const versions = await db().activityLogVersion.findMany({
      where: { activityLogId: { in: logs.map((l) => l.id) } },
      select: { status: true },
    });
    expect(versions.some((v) => v.status === "APPROVED")).toBe(true);
    expect(logs.filter((l) => l.status === "APPROVED").length).toBeGreaterThan(2);
  });

  it("lose nothing when two approvals of logs sharing a participant run at once", async () => {
    const input = fields(0, 4, 0b111, 2, 0, 5)!;
    const ids: string[] = [];
    for (const minutes of [45, 75]) {
      const out = await mutate(LOG, { input: { ...input, minutes, groupId: server.groupId(GROUPS[0]!.name), submit: true } });
      ids.push(out.data!.activityLog!.id);
    }
    const before = await stored();
    const total = (cells: Cell[]) =>
      cells.find(
        (c) =>
          c.fiscalYear === 2026 &&
          c.programmeScope === ALL_SCOPE &&
          c.areaScope === ALL_SCOPE &&
          !c.withoutJuvenile &&
          c.dimension === "total",
      )!;
    await Promise.all(ids.map((id) => mutate(APPROVE, { ids: [id] })));
    const after = await stored();
    expect(total(after).activities).toBe(total(before).activities + 2);
    expect(total(after).minutes).toBe(total(before).minutes + 3 * (45 + 75));
    await expectRecount();
  });

  it("follow a merge of two people: the merged record's approved hours count once for the survivor", async () => {
    // the duplicate: a new record, member of one salon, with an approved log; the survivor is a
    // member of another salon with approved logs of the same fiscal year
    const groupId = server.groupId(GROUPS[1]!.name);
    const role = await db().membership.findFirstOrThrow({ where: { groupId }, select: { groupRoleId: true } });
    const merged = await db().person.create({ data: { orgId, legalName: "重複 太郎", legalNameKana: "ちょうふく たろう" } });
    await db().membership.create({
      data: { orgId, groupId, personId: merged.id, groupRoleId: role.groupRoleId, startedOn: new Date("2020-04-01") },
    });
    const out = await mutate(LOG, {
      input: { date: "2026-05-20", minutes: 60, activityTypeCode: "salon", groupId, participantPersonIds: [merged.id], submit: true },
    });
    await mutate(APPROVE, { ids: [out.data!.activityLog!.id] });
    const otherSalon = server.groupId(GROUPS[0]!.name);
    const survivor = await db().person.findFirstOrThrow({
      where: {
        memberships: { some: { groupId: otherSalon }, none: { groupId } },
        childVolunteer: null,
        participations: { some: { activityLog: { status: "APPROVED", fiscalYear: 2026 } } },
      },
      select: { id: true },
    });
    const survivorId = survivor.id;
    await expectRecount();
    const total = async () =>
      (await stored()).find(
        (c) =>
          c.fiscalYear === 2026 &&
          c.programmeScope === ALL_SCOPE &&
          c.areaScope === ALL_SCOPE &&
          !c.withoutJuvenile &&
          c.dimension === "total",
      )!;
    const before = await total();

    await mutate(MERGE, { input: { mergedId: merged.id, survivorId } });
    const after = await total();
    expect(after.volunteers).toBe(before.volunteers - 1);
    expect(after.minutes).toBe(before.minutes);
    await expectRecount();
  });

  it("rebuildActivityHours recounts them from the approved logs (one organisation, or all)", async () => {
    const kept = await stored();
    await db().activityHoursAggregate.deleteMany({ where: { orgId } });
    expect(await stored()).toEqual([]);
    await db().$transaction((tx) => rebuildActivityHours(tx, orgId), { timeout: 60_000 });
    expect(await stored()).toEqual(kept);
    // a cell made wrong by hand is put right by a rebuild of every organisation
    await db().activityHoursAggregate.updateMany({ where: { orgId, dimension: "total" }, data: { volunteers: 0, minutes: 1 } });
    await db().$transaction((tx) => rebuildActivityHours(tx, null), { timeout: 60_000 });
    expect(await stored()).toEqual(kept);
    await expectRecount();
  });
});
