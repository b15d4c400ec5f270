// migrationsUpToDate: the start-up shortcut answers "yes" only when every migration folder has a
// finished row in _prisma_migrations and no run is unfinished; everything else goes to the engine.
import { afterEach, describe, expect, it } from "vitest";

import { migrationsDir } from "../env.ts";
import { createEmptyTestDatabase, createTestDatabase, type TestDatabase } from "../testing.ts";
import { migrationsUpToDate } from "./index.ts";

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

describe("migrationsUpToDate", () => {
  it("is false on a new database (no _prisma_migrations table)", async () => {
    db = await createEmptyTestDatabase();
    expect(await migrationsUpToDate(db.prisma, migrationsDir)).toBe(false);
  });

  it("is true once every folder is applied; a rolled-back attempt beside the applied row does not matter", async () => {
    db = await createTestDatabase();
    expect(await migrationsUpToDate(db.prisma, migrationsDir)).toBe(true);
    const [first] = await db.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations ORDER BY migration_name LIMIT 1`;
    await db.prisma.$executeRaw`
      INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, rolled_back_at, applied_steps_count)
      VALUES ('rolled-back-attempt', 'x', ${first!.migration_name}, now(), now(), 0)`;
    expect(await migrationsUpToDate(db.prisma, migrationsDir)).toBe(true);
  });

  it("is false when a folder has no finished row (a new migration to apply)", async () => {
    db = await createTestDatabase();
    await db.prisma.$executeRaw`
      DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)`;
    expect(await migrationsUpToDate(db.prisma, migrationsDir)).toBe(false);
  });

  it("is false while a run is unfinished (interrupted or failed: the engine reports it)", async () => {
    db = await createTestDatabase();
    await db.prisma.$executeRaw`
      INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
      VALUES ('interrupted', 'x', '99990101000000_interrupted', now(), 0)`;
    expect(await migrationsUpToDate(db.prisma, migrationsDir)).toBe(false);
  });
});
