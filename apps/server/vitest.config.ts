import { defineTsunaguConfig } from "@tsunagu/vitest-config";

// The files that run the root `npm start` run alone, after the others and one at a time: each
// `npm start` builds (or restores from turbo's cache) apps/web/dist and apps/server/dist, which
// the other would serve and the other files run. The other files run in parallel. The compiled
// server (dist/) is built once before any test runs it.
export default defineTsunaguConfig(
  { test: { globalSetup: ["./src/build.global-setup.ts"] } },
  { alone: ["src/start.embedded.test.ts", "src/start.postgresql.test.ts"] },
);
