// A soak of the compiled server (`npm start`'s dist/main.js) on each database: 50 clients signed in
// as staff, each cycling through reads ({ me }, a group's roster) and a write (logActivity) for
// SOAK_SECONDS, with the server's resident memory (RSS) sampled every SOAK_SAMPLE_SECONDS. Prints
// requests, errors, RSS min/max/last and the growth over the last minute (the mean of its samples
// against the mean of the minute before). It is not a test.
// Targets (issue 11): RSS levels off (last-minute growth < 2 %) and stays ≤ 300 MB.
//   npm run soak                      (10 minutes on each database)
//   SOAK_SECONDS=60 npm run soak      (a short check)
// Settings: SOAK_SECONDS (default 600), SOAK_CONNECTIONS (50), SOAK_SAMPLE_SECONDS (5),
// SOAK_DATABASES (embedded,postgresql), SOAK_DATABASE_URL (a scratch database that is dropped and
// created: default postgresql://postgres@127.0.0.1:5432/tsunagu_soak).
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { repoRoot } from "@tsunagu/db/env";

import { graphql, rssMb, signIn, startServer, type ServerProcess } from "./server-process.ts";

// eslint-disable-next-line no-restricted-properties
const env = process.env;
const SECONDS = Number(env.SOAK_SECONDS ?? 600);
const CONNECTIONS = Number(env.SOAK_CONNECTIONS ?? 50);
const SAMPLE_SECONDS = Number(env.SOAK_SAMPLE_SECONDS ?? 5);
const DATABASES = (env.SOAK_DATABASES ?? "embedded,postgresql").split(",").map((d) => d.trim());
const PG_URL = env.SOAK_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/tsunagu_soak";
const STAFF = { email: "staff@hannan.example", password: "tsunagu-demo-2025" };

// autocannon has no type declarations: the part used here
interface AutocannonResult {
  requests: { total: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
}
type Autocannon = (
  options: Record<string, unknown>,
  done: (err: Error | null, result: AutocannonResult) => void,
) => { on(event: "response", fn: (client: unknown, status: number) => void): void };
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

// ───────────────────────── the databases ─────────────────────────

/** a server on a new embedded folder: a first start migrates and seeds it, the soak runs on a second */
async function embeddedServer(): Promise<{ server: ServerProcess; cleanUp: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "tsunagu-soak-"));
  console.log(`embedded: seeding ${dataDir}…`);
  await (await startServer({ TSUNAGU_DATA_DIR: dataDir })).stop();
  const server = await startServer({ TSUNAGU_DATA_DIR: dataDir });
  return { server, cleanUp: () => rm(dataDir, { recursive: true, force: true }) };
}

