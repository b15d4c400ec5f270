// Unit tests (src/**/*.test.ts) and the browser journeys (e2e/*.test.ts, one app and one Chromium per
// file, run one file at a time: each drives a whole server on its own copy of the demo database).
// The files share one worker's modules (isolate: false), so the server is imported once, not per file.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "e2e/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    isolate: false,
  },
});
