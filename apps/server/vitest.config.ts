import { defineTsunaguConfig } from "@tsunagu/vitest-config";

// one `npm start` at a time: each builds (or restores) apps/web/dist, which the other would serve
export default defineTsunaguConfig({ test: { fileParallelism: false } });
