// Start time and memory of the compiled server on an already-seeded embedded database: ms from
// spawning node to the first answer of /healthz, and the server's resident memory (RSS) at that
// moment, 3 s later (idle), and after a first signed-in request. BENCH_RUNS starts (default 5) on
// one folder (BENCH_DATA_DIR, default .data/bench-start, seeded by a first, unmeasured start).
// Prints numbers; it is not a test. Targets (issue 11): start ≤ 1.5 s, RSS after start ≤ 200 MB.
//   npm run bench:start
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { repoRoot } from "@tsunagu/db/env";

import { graphql, median, rssMb, signIn, startServer } from "./server-process.ts";

// eslint-disable-next-line no-restricted-properties
const env = process.env;
const RUNS = Number(env.BENCH_RUNS ?? 5);
const dataDir = path.resolve(env.BENCH_DATA_DIR ?? path.join(repoRoot, ".data", "bench-start"));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
  console.log(`seeding ${path.relative(repoRoot, dataDir) || dataDir} (first start: migrations and the demo data; not measured)…`);
  const first = await startServer({ TSUNAGU_DATA_DIR: dataDir });
  await first.stop();
}

interface Run {
  startMs: number;
  rssAtStartMb: number;
  rssIdleMb: number;
  rssAfterFirstRequestMb: number;
}
const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) {
  const server = await startServer({ TSUNAGU_DATA_DIR: dataDir });
  const pid = server.child.pid ?? 0;
  const rssAtStartMb = rssMb(pid);
  await sleep(3_000);
  const rssIdleMb = rssMb(pid);
  const cookie = await signIn(server.base, "staff@hannan.example", "tsunagu-demo-2025");
  await graphql(server.base, cookie, "{ me { email } organization { name } }");
  const rssAfterFirstRequestMb = rssMb(pid);
  await server.stop();
  runs.push({ startMs: server.startMs, rssAtStartMb, rssIdleMb, rssAfterFirstRequestMb });
  console.log(
    `run ${i + 1}: start ${Math.round(server.startMs)} ms; RSS ${rssAtStartMb.toFixed(0)} MB at the first answer, ` +
      `${rssIdleMb.toFixed(0)} MB 3 s later, ${rssAfterFirstRequestMb.toFixed(0)} MB after sign-in and { me }`,
  );
}
const m = (key: keyof Run) => median(runs.map((r) => r[key]));
console.log(
  `\nmedian of ${RUNS}: start to the first /healthz answer ${Math.round(m("startMs"))} ms (target ≤ 1500); ` +
    `RSS ${m("rssAtStartMb").toFixed(0)} MB at start, ${m("rssIdleMb").toFixed(0)} MB idle, ` +
    `${m("rssAfterFirstRequestMb").toFixed(0)} MB after the first request (target ≤ 200)`,
);
console.log(
  `node ${process.version}, ${os.cpus().length} CPUs, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} (figures from a busy machine are slower)`,
);
