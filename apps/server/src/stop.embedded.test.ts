// Stopping and starting the server on the embedded database, as an office does: one SIGTERM (or
// Ctrl-C) is one clean stop — the request in flight gets its answer, the process exits 0, and the
// folder lock is released so the next start proceeds at once. And a start that cannot listen says so.
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { children, freePort, serverStart, START_TIMEOUT, stop, type Started } from "./testing.ts";

let dataDir: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "tsunagu-stop-"));
  // the first start migrates and loads the demo data; the starts below find it ready
  const first = await serverStart({ TSUNAGU_DATA_DIR: dataDir, PORT: String(await freePort()) });
  expect(first.listening, first.output).toBe(true);
  await stop(first.child);
}, START_TIMEOUT);

afterAll(async () => {
  for (const child of children) await stop(child);
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** sends a GraphQL request's headers and half its body now; `finish()` sends the rest and reads the answer */
async function beginRequest(port: number) {
  const body = JSON.stringify({ query: "{ __typename }" });
  const socket = net.connect(port, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  let answer = "";
  socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
  socket.on("error", (err) => (answer += `[socket error: ${err.message}]`));
  const closed = new Promise((resolve) => socket.once("close", resolve));
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n${body.slice(0, 5)}`,
  );
  return {
    async finish() {
      socket.write(body.slice(5));
      await closed;
      return answer;
    },
  };
}

async function startOn(port: number): Promise<Started> {
  const started = await serverStart({ TSUNAGU_DATA_DIR: dataDir, PORT: String(port) });
  expect(started.listening, started.output).toBe(true);
  return started;
}

describe("stopping the server", () => {
  it(
    "SIGTERM during a request: the request gets its answer, exit 0, and the next start proceeds at once — every time",
    async () => {
      const port = await freePort();
      let server = await startOn(port);
      for (let round = 0; round < 3; round++) {
        const request = await beginRequest(port);
        // the signal as `kill` or a service manager sends it: to the whole process group (npm and node)
        process.kill(-server.child.pid!, "SIGTERM");
        await new Promise((resolve) => setTimeout(resolve, 300));
        const answer = await request.finish();
        expect(answer, server.output).toMatch(/^HTTP\/1\.1 200/);
        expect(answer).toContain('{"data":{"__typename":"Query"}}');
        expect(await server.exited, server.output).toEqual({ code: 0, signal: null });
        expect(server.output).toContain("shutting down");
        expect(server.output).not.toContain("second signal");
        // the lock went with the process: a new start on the same folder is not refused
        const before = Date.now();
        server = await startOn(port);
        expect(server.output).not.toContain("in use by");
        expect(Date.now() - before).toBeLessThan(15_000);
      }
      await stop(server.child);
      expect(await server.exited).toEqual({ code: 0, signal: null });
    },
    START_TIMEOUT,
  );

  it("a second SIGTERM while stopping ends the process with 1 at once", async () => {
    const server = await startOn(await freePort());
    const request = await beginRequest(Number(server.output.match(/localhost:(\d+)/)![1]));
    const pid = server.child.pid!;
    process.kill(-pid, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    // the request is still waiting for its body, so the server is still stopping
    expect(server.child.exitCode).toBeNull();
    process.kill(-pid, "SIGTERM");
    expect((await server.exited).code).toBe(1);
    expect(server.output).toContain("second signal while stopping");
    expect(await request.finish()).not.toContain("200 OK");
    // the lock's holder is gone, so the lock is free
    await stop((await startOn(await freePort())).child);
  });
});

describe("a start that cannot listen", () => {
  it("port in use: a clear message in Japanese and English, and a non-zero exit", async () => {
    const taken = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => taken.listen(port, "0.0.0.0", resolve));
    try {
      const started = await serverStart({ TSUNAGU_DATA_DIR: dataDir, PORT: String(port) });
      expect(started.listening, started.output).toBe(false);
      expect((await started.exited).code).not.toBe(0);
      expect(started.output).toContain(`Port ${port}`);
      expect(started.output).toContain("is already in use");
      expect(started.output).toContain("別のプログラムが使用中です");
    } finally {
      taken.close();
    }
    // it released the folder on the way out
    await stop((await startOn(await freePort())).child);
  });
});
