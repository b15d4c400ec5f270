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

/**
 * @param {import("vitest/config").ViteUserConfig} [overrides]
 * @param {{ alone?: string[] }} [options] `alone`: globs of test files that must not run while any
 *   other file runs (e.g. they rebuild what the others read). They run after all the other files,
 *   one at a time (an "embedded, alone" and a "postgresql, alone" project, each in a group of its own,
 *   Vitest's `sequence.groupOrder`); the other files run in parallel.
 */
export function defineTsunaguConfig(overrides = {}, { alone = [] } = {}) {
  const notNode = "**/node_modules/**";
  const kinds = [
    { name: "embedded", skip: "**/*.postgresql.test.ts" },
    { name: "postgresql", skip: "**/*.embedded.test.ts" },
  ];
  const projects = kinds.map(({ name, skip }) => ({
    extends: true,
    test: { name, env: { TSUNAGU_TEST_DB: name }, exclude: [notNode, skip, ...alone] },
  }));
  if (alone.length)
    kinds.forEach(({ name, skip }, i) =>
      projects.push({
        extends: true,
        test: {
          name: `${name}, alone`,
          env: { TSUNAGU_TEST_DB: name },
          include: alone,
          exclude: [notNode, skip],
          maxWorkers: 1,
          sequence: { groupOrder: i + 1 },
        },
      }),
    );
  const base = defineConfig({
    resolve: { alias: [{ find: /^graphql$/, replacement: graphqlAsNodeLoadsIt }] },
    test: { testTimeout: 60_000, hookTimeout: 120_000, maxWorkers: 2, projects },
  });
  return mergeConfig(base, overrides);
}
