import { defineTsunaguConfig } from "@tsunagu/vitest-config";

// one `npm start` at a time: each builds (or restores) apps/web/dist, which the other would serve;
// the compiled server (dist/) is built once before any test runs it
export default defineTsunaguConfig({ test: { fileParallelism: false, globalSetup: ["./src/build.global-setup.ts"] } });
