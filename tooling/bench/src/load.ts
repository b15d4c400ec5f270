// The bench's load generator: autocannon in a child process (bench.ts forks it), so that its CPU
// and allocations are not counted as the servers' (process.cpuUsage counts every thread of a process).
// Receives the autocannon options, answers with every response time and the failure counts.
import { createRequire } from "node:module";

// autocannon ships no types: the little of it used here
interface Instance {
  on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
}
interface Result {
  duration: number;
  errors: number;
  timeouts: number;
  mismatches: number;
}
type Autocannon = (options: Record<string, unknown>, done: (err: Error | null, result: Result) => void) => Instance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

interface Options {
  url: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
}

process.once("message", (options: Options) => {
  const latencies: number[] = [];
  let non2xx = 0;
  const instance = autocannon(
    {
      ...options,
      method: "POST",
      timeout: 30,
      verifyBody: (body: string) => /^\{\s*"data"\s*:/.test(body) && !body.includes('"errors"'),
    },
    (err, result) => {
      if (err) {
        process.send?.({ error: err.stack ?? String(err) });
        return;
      }
      process.send?.({
        requests: latencies.length,
        durationSeconds: result.duration,
        latencies,
        non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        badBodies: result.mismatches,
      });
    },
  );
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode < 200 || statusCode >= 300) non2xx++;
  });
});
