// Test helpers: `npm start` as a user runs it, a real process on a free port.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

import { expect } from "vitest";

import { repoRoot } from "@tsunagu/db/env";

export const children: ChildProcess[] = [];

/**
 * `npm start` on an empty folder boots in ~20 s on an idle two-core machine (build cache hits,
 * migrations, demo seed); each start test gets 4 minutes for slower or busy machines.
 */
export const START_TIMEOUT = 240_000;

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface Started {
  child: ChildProcess;
  /** everything the process printed so far (grows while it runs) */
  output: string;
  listening: boolean;
  /** resolves with the exit code (null when a signal ended it) and the signal */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `npm start` and resolves with its output once it listens, or exits. */
export function npmStart(env: Record<string, string>): Promise<Started> {
  return spawnServer(["start"], env);
}

/**
 * Runs the server as `npm start` does after the builds (`npm run -w @tsunagu/server start`: npm and
 * node running the compiled dist/main.js, in their own process group as a terminal would run them)
 * — seconds, not a build. The compiled server is built by this package's vitest global setup.
 */
export function serverStart(env: Record<string, string>): Promise<Started> {
  return spawnServer(["run", "--silent", "-w", "@tsunagu/server", "start"], env);
}

function spawnServer(npmArgs: string[], env: Record<string, string>): Promise<Started> {
  // the child gets this process's environment as a user's shell would have it: no database chosen,
  // and not Vitest's NODE_ENV=test (its `turbo run build` then hits the build the test run made)
  // eslint-disable-next-line no-restricted-properties
  const { DATABASE_URL: _url, NODE_ENV: _mode, ...inherited } = process.env;
  // its own process group, so stopping it stops npm and node together
  const child = spawn("npm", npmArgs, { cwd: repoRoot, env: { ...inherited, LOG_LEVEL: "info", ...env }, detached: true });
  children.push(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const started = { child, output: "", listening: false, exited };
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      started.output += chunk.toString();
      if (!started.listening && started.output.includes("ツナグ / Tsunagu: http://localhost:")) {
        started.listening = true;
        resolve(started);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then(() => resolve(started));
  });
}

export async function signInAndAskMe(port: number) {
  const base = `http://127.0.0.1:${port}`;
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: `http://localhost:${port}` },
    body: JSON.stringify({ email: "staff@hannan.example", password: "tsunagu-demo-2025" }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const me = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ query: "{ me { email isStaff } organization { name } }" }),
  });
  return (await me.json()) as { data: { me: { email: string; isStaff: boolean }; organization: { name: string } } };
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGTERM");
  await exited;
}
