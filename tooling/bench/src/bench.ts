// `npm run bench`: the real HTTP app (Better Auth + Apollo + Pothos + Prisma) in this process on
// PostgreSQL with the synthetic data (10 organisations), against a baseline per workload — a plain
// node:http endpoint answering the same JSON from ONE hand-written SQL statement over pg.Pool.
// Prints requests/s, p50/p95/p99 latency and SQL statements per request. Numbers, not a test.
//
// Environment: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/tsunagu_bench),
// BENCH_SECONDS (per autocannon run, default 15), BENCH_CONNECTIONS (default 10),
// BENCH_VERBOSE=1 (print the SQL statements of one API request per workload), BENCH_WORKLOADS (a
// comma-separated list of workload names' beginnings, e.g. "roster": run only those).
import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { isDeepStrictEqual } from "node:util";
import v8 from "node:v8";

import { hashPassword, verifyPassword } from "better-auth/crypto";
import pg from "pg";
import { pino } from "pino";

import { createApp, readApiEnv } from "@tsunagu/api";
import { fiscalYearOf, openDatabase, redactUrl, todayInJapan } from "@tsunagu/db";
import { useDatabase } from "@tsunagu/db/client";
import { migrationsDir, schemaPath } from "@tsunagu/db/env";
import { applyPendingMigrations } from "@tsunagu/db/migrate";
import { StatementCounter } from "@tsunagu/db/testing";
import { seedSynthetic } from "@tsunagu/seed/synthetic";

/* eslint-disable no-restricted-properties -- a command-line script: its settings come from the environment */
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/tsunagu_bench";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const VERBOSE = process.env.BENCH_VERBOSE === "1";
const ONLY = (process.env.BENCH_WORKLOADS ?? "")
  .split(",")
  .map((w) => w.trim())
  .filter(Boolean);
/* eslint-enable no-restricted-properties */
const SCALE = 10;
const STAFF_EMAIL = "staff@synthetic-1.example";
const STAFF_PASSWORD = "bench-password-synthetic-1";
const COUNTED_REQUESTS = 20;
const PUBLIC_URL = "http://127.0.0.1";

const log = (line = "") => console.log(line);

// ───────────────────────── database: create, migrate, seed ─────────────────────────

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected database name in BENCH_DATABASE_URL: ${name}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) {
      log(`database ${name}: exists`);
    } else {
      await client.query(`CREATE DATABASE "${name}"`);
      log(`database ${name}: created`);
    }
  } finally {
    await client.end();
  }
}

// ───────────────────────── the workloads ─────────────────────────

const FIGURES = "figures { hours minutes activities volunteers peopleServed }";

const ROSTER_QUERY = `query BenchRoster($id: ID!) {
  group(id: $id) {
    roster(first: 200) {
      totalCount
      edges { node { id startedOn groupRole { name } insuredThisYear hoursThisYear person { id name legalNameKana } } }
    }
  }
}`;

const REPORT_QUERY = `query BenchReport($fiscalYear: Int!) {
  fiscalYearReport(fiscalYear: $fiscalYear) {
    totals { hours minutes activities volunteers peopleServed }
    byMonth { year month ${FIGURES} }
    byProgramme { id code name nameEn ${FIGURES} }
    byArea { id code name nameEn ${FIGURES} }
    byActivityType { id code name nameEn ${FIGURES} }
  }
}`;

// The roster by hand: current memberships of the group (ended today still counts), first 200 in
// ふりがな order (the database's collation, not ICU's: see the comparison), with insurance and
// approved hours of the fiscal year as correlated subqueries. $1 org, $2 group, $3 today, $4 FY.
const ROSTER_SQL = `
WITH m AS (
  SELECT m.id, m."startedOn", m."personId", gr.name AS "roleName",
         p."legalName", p."legalNameKana", p."displayName"
  FROM "Membership" m
  JOIN "GroupRole" gr ON gr."orgId" = m."orgId" AND gr.id = m."groupRoleId"
  JOIN "Person" p ON p."orgId" = m."orgId" AND p.id = m."personId"
  WHERE m."orgId" = $1::uuid AND m."groupId" = $2::uuid
    AND (m."endedOn" IS NULL OR m."endedOn" >= $3::date)
), page AS (
  SELECT * FROM m ORDER BY "legalNameKana", "legalName", "startedOn", id LIMIT 200
)
SELECT json_build_object('data', json_build_object('group', json_build_object('roster', json_build_object(
  'totalCount', (SELECT count(*) FROM m),
  'edges', COALESCE((
    SELECT json_agg(json_build_object('node', json_build_object(
      'id', pg.id,
      'startedOn', to_char(pg."startedOn", 'YYYY-MM-DD'),
      'groupRole', json_build_object('name', pg."roleName"),
      'insuredThisYear', EXISTS (
        SELECT 1 FROM "InsuranceEnrolment" i
        WHERE i."orgId" = $1::uuid AND i."personId" = pg."personId" AND i."fiscalYear" = $4::int),
      'hoursThisYear', (
        SELECT round(COALESCE(sum(ap.minutes), 0) / 60.0, 2)::float8
        FROM "ActivityLogParticipant" ap
        JOIN "ActivityLog" l ON l."orgId" = ap."orgId" AND l.id = ap."activityLogId"
        WHERE ap."orgId" = $1::uuid AND ap."personId" = pg."personId"
          AND l.status = 'APPROVED' AND l."fiscalYear" = $4::int),
      'person', json_build_object(
        'id', pg."personId",
        'name', COALESCE(pg."displayName", pg."legalName"),
        'legalNameKana', pg."legalNameKana")
    )) ORDER BY pg."legalNameKana", pg."legalName", pg."startedOn", pg.id)
    FROM page pg), '[]'::json)
))))::text AS body`;

