import { defineTsunaguConfig } from "@tsunagu/vitest-config";

// Test files share their worker's modules (isolate: false): each file would otherwise import and
// build the whole API again (Apollo, Pothos, Prisma; about half the suite's CPU). No file relies on
// fresh module state: each opens its own database copy and calls useDatabase() before it starts.
export default defineTsunaguConfig({ test: { isolate: false } });
