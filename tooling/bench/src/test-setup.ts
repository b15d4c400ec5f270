// `npm run bench:test-setup`: what a test file pays before its first test, on each database — a
// fresh migrated database seeded with the demo data (how every file started before) against a copy
// of the seeded template (createTestDatabaseFrom). Prints numbers; it is not a test.
import { performance } from "node:perf_hooks";

import { createTestDatabase, createTestDatabaseFrom, type TestDatabaseKind } from "@tsunagu/db/testing";
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

console.log("database   | fresh + seed ms | template ready ms | copy ms (median of 5) | copies ms");
for (const kind of ["embedded", "postgresql"] as TestDatabaseKind[]) {
  const [fresh, freshMs] = await timed(async () => {
    const db = await createTestDatabase(kind);
    await db.prisma.$transaction((tx) => seedDemo(tx, { today }), { timeout: 300_000, maxWait: 60_000 });
    return db;
  });
  await fresh.drop();
  // the first copy builds the template unless an earlier run left it (then it is a copy like the rest)
  const [first, readyMs] = await timed(() => createTestDatabaseFrom(demoTestData(today), kind));
  await first.drop();
  const times: number[] = [];
  for (let i = 0; i < copies; i++) {
    const [db, ms] = await timed(async () => {
      const copy = await createTestDatabaseFrom(demoTestData(today), kind);
      await copy.prisma.person.count(); // the copy answers
      return copy;
    });
    times.push(ms);
    await db.drop();
  }
  console.log(
    `${kind.padEnd(10)} | ${freshMs.toFixed(0).padStart(15)} | ${readyMs.toFixed(0).padStart(17)} | ${median(times).toFixed(0).padStart(21)} | ${times.map((t) => t.toFixed(0)).join(" ")}`,
  );
}
