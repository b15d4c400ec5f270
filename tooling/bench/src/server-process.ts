// The compiled server (apps/server/dist/main.js, what `npm start` runs) as a child process of a
// benchmark: started on a free port, timed to its first /healthz answer, its resident memory read
// from the operating system, and stopped with one SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

import { repoRoot } from "@tsunagu/db/env";

const serverDir = path.join(repoRoot, "apps/server");
const serverMain = path.join(serverDir, "dist/main.js");

/**
 * node's arguments as @tsunagu/server's `start` script gives them (`exec node <flags> dist/main.js`):
 * the benchmarks run and time that node process itself, with the same flags, without npm in front.
 */
function nodeArguments(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(serverDir, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const words = (pkg.scripts["start"] ?? "").trim().split(/\s+/);
  if (words[0] !== "exec" || words[1] !== "node")
    throw new Error(`apps/server's start script is not "exec node …": ${pkg.scripts["start"]}`);
  // BENCH_NODE_FLAGS: more flags to measure (e.g. "--max-semi-space-size=2 --liftoff-only")
  // eslint-disable-next-line no-restricted-properties
  const extra = (process.env.BENCH_NODE_FLAGS ?? "").split(/\s+/).filter(Boolean);
  return [...extra, ...words.slice(2)];
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc/<pid>/stat, 100 ticks a second) */
export function cpuMs(pid: number): number {
  const fields = (readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1] ?? "").split(" ");
  // after "pid (comm) ": state is field 0, utime field 11, stime field 12
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  base: string;
  /** ms from spawning node to the first 200 from /healthz */
  startMs: number;
  /** everything it printed */
  output: () => string;
  /** SIGTERM, then the exit code (throws when it does not exit 0) */
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** resident set size of a process in MB (Linux /proc; `ps` elsewhere) */
export function rssMb(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, "utf8"))?.[1];
    if (kb) return Number(kb) / 1024;
  }
  throw new Error(`cannot read the memory of process ${pid} (${status})`);
}

/** starts `node apps/server/dist/main.js` with env and resolves once /healthz answers 200 */
export async function startServer(env: Record<string, string>, { timeoutMs = 300_000 } = {}): Promise<ServerProcess> {
  if (!existsSync(serverMain)) throw new Error(`${serverMain} is missing: run npx turbo run build --filter=@tsunagu/server`);
  const port = await freePort();
  // the benchmark's own DATABASE_URL / TSUNAGU_DATA_DIR never leak into the server: env decides
  // eslint-disable-next-line no-restricted-properties
  const { DATABASE_URL: _url, TSUNAGU_DATA_DIR: _dir, NODE_ENV: _mode, ...inherited } = process.env;
  const started = performance.now();
  const child = spawn(process.execPath, nodeArguments(), {
    cwd: serverDir,
    env: { ...inherited, LOG_LEVEL: "warn", PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  let startMs: number | undefined;
  while (startMs === undefined) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before answering:\n${output}`);
    if (performance.now() - started > timeoutMs) {
      child.kill("SIGKILL");
      throw new Error(`no answer from ${base}/healthz within ${timeoutMs} ms:\n${output}`);
    }
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) startMs = performance.now() - started;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  return {
    child,
    port,
    base,
    startMs,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const code = await exited;
      if (code !== 0) throw new Error(`the server exited with ${code} after SIGTERM:\n${output}`);
    },
  };
}

/** signs in as a demo account and returns the session cookie */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base.replace("127.0.0.1", "localhost") },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email}: HTTP ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export async function graphql<T>(base: string, cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!res.ok || body.errors || !body.data) throw new Error(`GraphQL HTTP ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
  return body.data;
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