// The fiscal-year report by hand for a staff viewer (juvenile programme included): approved logs
// of the year, participants' minutes, distinct volunteers, people served once per log, grouped by
// GROUPING SETS, then shaped into the GraphQL answer (every month April–March, zeros where empty).
// $1 org, $2 FY.
const REPORT_SQL = `
WITH logs AS (
  SELECT l.id, EXTRACT(MONTH FROM l.date)::int AS month, l."peopleServed",
         g."programmeId", g."areaId", l."activityTypeId"
  FROM "ActivityLog" l
  JOIN "Group" g ON g."orgId" = l."orgId" AND g.id = l."groupId"
  WHERE l."orgId" = $1::uuid AND l."fiscalYear" = $2::int AND l.status = 'APPROVED'
), parts AS (
  SELECT lg.*, p."personId", p."juvenileParticipantId", p.minutes,
         ROW_NUMBER() OVER (PARTITION BY lg.id) AS k
  FROM logs lg
  LEFT JOIN "ActivityLogParticipant" p ON p."orgId" = $1::uuid AND p."activityLogId" = lg.id
), agg AS (
  SELECT GROUPING(month, "programmeId", "areaId", "activityTypeId") AS gs,
         month, "programmeId", "areaId", "activityTypeId",
         COALESCE(SUM(minutes), 0)::int AS minutes,
         COUNT(DISTINCT id)::int AS activities,
         (COUNT(DISTINCT "personId") + COUNT(DISTINCT "juvenileParticipantId"))::int AS volunteers,
         COALESCE(SUM("peopleServed") FILTER (WHERE k = 1), 0)::int AS "peopleServed"
  FROM parts
  GROUP BY GROUPING SETS ((), (month), ("programmeId"), ("areaId"), ("activityTypeId"))
), fig AS (
  SELECT gs, month, "programmeId", "areaId", "activityTypeId",
         json_build_object('hours', round(minutes / 60.0, 1)::float8, 'minutes', minutes,
           'activities', activities, 'volunteers', volunteers, 'peopleServed', "peopleServed") AS f
  FROM agg
), zero AS (
  SELECT json_build_object('hours', 0, 'minutes', 0, 'activities', 0, 'volunteers', 0, 'peopleServed', 0) AS f
)
SELECT json_build_object('data', json_build_object('fiscalYearReport', json_build_object(
  'totals', COALESCE((SELECT f FROM fig WHERE gs = 15), (SELECT f FROM zero)),
  'byMonth', (
    SELECT json_agg(json_build_object(
             'year', CASE WHEN mo >= 4 THEN $2::int ELSE $2::int + 1 END, 'month', mo,
             'figures', COALESCE(fig.f, (SELECT f FROM zero))) ORDER BY ord)
    FROM unnest(ARRAY[4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]) WITH ORDINALITY AS x(mo, ord)
    LEFT JOIN fig ON fig.gs = 7 AND fig.month = x.mo),
  'byProgramme', COALESCE((
    SELECT json_agg(json_build_object('id', pr.id, 'code', pr.code, 'name', pr.name, 'nameEn', pr."nameEn",
             'figures', fig.f) ORDER BY pr."sortOrder", pr.name)
    FROM fig JOIN "Programme" pr ON pr.id = fig."programmeId" WHERE fig.gs = 11), '[]'::json),
  'byArea', COALESCE((
    SELECT json_agg(json_build_object('id', ar.id, 'code', NULL, 'name', COALESCE(ar.name, '地区の指定なし'),
             'nameEn', COALESCE(ar.name, 'No area'), 'figures', fig.f) ORDER BY ar."sortOrder" NULLS LAST, ar.name)
    FROM fig LEFT JOIN "Area" ar ON ar.id = fig."areaId" WHERE fig.gs = 13), '[]'::json),
  'byActivityType', COALESCE((
    SELECT json_agg(json_build_object('id', t.id, 'code', t.code, 'name', t.name, 'nameEn', t."nameEn",
             'figures', fig.f) ORDER BY t."sortOrder", t.name)
    FROM fig JOIN "ActivityType" t ON t.id = fig."activityTypeId" WHERE fig.gs = 14), '[]'::json)
)))::text AS body`;

// The approval queue (/approvals) as the web app asks it (ApprovalsPage.tsx), and by hand: the
// organisation's submitted logs, oldest first, with their participants counted. $1 org.
const APPROVALS_QUERY = `query ApprovalQueue {
  approvalQueue {
    id date minutes participantCount uninsuredCount peopleServed place description submittedAt
    submittedBy { id name } group { id name } activityType { id name nameEn }
  }
}`;

