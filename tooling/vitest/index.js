// Shared Vitest config (plain JavaScript: Vitest loads config files before any TypeScript loader).
//
// Every test that touches the database runs twice: once on an embedded in-memory PGlite and once
// on a fresh database of the PostgreSQL server (TEST_DATABASE_URL, default
// postgresql://postgres@127.0.0.1:5432/postgres). `@tsunagu/db/testing` reads TSUNAGU_TEST_DB to
// know which one to open. Files named *.embedded.test.ts are about the embedded database alone
// (its folder lock) and run in the embedded project only; *.postgresql.test.ts likewise.
import { createRequire } from "node:module";

import { defineConfig, mergeConfig } from "vitest/config";

// graphql@16 ships CommonJS (main) and ES modules (module). Node, and so Pothos and Apollo Server,
// load the CommonJS copy; Vite's resolver would hand test-side imports the other one, and graphql
// refuses types built by one copy in the functions of the other ("from another module or realm").
const graphqlAsNodeLoadsIt = createRequire(import.meta.url).resolve("graphql");

/** @param {import("vitest/config").ViteUserConfig} [overrides] */
export function defineTsunaguConfig(overrides = {}) {
  const base = defineConfig({
    resolve: { alias: [{ find: /^graphql$/, replacement: graphqlAsNodeLoadsIt }] },
    test: {
      testTimeout: 60_000,
      hookTimeout: 120_000,
      maxWorkers: 2,
      projects: [
        {
          extends: true,
          test: {
            name: "embedded",
            env: { TSUNAGU_TEST_DB: "embedded" },
            exclude: ["**/node_modules/**", "**/*.postgresql.test.ts"],
          },
        },
        {
          extends: true,
          test: {
            name: "postgresql",
            env: { TSUNAGU_TEST_DB: "postgresql" },
            exclude: ["**/node_modules/**", "**/*.embedded.test.ts"],
          },
        },
      ],
    },
  });
  return mergeConfig(base, overrides);
}
