// Start time and memory of the compiled server on an already-seeded embedded database: ms from
// spawning node to the first answer of /healthz (and the server's CPU time by then, which a busy
// machine disturbs less), and the server's resident memory (RSS) at that
// moment, 3 s later (idle), and after a first signed-in request. BENCH_RUNS starts (default 5) on
// one folder (BENCH_DATA_DIR, default .data/bench-start, seeded by a first, unmeasured start).
// Then BENCH_REQUESTS (default 100) roster requests one after another: the server's CPU ms per
// request and its RSS after them, so a node flag that saves memory shows what it costs in CPU
// (BENCH_NODE_FLAGS adds flags to the start script's, e.g. "--liftoff-only").
// Prints numbers; it is not a test. Targets (issue 11): start ≤ 1.5 s, RSS after start ≤ 200 MB.
//   npm run bench:start
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { repoRoot } from "@tsunagu/db/env";

import { cpuMs, graphql, median, rssMb, signIn, startServer } from "./server-process.ts";

// eslint-disable-next-line no-restricted-properties
const env = process.env;
const RUNS = Number(env.BENCH_RUNS ?? 5);
const REQUESTS = Number(env.BENCH_REQUESTS ?? 100);
const ROSTER = `query($id: ID!) { group(id: $id) { roster(first: 200) { totalCount
  edges { node { id startedOn groupRole { name } insuredThisYear hoursThisYear person { id name legalNameKana } } } } } }`;
const dataDir = path.resolve(env.BENCH_DATA_DIR ?? path.join(repoRoot, ".data", "bench-start"));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
  console.log(`seeding ${path.relative(repoRoot, dataDir) || dataDir} (first start: migrations and the demo data; not measured)…`);
  const first = await startServer({ TSUNAGU_DATA_DIR: dataDir });
  await first.stop();
}

interface Run {
  startMs: number;
  startCpuMs: number;
  rssAtStartMb: number;
  rssIdleMb: number;
  rssAfterFirstRequestMb: number;
  cpuMsPerRequest: number;
  wallMsPerRequest: number;
  rssAfterRequestsMb: number;
}
const runs: Run[] = [];
// one sign-in for all runs (the session is in the database, so it outlives each server): sign-ins
// are limited to 5 a minute from one address, and more runs would be refused (429)
let cookie: string | undefined;
for (let i = 0; i < RUNS; i++) {
  const server = await startServer({ TSUNAGU_DATA_DIR: dataDir });
  try {
    runs.push(await measure(server, i));
  } finally {
    // a failed request must not leave the server running (it holds the folder's lock)
    await server.stop();
  }
}

async function measure(server: Awaited<ReturnType<typeof startServer>>, i: number): Promise<Run> {
  const pid = server.child.pid ?? 0;
  const rssAtStartMb = rssMb(pid);
  const startCpuMs = cpuMs(pid);
  await sleep(3_000);
  const rssIdleMb = rssMb(pid);
  cookie ??= await signIn(server.base, "staff@hannan.example", "tsunagu-demo-2025");
  await graphql(server.base, cookie, "{ me { email } organization { name } }");
  const rssAfterFirstRequestMb = rssMb(pid);
  const { groups } = await graphql<{ groups: Array<{ id: string; name: string }> }>(server.base, cookie, "{ groups { id name } }");
  const group = groups.find((g) => g.name === "ふれあい喫茶 さくら");
  if (!group) throw new Error("the demo data has no group 「ふれあい喫茶 さくら」");
  await graphql(server.base, cookie, ROSTER, { id: group.id }); // the roster's first request compiles its code paths
  const cpuBefore = cpuMs(pid);
  const wallBefore = performance.now();
  for (let r = 0; r < REQUESTS; r++) await graphql(server.base, cookie, ROSTER, { id: group.id });
  const wallMsPerRequest = (performance.now() - wallBefore) / REQUESTS;
  const cpuMsPerRequest = (cpuMs(pid) - cpuBefore) / REQUESTS;
  const rssAfterRequestsMb = rssMb(pid);
  console.log(
    `run ${i + 1}: start ${Math.round(server.startMs)} ms (${startCpuMs} ms of CPU); RSS ${rssAtStartMb.toFixed(0)} MB at the first answer, ` +
      `${rssIdleMb.toFixed(0)} MB 3 s later, ${rssAfterFirstRequestMb.toFixed(0)} MB after { me }; ` +
      `${REQUESTS} rosters of 「${group.name}」: ${cpuMsPerRequest.toFixed(1)} CPU ms/req, ${wallMsPerRequest.toFixed(1)} ms/req, ` +
      `RSS ${rssAfterRequestsMb.toFixed(0)} MB after them`,
  );
  return {
    startMs: server.startMs,
    startCpuMs,
    rssAtStartMb,
    rssIdleMb,
    rssAfterFirstRequestMb,
    cpuMsPerRequest,
    wallMsPerRequest,
    rssAfterRequestsMb,
  };
}
const m = (key: keyof Run) => median(runs.map((r) => r[key]));
console.log(
  `\nmedian of ${RUNS}: start to the first /healthz answer ${Math.round(m("startMs"))} ms (target ≤ 1500), ${m("startCpuMs")} ms of CPU; ` +
    `RSS ${m("rssAtStartMb").toFixed(0)} MB at start, ${m("rssIdleMb").toFixed(0)} MB idle, ` +
    `${m("rssAfterFirstRequestMb").toFixed(0)} MB after the first request (target ≤ 200); roster ${m("cpuMsPerRequest").toFixed(1)} CPU ms/req, ` +
    `${m("wallMsPerRequest").toFixed(1)} ms/req, RSS ${m("rssAfterRequestsMb").toFixed(0)} MB after ${REQUESTS} rosters` +
    (env.BENCH_NODE_FLAGS ? ` (extra node flags: ${env.BENCH_NODE_FLAGS})` : ""),
);
console.log(
  `node ${process.version}, ${os.cpus().length} CPUs, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} (figures from a busy machine are slower)`,
);