const instant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const APPROVALS_SQL = `
SELECT json_build_object('data', json_build_object('approvalQueue', COALESCE((
  SELECT json_agg(json_build_object(
    'id', l.id, 'date', to_char(l.date, 'YYYY-MM-DD'), 'minutes', l.minutes,
    'participantCount', (SELECT count(*)::int FROM "ActivityLogParticipant" p WHERE p."orgId" = l."orgId" AND p."activityLogId" = l.id),
    'uninsuredCount', (SELECT count(*)::int FROM "ActivityLogParticipant" p
      WHERE p."orgId" = l."orgId" AND p."activityLogId" = l.id AND p.uninsured),
    'peopleServed', l."peopleServed", 'place', l.place, 'description', l.description,
    'submittedAt', ${instant('l."submittedAt"')},
    'submittedBy', CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', COALESCE(up."displayName", u.name)) END,
    'group', json_build_object('id', g.id, 'name', g.name),
    'activityType', json_build_object('id', t.id, 'name', t.name, 'nameEn', t."nameEn")
  ) ORDER BY l.date, l."submittedAt", l.id)
  FROM "ActivityLog" l
  JOIN "Group" g ON g."orgId" = l."orgId" AND g.id = l."groupId"
  JOIN "ActivityType" t ON t."orgId" = l."orgId" AND t.id = l."activityTypeId"
  LEFT JOIN "user" u ON u.id = l."submittedById"
  LEFT JOIN "Person" up ON up."orgId" = u."orgId" AND up.id = u."personId"
  WHERE l."orgId" = $1::uuid AND l.status = 'SUBMITTED'), '[]'::json)))::text AS body`;

// A school's 子ども福祉委員 (/child-volunteers/:groupId) as the web app asks it (ChildVolunteersPage.tsx
// and ChildVolunteerRow.tsx), read by staff; by hand: the school's children in ふりがな order (the
// database's collation, as the API's orderBy), their consents oldest first and each consent kind's
// state from the latest one. $1 org, $2 school.
const CHILDREN_QUERY = `query ChildVolunteers($groupId: ID!) {
  childVolunteers(groupId: $groupId) {
    id status consents { id kind scope policyVersion recordedAt }
    grade alumniSince activityConsentState photoConsentState guardianName guardianRelation
    person { id name legalNameKana }
  }
}`;

const consentStateSql = (kind: string) => `COALESCE((
      SELECT CASE WHEN NOT k.granted THEN 'DECLINED' WHEN k."withdrawnAt" IS NULL THEN 'GRANTED' ELSE 'WITHDRAWN' END
      FROM "Consent" k WHERE k."orgId" = c."orgId" AND k."childVolunteerId" = c.id AND k.kind = '${kind}'
      ORDER BY k."recordedAt" DESC, k.id DESC LIMIT 1), 'NOT_SUBMITTED')`;

const CHILDREN_SQL = `
SELECT json_build_object('data', json_build_object('childVolunteers', COALESCE((
  SELECT json_agg(json_build_object(
    'id', c.id, 'status', c.status,
    'consents', COALESCE((
      SELECT json_agg(json_build_object('id', k.id, 'kind', k.kind, 'scope', k.scope, 'policyVersion', k."policyVersion",
        'recordedAt', ${instant('k."recordedAt"')}) ORDER BY k."recordedAt", k.id)
      FROM "Consent" k WHERE k."orgId" = c."orgId" AND k."childVolunteerId" = c.id), '[]'::json),
    'grade', c.grade, 'alumniSince', to_char(c."alumniSince", 'YYYY-MM-DD'),
    'activityConsentState', ${consentStateSql("GUARDIAN_ACTIVITY")},
    'photoConsentState', ${consentStateSql("PHOTO_PUBLICATION")},
    'guardianName', c."guardianName", 'guardianRelation', c."guardianRelation",
    'person', json_build_object('id', p.id, 'name', COALESCE(p."displayName", p."legalName"), 'legalNameKana', p."legalNameKana")
  ) ORDER BY p."legalNameKana", c.id)
  FROM "ChildVolunteer" c
  JOIN "Person" p ON p."orgId" = c."orgId" AND p.id = c."personId"
  WHERE c."orgId" = $1::uuid AND c."schoolId" = $2::uuid), '[]'::json)))::text AS body`;

// The person page (/people/:id) as the web app asks it for staff (PersonPage.tsx, $staff true), and
// by hand: the person with contact details, notes and the record's audit trail (newest 50, the
// actor an account of the organisation; `details` as JSON.stringify writes the jsonb: its text
// without the blanks outside strings), memberships newest start first, approved hours per 年度
// newest first, milestones in the order earned, the 20 newest thank-yous (all statuses: staff) and
// certificates. $1 org, $2 person, $3 today.
const PERSON_QUERY = `query PersonPage($id: ID!, $staff: Boolean!) {
  person(id: $id) {
    id name usesNickname viewerCanEdit viewerCanSeeContacts phone email address
    legalName @include(if: $staff) legalNameKana @include(if: $staff) notes @include(if: $staff) updatedAt @include(if: $staff)
    history @include(if: $staff) { id action at details actor { name } }
    memberships { id startedOn endedOn endReason isCurrent group { id name programme { id name nameEn } } groupRole { id name nameEn } }
    hoursByFiscalYear { fiscalYear hours activityCount }
    milestoneAwards { id awardedAt milestone { id name nameEn } }
  }
  thankYous(toPersonId: $id, first: 20) { edges { node { id body fromName receivedOn status } } }
  certificates(personId: $id, first: 20) { edges { node { id title serialNumber issuedOn } } }
}`;

