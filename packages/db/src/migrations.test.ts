// Migrations apply from empty, report their status, and the next one is made from a schema change.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrationsDir, schemaPath } from "./env.ts";
import { tableNames } from "./inspect.ts";
import { applyPendingMigrations, createNextMigration, migrationStatus } from "./migrate/index.ts";
import { createEmptyTestDatabase, type TestDatabase } from "./testing.ts";

let db: TestDatabase;
let migrationFolders: string[];

beforeAll(async () => {
  db = await createEmptyTestDatabase();
  migrationFolders = (await fs.readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
});
afterAll(() => db?.drop());

describe("prisma/migrations", () => {
  it("apply from an empty database, then report everything applied", async () => {
    expect(await tableNames(db.prisma)).toEqual([]);
    const before = await migrationStatus({ adapterFactory: db.adapterFactory, schemaPath, migrationsDir });
    expect(before.pending).toEqual(migrationFolders);

    const { applied } = await applyPendingMigrations({ adapterFactory: db.adapterFactory, schemaPath, migrationsDir });
    expect(applied).toEqual(migrationFolders);
    const tables = await tableNames(db.prisma);
    for (const t of ["Organization", "Person", "JuvenileParticipant", "ActivityLog", "SignUp", "AuditEvent", "user"]) {
      expect(tables).toContain(t);
    }

    const after = await migrationStatus({ adapterFactory: db.adapterFactory, schemaPath, migrationsDir });
    expect(after).toMatchObject({ applied: migrationFolders, pending: [], failed: [], problems: [] });
    const again = await applyPendingMigrations({ adapterFactory: db.adapterFactory, schemaPath, migrationsDir });
    expect(again.applied).toEqual([]);
  });
});

describe("db:new-migration", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "tsunagu-new-migration-"));
    await fs.cp(path.dirname(schemaPath), dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}seed`) });
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("writes nothing when the schema matches the migrations", async () => {
    const result = await createNextMigration({
      schemaPath: path.join(dir, "schema.prisma"),
      migrationsDir: path.join(dir, "migrations"),
      name: "nothing",
    });
    expect(result.folder).toBeNull();
  });

  it("produces the next migration from a schema change, which then applies", async () => {
    const copySchema = path.join(dir, "schema.prisma");
    const copyMigrations = path.join(dir, "migrations");
    const text = await fs.readFile(copySchema, "utf8");
    await fs.writeFile(
      copySchema,
      text.replace(
        "  nameKana  String\n  sortOrder Int    @default(0)\n",
        "  nameKana  String\n  sortOrder Int    @default(0)\n  note      String?\n",
      ),
    );
    const result = await createNextMigration({
      schemaPath: copySchema,
      migrationsDir: copyMigrations,
      name: "add area note",
      now: new Date("2099-01-02T03:04:05Z"),
    });
    expect(result.folder).toBe("20990102030405_add_area_note");
    expect(result.sql).toContain('ALTER TABLE "Area" ADD COLUMN     "note" TEXT');
    // the hand-written CHECK constraints and the audit trigger are left alone
    expect(result.sql).not.toMatch(/DROP|_check/);
    expect(await fs.readFile(path.join(copyMigrations, result.folder!, "migration.sql"), "utf8")).toBe(result.sql);

    const { applied } = await applyPendingMigrations({
      adapterFactory: db.adapterFactory,
      schemaPath: copySchema,
      migrationsDir: copyMigrations,
    });
    expect(applied).toEqual([result.folder]);
    const columns = await db.prisma.$queryRawUnsafe<Array<{ column_name: string }>>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'Area' AND column_name = 'note'`,
    );
    expect(columns).toHaveLength(1);
  });
});
