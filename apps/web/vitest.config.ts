// Unit tests (src/**/*.test.ts) and the browser journeys (e2e/*.test.ts): each journey file starts
// its own app (on its own copy of the demo database); the files of a worker share its modules
// (isolate: false), so the server is imported once per worker, and its Chromium (one browser
// context per test). Two files run at once (three at once timed out signing in on a busy machine).
import { createRequire } from "node:module";

import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// the server under test is imported here: graphql must be the copy Node loads (CommonJS), as in
// tooling/vitest, or the API's checks meet the schema's types from "another module or realm"
const graphqlAsNodeLoadsIt = createRequire(import.meta.url).resolve("graphql");

/**
 * Vitest starts the largest files first (by bytes, or by the last run's times when it has them; a
 * fresh clone has none). The accessibility sweep is a short file that walks every screen of every
 * role and takes longest of all: started last, it ran alone at the end. It starts first.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const longest = (f: TestSpecification) => (f.moduleId.endsWith("/e2e/accessibility.test.ts") ? 0 : 1);
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => longest(a.f) - longest(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlAsNodeLoadsIt }] },
  test: {
    include: ["src/**/*.test.ts", "e2e/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
    isolate: false,
    // expect.poll waits as long as a Playwright action (tooling/e2e's context timeout), not
    // Vitest's 5 s: on a loaded machine a screen can take longer than that to show what it will
    expect: { poll: { timeout: 20_000 } },
    sequence: { sequencer: LongestFirst },
  },
});