const PERSON_SQL = `
SELECT json_build_object('data', json_build_object(
  'person', (
    SELECT json_build_object(
      'id', p.id, 'name', COALESCE(p."displayName", p."legalName"), 'usesNickname', p."displayName" IS NOT NULL,
      'viewerCanEdit', true, 'viewerCanSeeContacts', true, 'phone', p.phone, 'email', p.email, 'address', p.address,
      'legalName', p."legalName", 'legalNameKana', p."legalNameKana", 'notes', p.notes,
      'updatedAt', ${instant('p."updatedAt"')},
      'history', COALESCE((
        SELECT json_agg(json_build_object(
          'id', e.id::text, 'action', e.action, 'at', ${instant("e.at")},
          'details', regexp_replace(e.details::text, '("(?:[^"\\\\]|\\\\.)*")|\\s+', '\\1', 'g'),
          'actor', (SELECT json_build_object('name', u.name) FROM "user" u WHERE u.id = e."actorId" AND u."orgId" = $1::uuid)
        ) ORDER BY e.id DESC)
        FROM (SELECT * FROM "AuditEvent" e WHERE e."orgId" = $1::uuid AND e.entity = 'Person' AND e."entityId" = p.id::text
              ORDER BY e.id DESC LIMIT 50) e), '[]'::json),
      'memberships', COALESCE((
        SELECT json_agg(json_build_object(
          'id', m.id, 'startedOn', to_char(m."startedOn", 'YYYY-MM-DD'), 'endedOn', to_char(m."endedOn", 'YYYY-MM-DD'),
          'endReason', m."endReason", 'isCurrent', m."endedOn" IS NULL OR m."endedOn" >= $3::date,
          'group', json_build_object('id', g.id, 'name', g.name,
            'programme', json_build_object('id', pr.id, 'name', pr.name, 'nameEn', pr."nameEn")),
          'groupRole', json_build_object('id', gr.id, 'name', gr.name, 'nameEn', gr."nameEn")
        ) ORDER BY m."startedOn" DESC, m.id DESC)
        FROM "Membership" m
        JOIN "Group" g ON g."orgId" = m."orgId" AND g.id = m."groupId"
        JOIN "Programme" pr ON pr.id = g."programmeId"
        JOIN "GroupRole" gr ON gr."orgId" = m."orgId" AND gr.id = m."groupRoleId"
        WHERE m."orgId" = $1::uuid AND m."personId" = p.id), '[]'::json),
      'hoursByFiscalYear', COALESCE((
        SELECT json_agg(json_build_object('fiscalYear', y."fiscalYear", 'hours', round(y.minutes / 60.0, 2)::float8,
          'activityCount', y.n) ORDER BY y."fiscalYear" DESC)
        FROM (SELECT l."fiscalYear", sum(ap.minutes) AS minutes, count(*)::int AS n
              FROM "ActivityLogParticipant" ap
              JOIN "ActivityLog" l ON l."orgId" = ap."orgId" AND l.id = ap."activityLogId"
              WHERE ap."orgId" = $1::uuid AND ap."personId" = p.id AND l.status = 'APPROVED'
              GROUP BY l."fiscalYear") y), '[]'::json),
      'milestoneAwards', COALESCE((
        SELECT json_agg(json_build_object('id', a.id, 'awardedAt', ${instant('a."awardedAt"')},
          'milestone', json_build_object('id', ms.id, 'name', ms.name, 'nameEn', ms."nameEn")) ORDER BY a."awardedAt", a.id)
        FROM "MilestoneAward" a JOIN "Milestone" ms ON ms.id = a."milestoneId"
        WHERE a."orgId" = $1::uuid AND a."personId" = p.id), '[]'::json))
    FROM "Person" p WHERE p."orgId" = $1::uuid AND p.id = $2::uuid),
  'thankYous', json_build_object('edges', COALESCE((
    SELECT json_agg(json_build_object('node', json_build_object('id', t.id, 'body', t.body, 'fromName', t."fromName",
      'receivedOn', to_char(t."receivedOn", 'YYYY-MM-DD'), 'status', t.status)) ORDER BY t."receivedOn" DESC, t.id DESC)
    FROM (SELECT * FROM "ThankYouMessage" t WHERE t."orgId" = $1::uuid AND t."toPersonId" = $2::uuid
          ORDER BY t."receivedOn" DESC, t.id DESC LIMIT 20) t), '[]'::json)),
  'certificates', json_build_object('edges', COALESCE((
    SELECT json_agg(json_build_object('node', json_build_object('id', c.id, 'title', c.title, 'serialNumber', c."serialNumber",
      'issuedOn', to_char(c."issuedOn", 'YYYY-MM-DD'))) ORDER BY c."serialNumber" DESC)
    FROM (SELECT * FROM "Certificate" c WHERE c."orgId" = $1::uuid AND c."personId" = $2::uuid
          ORDER BY c."serialNumber" DESC LIMIT 20) c), '[]'::json))
))::text AS body`;

const TYPENAME_BODY = JSON.stringify({ data: { __typename: "Query" } });

interface Workload {
  name: string;
  graphql: { query: string; variables: Record<string, unknown> };
  /** with the staff session's cookie (else anonymous) */
  signedIn: boolean;
  baselinePath: string;
  /** the baseline's one statement (its first row's `body` is the answer); null: a constant answer, no SQL */
  sql: string | null;
  params: unknown[];
  /** compares the GraphQL data and the baseline's; returns a line for the report */
  compare(api: unknown, baseline: unknown): string;
}