/** a server on a scratch PostgreSQL database, created anew, migrated and seeded with the db: commands */
async function postgresqlServer(): Promise<{ server: ServerProcess; cleanUp: () => Promise<void> }> {
  const name = decodeURIComponent(new URL(PG_URL).pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected database name in SOAK_DATABASE_URL: ${name}`);
  const admin = new URL(PG_URL);
  admin.pathname = "/postgres";
  const adminQuery = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${name}"`);
  console.log(`postgresql: created ${name}; migrating and seeding…`);
  for (const command of ["db:migrate", "db:seed"]) {
    const run = spawnSync("npm", ["run", "--silent", command], { cwd: repoRoot, env: { ...env, DATABASE_URL: PG_URL }, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`npm run ${command} failed:\n${run.stdout}${run.stderr}`);
  }
  const server = await startServer({ DATABASE_URL: PG_URL });
  return { server, cleanUp: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

// ───────────────────────── the workload ─────────────────────────

const ME = "query SoakMe { me { email isStaff } organization { name } }";
const ROSTER = `query SoakRoster($id: ID!) {
  group(id: $id) { roster(first: 50) { totalCount edges { node { id groupRole { name } hoursThisYear person { id name } } } } }
}`;
const LOG = `mutation SoakLog($input: LogActivityInput!) {
  logActivity(input: $input) { __typename ... on MutationLogActivitySuccess { data { activityLog { id } } } }
}`;

interface Groups {
  groups: { id: string; programme: { code: string; privacyTier: string } }[];
}
interface Roster {
  group: { roster: { edges: { node: { person: { id: string } } }[] } };
}

/** a group (not of the juvenile programme) with a member, and an activity type usable there */
async function writeTarget(base: string, cookie: string) {
  const { groups } = await graphql<Groups>(base, cookie, "{ groups(closed: false) { id programme { code privacyTier } } }");
  for (const group of groups.filter((g) => g.programme.privacyTier !== "JUVENILE")) {
    const roster = await graphql<Roster>(base, cookie, ROSTER, { id: group.id });
    const member = roster.group.roster.edges[0]?.node.person.id;
    if (!member) continue;
    const { activityTypes } = await graphql<{ activityTypes: { code: string }[] }>(
      base,
      cookie,
      "query($p: String) { activityTypes(programmeCode: $p) { code } }",
      { p: group.programme.code },
    );
    const type = activityTypes[0]?.code;
    if (type) return { groupId: group.id, personId: member, activityTypeCode: type };
  }
  throw new Error("no group with a member and an activity type in the demo data");
}

/** a response counts as right when it has data, no GraphQL errors, and a write succeeded */
const verifyBody = (body: string) =>
  /^\{\s*"data"\s*:/.test(body) &&
  !body.includes('"errors"') &&
  (!body.includes('"logActivity"') || body.includes("MutationLogActivitySuccess"));

interface Soak {
  database: string;
  requests: number;
  errors: number;
  /** the errors by kind */
  kinds: string;
  rss: number[];
  startMs: number;
}

async function soak(database: string, server: ServerProcess): Promise<Soak> {
  const cookie = await signIn(server.base, STAFF.email, STAFF.password);
  const target = await writeTarget(server.base, cookie);
  const yesterday = new Date(Date.now() - 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
  const post = (query: string, variables: Record<string, unknown> = {}) => ({
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ query, variables }),
  });
  const requests = [
    post(ME),
    post(ROSTER, { id: target.groupId }),
    post(ME),
    post(LOG, {
      input: {
        groupId: target.groupId,
        activityTypeCode: target.activityTypeCode,
        date: yesterday,
        minutes: 60,
        participantPersonIds: [target.personId],
        submit: false,
      },
    }),
  ];

  const pid = server.child.pid ?? 0;
  const rss = [rssMb(pid)];
  const sampler = setInterval(() => rss.push(rssMb(pid)), SAMPLE_SECONDS * 1000);
  console.log(`${database}: ${CONNECTIONS} clients for ${SECONDS} s (RSS every ${SAMPLE_SECONDS} s)…`);
  const result = await new Promise<AutocannonResult>((resolve, reject) =>
    autocannon({ url: server.base, connections: CONNECTIONS, duration: SECONDS, timeout: 30, requests, verifyBody }, (err, r) =>
      err ? reject(err) : resolve(r),
    ),
  );
  clearInterval(sampler);
  rss.push(rssMb(pid));
  await server.stop();
  return {
    database,
    requests: result.requests.total,
    errors: result.errors + result.non2xx + result.mismatches,
    kinds: `${result.timeouts} timeouts, ${result.errors - result.timeouts} other connection errors, ${result.non2xx} non-2xx, ${result.mismatches} bad bodies`,
    rss,
    startMs: server.startMs,
  };
}

// ───────────────────────── run and report ─────────────────────────

const results: Soak[] = [];
for (const database of DATABASES) {
  if (database !== "embedded" && database !== "postgresql") throw new Error(`SOAK_DATABASES: unknown database ${database}`);
  const { server, cleanUp } = database === "embedded" ? await embeddedServer() : await postgresqlServer();
  try {
    results.push(await soak(database, server));
  } finally {
    await server.stop().catch(() => undefined);
    await cleanUp();
  }
}

const lastMinute = Math.max(1, Math.round(60 / SAMPLE_SECONDS));

/**
 * the growth of the mean RSS of the last minute's samples over the mean of the minute before, in %:
 * RSS swings with each collection, so two single samples a minute apart could show growth or
 * shrinking that is only where in a swing each fell (NaN when there are not two minutes of samples)
 */
function lastMinuteGrowth(rss: number[], perMinute: number): number {
  if (rss.length < 2 * perMinute) return Number.NaN;
  const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const lastMean = mean(rss.slice(-perMinute));
  const beforeMean = mean(rss.slice(-2 * perMinute, -perMinute));
  return ((lastMean - beforeMean) / beforeMean) * 100;
}
console.log(`\nsoak: ${CONNECTIONS} clients, ${SECONDS} s per database, RSS sampled every ${SAMPLE_SECONDS} s`);
for (const r of results) {
  const last = r.rss.at(-1) ?? Number.NaN;
  const growth = lastMinuteGrowth(r.rss, lastMinute);
  console.log(
    `${r.database.padEnd(10)} requests ${r.requests} (${Math.round(r.requests / SECONDS)}/s), errors ${r.errors} (${r.kinds}); ` +
      `RSS min ${Math.min(...r.rss).toFixed(0)} MB, max ${Math.max(...r.rss).toFixed(0)} MB, last ${last.toFixed(0)} MB; ` +
      `last-minute growth ${growth.toFixed(1)} % (targets: < 2 %, ≤ 300 MB)`,
  );
  console.log(`${"".padEnd(10)} RSS samples (MB): ${r.rss.map((x) => x.toFixed(0)).join(" ")}`);
}
console.log(
  `node ${process.version}, ${os.cpus().length} CPUs, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
