// `npm run bench:test-setup`: what a test file pays before its first test, on each database — a
// fresh migrated database seeded with the demo data (how every file started before) against a copy
// of the seeded template (createTestDatabaseFrom), and a copy of the migrated, empty template
// (migratedTestData) against a fresh migrated database. Prints numbers; it is not a test.
import { performance } from "node:perf_hooks";

import { createTestDatabase, createTestDatabaseFrom, migratedTestData, type TestData, type TestDatabaseKind } from "@tsunagu/db/testing";
import { demoTestData, seedDemo } from "@tsunagu/seed";

const today = new Date("2026-11-26T00:00:00Z");
const copies = 5;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

function median(xs: number[]): number {
  const middle = [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  if (middle === undefined) throw new Error("no median of no numbers");
  return middle;
}

async function copyTimes(data: TestData, kind: TestDatabaseKind): Promise<{ readyMs: number; times: number[] }> {
  // the first copy builds the template unless an earlier run left it (then it is a copy like the rest)
  const [first, readyMs] = await timed(() => createTestDatabaseFrom(data, kind));
  await first.drop();
  const times: number[] = [];
  for (let i = 0; i < copies; i++) {
    const [db, ms] = await timed(async () => {
      const copy = await createTestDatabaseFrom(data, kind);
      await copy.prisma.organization.count(); // the copy answers
      return copy;
    });
    times.push(ms);
    await db.drop();
  }
  return { readyMs, times };
}

const row = (cells: Array<string | number>) =>
  console.log(
    cells.map((c, i) => (typeof c === "number" ? c.toFixed(0) : c).padStart(i === 0 ? 0 : 14).padEnd(i === 0 ? 19 : 0)).join(" | "),
  );

row(["database / start", "fresh ms", "template ms", "copy ms (med)", "copies ms"]);
for (const kind of ["embedded", "postgresql"] as TestDatabaseKind[]) {
  const [migrated, migratedMs] = await timed(() => createTestDatabase(kind));
  await migrated.drop();
  const [fresh, freshMs] = await timed(async () => {
    const db = await createTestDatabase(kind);
    await db.prisma.$transaction((tx) => seedDemo(tx, { today }), { timeout: 300_000, maxWait: 60_000 });
    return db;
  });
  await fresh.drop();
  for (const [label, data, freshOf] of [
    ["demo", demoTestData(today), freshMs],
    ["migrated", migratedTestData, migratedMs],
  ] as const) {
    const { readyMs, times } = await copyTimes(data, kind);
    row([`${kind} ${label}`, freshOf, readyMs, median(times), times.map((t) => t.toFixed(0)).join(" ")]);
  }
}