interface RosterData {
  group: { roster: { totalCount: number; edges: Array<{ node: { id: string } }> } };
}

function compareRoster(api: unknown, baseline: unknown): string {
  if (isDeepStrictEqual(api, baseline)) return "identical (same rows, same order)";
  const a = api as RosterData;
  const b = baseline as RosterData;
  const byId = (d: RosterData) => [...d.group.roster.edges].sort((x, y) => (x.node.id < y.node.id ? -1 : 1));
  const sameSet = a.group.roster.totalCount === b.group.roster.totalCount && isDeepStrictEqual(byId(a), byId(b));
  if (!sameSet) throw new Error("roster: the baseline's JSON differs from the API's beyond the order of rows");
  const moved = a.group.roster.edges.filter((e, i) => e.node.id !== b.group.roster.edges[i]?.node.id).length;
  return `same rows and content; order differs at ${moved} of ${a.group.roster.edges.length} positions (API: Intl.Collator("ja"); baseline: ORDER BY the kana column in the database's collation)`;
}

function compareExact(name: string) {
  return (api: unknown, baseline: unknown): string => {
    if (!isDeepStrictEqual(api, baseline)) {
      throw new Error(
        `${name}: the baseline's JSON differs from the API's:\nAPI      ${JSON.stringify(api)}\nbaseline ${JSON.stringify(baseline)}`,
      );
    }
    return "identical";
  };
}

// ───────────────────────── load generation (autocannon in a child process) ─────────────────────────

interface LoadResult {
  requests: number;
  durationSeconds: number;
  latencies: number[];
  non2xx: number;
  errors: number;
  timeouts: number;
  /** answers whose body is not {"data": …} or carries GraphQL errors */
  badBodies: number;
}

/** What the servers of this process spent during a run. */
interface Cost {
  cpuMicros: number;
  allocatedBytes: number;
}

/**
 * Runs autocannon in a child process (load.ts; forked with this process's tsx loader) and measures
 * what THIS process — the server under test; the other server is idle meanwhile — spent: CPU time
 * of all its threads (process.cpuUsage: user + system, including V8's GC and libuv threads) and
 * bytes allocated on its V8 heap (what the heap grew by, plus what every garbage collection of the
 * run freed, from v8.GCProfiler). Neither counts the load generator, which is another process.
 */
