// Unit tests (src/**/*.test.ts) and the browser journeys (e2e/*.test.ts): each journey file starts
// its own app (on its own copy of the demo database) and its own Chromium, so two files run at once
// (a journey spends most of its time waiting on the browser, not on a core). The files of a worker
// share its modules (isolate: false), so the server is imported once per worker, not per file.
import { createRequire } from "node:module";

import { defineConfig } from "vitest/config";

// the server under test is imported here: graphql must be the copy Node loads (CommonJS), as in
// tooling/vitest, or the API's checks meet the schema's types from "another module or realm"
const graphqlAsNodeLoadsIt = createRequire(import.meta.url).resolve("graphql");

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlAsNodeLoadsIt }] },
  test: {
    include: ["src/**/*.test.ts", "e2e/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
    isolate: false,
  },
});