async function runLoad(url: string, headers: Record<string, string>, body: string): Promise<{ load: LoadResult; cost: Cost }> {
  const child = fork(new URL("./load.ts", import.meta.url), { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const profiler = new v8.GCProfiler();
  const cpu0 = process.cpuUsage();
  const used0 = v8.getHeapStatistics().used_heap_size;
  profiler.start();
  try {
    const load = await new Promise<LoadResult>((resolve, reject) => {
      child.once("message", (m: LoadResult | { error: string }) => {
        if ("error" in m) reject(new Error(m.error));
        else resolve(m);
      });
      child.once("error", reject);
      child.once("exit", (code) => reject(new Error(`the load generator exited (${code}) without a result`)));
      child.send({ url, headers, body, connections: CONNECTIONS, duration: SECONDS });
    });
    const gcs = profiler.stop()?.statistics ?? [];
    const cpu = process.cpuUsage(cpu0);
    const used1 = v8.getHeapStatistics().used_heap_size;
    const freed = gcs.reduce((sum, gc) => sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize, 0);
    return { load, cost: { cpuMicros: cpu.user + cpu.system, allocatedBytes: used1 - used0 + freed } };
  } finally {
    child.kill();
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  if (value === undefined) throw new Error(`no p${p} in ${sorted.length} samples`);
  return value;
}

interface Stats {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  badBodies: number;
  /** server CPU (user + system) per response, ms */
  cpuMs: number;
  /** V8 heap bytes allocated per response, MB */
  allocatedMb: number;
}

function summarise({ load: r, cost }: { load: LoadResult; cost: Cost }): Stats {
  const sorted = Float64Array.from(r.latencies).sort();
  const per = Math.max(1, r.requests);
  return {
    cpuMs: cost.cpuMicros / 1000 / per,
    allocatedMb: cost.allocatedBytes / 1e6 / per,
    rps: r.requests / r.durationSeconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    requests: r.requests,
    non2xx: r.non2xx,
    errors: r.errors,
    badBodies: r.badBodies,
  };
}

// ───────────────────────── main ─────────────────────────

async function main(): Promise<void> {
  const started = performance.now();
  log(`Tsunagu bench — ${redactUrl(DATABASE_URL)}`);
  log(
    `node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model.trim() ?? "?"}), ${SECONDS} s per run, ${CONNECTIONS} connections`,
  );
  log();

  // 1. database
  await ensureDatabase(DATABASE_URL);
  const counter = new StatementCounter();
  const db = await openDatabase({ url: DATABASE_URL, onQuery: counter.record });
  const { applied } = await applyPendingMigrations({ adapterFactory: db.adapterFactory, schemaPath, migrationsDir });
  log(applied.length ? `migrations applied: ${applied.join(", ")}` : "migrations: up to date");

  let seeded = false;
  const orgs = await db.prisma.organization.count({ where: { slug: { startsWith: "synthetic-" } } });
  if (orgs < SCALE) {
    log(`synthetic organisations: ${orgs} < ${SCALE}, seeding (scale ${SCALE}; takes a few minutes the first time)…`);
    const t0 = performance.now();
    await seedSynthetic(db.prisma, { scale: SCALE });
    seeded = true;
    log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    log(`synthetic organisations: ${orgs}, reusing them`);
  }

  // planner statistics: a server with autovacuum off never gathers them, and without them the
  // roster's statements take seconds instead of milliseconds (see README)
  const unanalysed = await db.prisma.$queryRaw<Array<{ relname: string }>>`
    SELECT relname::text FROM pg_stat_user_tables
    WHERE relname IN ('ActivityLog', 'ActivityLogParticipant', 'Membership', 'Person', 'InsuranceEnrolment')
      AND last_analyze IS NULL AND last_autoanalyze IS NULL`;
  if (seeded || unanalysed.length > 0) {
    const t0 = performance.now();
    await db.prisma.$executeRawUnsafe("ANALYZE");
    const why = seeded ? "after seeding" : `no statistics on ${unanalysed.map((r) => r.relname).join(", ")}`;
    log(`ANALYZE (${why}): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    log("planner statistics: present");
  }

  // 2. a password for the synthetic staff account
  const staff = await db.prisma.user.findUnique({ where: { email: STAFF_EMAIL }, select: { id: true, orgId: true } });
  if (!staff) throw new Error(`no user ${STAFF_EMAIL}: is the synthetic data complete?`);
  const credential = await db.prisma.account.findFirst({
    where: { userId: staff.id, providerId: "credential" },
    select: { id: true, password: true },
  });
  if (!credential) {
    await db.prisma.account.create({
      data: {
        id: randomUUID(),
        accountId: staff.id,
        providerId: "credential",
        userId: staff.id,
        password: await hashPassword(STAFF_PASSWORD),
      },
    });
    log(`${STAFF_EMAIL}: password set (credential account created)`);
  } else if (!credential.password || !(await verifyPassword({ hash: credential.password, password: STAFF_PASSWORD }))) {
    await db.prisma.account.update({ where: { id: credential.id }, data: { password: await hashPassword(STAFF_PASSWORD) } });
    log(`${STAFF_EMAIL}: password reset to the bench's`);
  } else {
    log(`${STAFF_EMAIL}: credential account exists`);
  }

  // the workloads' parameters
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });
  const day = todayInJapan();
  const today = day.toISOString().slice(0, 10);
  const fiscalYear = fiscalYearOf(day);
  const { rows: groups } = await pool.query<{ id: string; name: string; members: number }>(
    `SELECT g.id, g.name, count(*)::int AS members
     FROM "Group" g
     JOIN "Organization" o ON o.id = g."orgId"
     JOIN "Membership" m ON m."orgId" = g."orgId" AND m."groupId" = g.id AND (m."endedOn" IS NULL OR m."endedOn" >= $1::date)
     WHERE o.slug = 'synthetic-1'
     GROUP BY g.id, g.name ORDER BY members DESC, g.id LIMIT 1`,
    [today],
  );
  const group = groups[0];
  if (!group) throw new Error("synthetic-1 has no group with members");
  const { rows: counts } = await pool.query<{ logs: number; participants: number }>(
    `SELECT count(DISTINCT l.id)::int AS logs, count(p.id)::int AS participants
     FROM "ActivityLog" l LEFT JOIN "ActivityLogParticipant" p ON p."orgId" = l."orgId" AND p."activityLogId" = l.id
     WHERE l."orgId" = $1::uuid AND l."fiscalYear" = $2::int AND l.status = 'APPROVED'`,
    [staff.orgId, fiscalYear],
  );
  const { rows: schools } = await pool.query<{ groupId: string; schoolId: string; name: string; children: number }>(
    `SELECT g.id AS "groupId", g."schoolId", g.name, count(c.id)::int AS children
     FROM "Group" g
     JOIN "ChildVolunteer" c ON c."orgId" = g."orgId" AND c."schoolId" = g."schoolId"
     WHERE g."orgId" = $1::uuid AND g."schoolId" IS NOT NULL
     GROUP BY g.id ORDER BY children DESC, g.id LIMIT 1`,
    [staff.orgId],
  );
  const school = schools[0];
  if (!school) throw new Error("synthetic-1 has no school group with children");
  const { rows: queue } = await pool.query<{ logs: number }>(
    `SELECT count(*)::int AS logs FROM "ActivityLog" WHERE "orgId" = $1::uuid AND status = 'SUBMITTED'`,
    [staff.orgId],
  );
  // the person page: the synthetic-1 person with the most memberships, then the most participations
  const { rows: people } = await pool.query<{ id: string; memberships: number; participations: number }>(
    `SELECT p.id,
       (SELECT count(*)::int FROM "Membership" m WHERE m."orgId" = p."orgId" AND m."personId" = p.id) AS memberships,
       (SELECT count(*)::int FROM "ActivityLogParticipant" a WHERE a."orgId" = p."orgId" AND a."personId" = p.id) AS participations
     FROM "Person" p WHERE p."orgId" = $1::uuid
     ORDER BY memberships DESC, participations DESC, p.id LIMIT 1`,
    [staff.orgId],
  );
  const person = people[0];
  if (!person) throw new Error("synthetic-1 has no person");
  log(`roster: group 「${group.name}」 of synthetic-1, ${group.members} current members`);
  log(`approval queue: ${queue[0]?.logs} submitted logs of synthetic-1`);
  log(`child volunteers: 「${school.name}」 of synthetic-1, ${school.children} children`);
  log(`person page: a synthetic-1 person with ${person.memberships} memberships and ${person.participations} participations`);
  log(`report: fiscal year ${fiscalYear} of synthetic-1, ${counts[0]?.logs} approved logs, ${counts[0]?.participants} participations`);

  const allWorkloads: Workload[] = [
    {
      name: "roster (200)",
      graphql: { query: ROSTER_QUERY, variables: { id: group.id } },
      signedIn: true,
      baselinePath: "/roster",
      sql: ROSTER_SQL,
      params: [staff.orgId, group.id, today, fiscalYear],
      compare: compareRoster,
    },
    {
      name: "fiscal-year report",
      graphql: { query: REPORT_QUERY, variables: { fiscalYear } },
      signedIn: true,
      baselinePath: "/report",
      sql: REPORT_SQL,
      params: [staff.orgId, fiscalYear],
      compare: compareExact("report"),
    },
    {
      name: "approval queue",
      graphql: { query: APPROVALS_QUERY, variables: {} },
      signedIn: true,
      baselinePath: "/approvals",
      sql: APPROVALS_SQL,
      params: [staff.orgId],
      compare: compareExact("approval queue"),
    },
    {
      name: "child volunteers",
      graphql: { query: CHILDREN_QUERY, variables: { groupId: school.groupId } },
      signedIn: true,
      baselinePath: "/children",
      sql: CHILDREN_SQL,
      params: [staff.orgId, school.schoolId],
      compare: compareExact("child volunteers"),
    },
    {
      name: "person page",
      graphql: { query: PERSON_QUERY, variables: { id: person.id, staff: true } },
      signedIn: true,
      baselinePath: "/person",
      sql: PERSON_SQL,
      params: [staff.orgId, person.id, today],
      compare: compareExact("person page"),
    },
    // what a request costs before any resolver reads anything: the session and the viewer, or nothing
    {
      name: "{ __typename } signed in",
      graphql: { query: "{ __typename }", variables: {} },
      signedIn: true,
      baselinePath: "/typename",
      sql: null,
      params: [],
      compare: compareExact("__typename"),
    },
    {
      name: "{ __typename } anonymous",
      graphql: { query: "{ __typename }", variables: {} },
      signedIn: false,
      baselinePath: "/typename",
      sql: null,
      params: [],
      compare: compareExact("__typename"),
    },
  ];
  const workloads = ONLY.length ? allWorkloads.filter((w) => ONLY.some((prefix) => w.name.startsWith(prefix))) : allWorkloads;
  if (workloads.length === 0) throw new Error(`BENCH_WORKLOADS=${ONLY.join(",")} names no workload`);

  // 3. the real app, in this process
  useDatabase(db);
  const env = readApiEnv({
    NODE_ENV: "production",
    BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
    TRUST_PROXY: "loopback",
  });
  const { app, apollo } = await createApp({ ...env, publicUrl: PUBLIC_URL }, pino({ level: "silent" }));
  const apiServer = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => apiServer.once("listening", () => resolve()));
  const apiUrl = `http://127.0.0.1:${(apiServer.address() as AddressInfo).port}`;

  // the baselines: node:http, one statement per request through pg.Pool, the JSON text as is
  let baselineStatements = 0;
  const byPath = new Map(allWorkloads.map((w) => [w.baselinePath, w]));
  const baselineServer = http.createServer((req, res) => {
    const w = byPath.get(req.url ?? "");
    req.resume(); // the request body (the GraphQL operation) is read and ignored
    req.once("end", () => {
      if (!w) {
        res.writeHead(404).end();
        return;
      }
      if (w.sql === null) {
        res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(TYPENAME_BODY);
        return;
      }
      baselineStatements++;
      pool.query<{ body: string }>(w.sql, w.params).then(
        ({ rows: [row] }) => {
          if (!row) throw new Error(`${w.name}: the baseline query returned no row`);
          res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(row.body);
        },
        (err: unknown) => {
          console.error(err);
          res.writeHead(500).end();
        },
      );
    });
  });
  baselineServer.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => baselineServer.once("listening", () => resolve()));
  const baselineUrl = `http://127.0.0.1:${(baselineServer.address() as AddressInfo).port}`;

  // sign in (5 per minute per IP: a random x-forwarded-for per run)
  // the origin must be the trusted one (publicUrl), port and all: Better Auth checks it in production
  const signIn = await fetch(`${apiUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: PUBLIC_URL,
      "x-forwarded-for": `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`,
    },
    body: JSON.stringify({ email: STAFF_EMAIL, password: STAFF_PASSWORD }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const signedInHeaders = { "content-type": "application/json", cookie, origin: PUBLIC_URL };
  const anonymousHeaders = { "content-type": "application/json", origin: PUBLIC_URL };
  log(`API ${apiUrl} (NODE_ENV=production), baseline ${baselineUrl}; signed in as ${STAFF_EMAIL}`);
  log();

  const post = async (url: string, body: string, headers: Record<string, string>) => {
    const res = await fetch(url, { method: "POST", headers, body });
    const json = (await res.json()) as { data?: unknown; errors?: unknown };
    if (!res.ok || json.errors || !json.data) throw new Error(`${url}: ${res.status} ${JSON.stringify(json).slice(0, 2000)}`);
    return json.data;
  };

  interface Row {
    workload: string;
    api: Stats;
    baseline: Stats;
    apiStatements: number;
    baselineStatements: number;
    bytes: number;
  }
  const results: Row[] = [];

  for (const w of workloads) {
    const body = JSON.stringify(w.graphql);
    const headers = w.signedIn ? signedInHeaders : anonymousHeaders;
    const apiData = await post(`${apiUrl}/graphql`, body, headers);
    const baselineData = await post(`${baselineUrl}${w.baselinePath}`, body, headers);
    log(`${w.name}: baseline vs API JSON — ${w.compare(apiData, baselineData)}`);

    let statements = 0;
    let sample: string[] = [];
    for (let i = 0; i < COUNTED_REQUESTS; i++) {
      const { statements: s } = await counter.count(() => post(`${apiUrl}/graphql`, body, headers));
      statements += s.length;
      sample = s;
    }
    if (VERBOSE) for (const s of sample) log(`    ${s.replace(/\s+/g, " ").slice(0, 240)}`);
    const before = baselineStatements;
    for (let i = 0; i < COUNTED_REQUESTS; i++) await post(`${baselineUrl}${w.baselinePath}`, body, headers);
    const baselinePerRequest = (baselineStatements - before) / COUNTED_REQUESTS;

    const apiStats = summarise(await runLoad(`${apiUrl}/graphql`, headers, body));
    const baselineStats = summarise(await runLoad(`${baselineUrl}${w.baselinePath}`, headers, body));
    results.push({
      workload: w.name,
      api: apiStats,
      baseline: baselineStats,
      apiStatements: statements / COUNTED_REQUESTS,
      baselineStatements: baselinePerRequest,
      bytes: JSON.stringify({ data: apiData }).length,
    });
    log(`${w.name}: done (API ${apiStats.requests} requests, baseline ${baselineStats.requests})`);
  }

  // the table
  const ms = (x: number) => x.toFixed(1);
  const header = [
    "workload",
    "server",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "SQL/req",
    "CPU ms/req",
    "MB/req",
    "requests",
    "non-2xx",
    "errors",
    "bad bodies",
  ];
  const table: string[][] = [header];
  for (const r of results) {
    for (const [server, s, st] of [
      ["API", r.api, r.apiStatements],
      ["baseline", r.baseline, r.baselineStatements],
    ] as const) {
      table.push([
        r.workload,
        server,
        s.rps.toFixed(0),
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        st.toFixed(1),
        s.cpuMs.toFixed(2),
        s.allocatedMb.toFixed(3),
        String(s.requests),
        String(s.non2xx),
        String(s.errors),
        String(s.badBodies),
      ]);
    }
  }
  const width = (c: number) => Math.max(...table.map((row) => row[c]?.length ?? 0));
  const line = (row: string[]) => row.map((cell, c) => (c < 2 ? cell.padEnd(width(c)) : cell.padStart(width(c)))).join(" | ");
  log();
  log(line(header));
  log(header.map((_, c) => "-".repeat(width(c))).join("-|-"));
  for (const row of table.slice(1)) log(line(row));
  log();
  for (const r of results) {
    log(
      `${r.workload}: API/baseline req/s ${(r.api.rps / r.baseline.rps).toFixed(2)}, p50 ${(r.api.p50 / r.baseline.p50).toFixed(2)}, ` +
        `CPU per request ${(r.api.cpuMs / r.baseline.cpuMs).toFixed(1)}× (response ${(r.bytes / 1024).toFixed(1)} KiB)`,
    );
  }
  const typename = (who: string) => results.find((r) => r.workload === `{ __typename } ${who}`)?.api;
  const signedIn = typename("signed in");
  const anonymous = typename("anonymous");
  if (signedIn && anonymous) {
    log(
      `{ __typename } signed in / anonymous: CPU per request ${(signedIn.cpuMs / anonymous.cpuMs).toFixed(2)}×, ` +
        `MB per request ${(signedIn.allocatedMb / anonymous.allocatedMb).toFixed(2)}×, req/s ${(signedIn.rps / anonymous.rps).toFixed(2)}×`,
    );
  }
  log();
  log(
    `Latency percentiles from autocannon's per-response times (nearest rank); req/s = responses / run time. ` +
      `Load generator: autocannon in a child process, ${CONNECTIONS} keep-alive connections, ${SECONDS} s per run. ` +
      `CPU ms/req: this process's CPU time (user + system, all threads) during the run / responses; ` +
      `MB/req: V8 heap bytes allocated during the run (heap growth + what each GC freed) / responses (Buffers' memory outside the heap not counted). ` +
      `SQL/req: average over ${COUNTED_REQUESTS} sequential requests (the API's include the session and viewer look-ups). ` +
      `The baseline does no authentication.`,
  );
  log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);

  await apollo.stop();
  await new Promise((resolve) => apiServer.close(resolve));
  await new Promise((resolve) => baselineServer.close(resolve));
  await pool.end();
  await db.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1); // the servers would keep the process alive
});
