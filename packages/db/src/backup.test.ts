// npm run db:backup → npm run db:restore into an empty database gives every table back identical
// (row counts and an md5 of each table's content), on the database under test; a non-empty target
// is refused unless --force. The commands run as `npm run db:*` does (runDbScript).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { demoTestData } from "@tsunagu/seed";

import { openDatabase, type Database } from "./database.ts";
import { countRows, tableFingerprints } from "./inspect.ts";
import { createEmptyTestDatabase, createTestDatabaseFrom, runDbScript, testDatabaseKind, type TestDatabase } from "./testing.ts";

let source: TestDatabase;
let empty: TestDatabase | undefined;
let dir: string;
let file: string;

/** the environment that makes a db:* command open `db` (a folder for the embedded database) */
let sourceEnv: { DATABASE_URL?: string; TSUNAGU_DATA_DIR?: string };
let targetEnv: { DATABASE_URL?: string; TSUNAGU_DATA_DIR?: string };

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tsunagu-backup-"));
  source = await createTestDatabaseFrom(demoTestData(new Date("2026-11-26")));
  // a serial column past 1, and text that needs escaping, so both are proven to come back
  const org = await source.prisma.organization.create({
    data: { slug: "quote", name: '"引用"\n改行\\', nameEn: "tab\there", municipality: "テスト市" },
  });
  await source.prisma.auditEvent.create({ data: { orgId: org.id, action: "read", entity: "Backup", details: { n: 2 ** 53 + 2, s: "é" } } });
  if (testDatabaseKind() === "embedded") {
    // the commands open a folder: restore the in-memory copy's files into one
    const folder = path.join(dir, "source");
    const archive = await source.dumpDataDir!();
    const { PGlite } = await import("@electric-sql/pglite");
    const pg = new PGlite(folder, { loadDataDir: archive });
    await pg.waitReady;
    await pg.close();
    sourceEnv = { TSUNAGU_DATA_DIR: folder };
    targetEnv = { TSUNAGU_DATA_DIR: path.join(dir, "target") };
  } else {
    empty = await createEmptyTestDatabase("postgresql");
    sourceEnv = { DATABASE_URL: source.url! };
    targetEnv = { DATABASE_URL: empty.url! };
  }
  file = path.join(dir, "office.json.gz");
});

afterAll(async () => {
  await source?.drop();
  await empty?.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

async function withTarget<T>(run: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ url: targetEnv.DATABASE_URL, dataDir: targetEnv.TSUNAGU_DATA_DIR });
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}

describe("db:backup and db:restore", () => {
  it("backup → restore into an empty database: every table has the same rows and the same checksum", async () => {
    const backup = await runDbScript("db:backup", ["--out", file], sourceEnv);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(file);
    const restore = await runDbScript("db:restore", [file], targetEnv);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain("restored");

    const expectedCounts = await countRows(source.prisma);
    const expectedSums = await tableFingerprints(source.prisma);
    expect(Object.values(expectedCounts).filter((n) => n > 0).length).toBeGreaterThan(20);
    await withTarget(async (db) => {
      expect(await countRows(db.prisma)).toEqual(expectedCounts);
      expect(await tableFingerprints(db.prisma)).toEqual(expectedSums);
      // the restored database takes new rows: the audit trail's serial id continues after the restored ones
      const org = await db.prisma.organization.findUniqueOrThrow({ where: { slug: "hannan" } });
      const before = await db.prisma.auditEvent.aggregate({ _max: { id: true } });
      const added = await db.prisma.auditEvent.create({ data: { orgId: org.id, action: "read", entity: "Backup", entityId: "x" } });
      expect(added.id).toBeGreaterThan(before._max.id ?? 0n);
    });
  });

  it("refuses a database that is not empty, changing nothing; --force replaces it", async () => {
    const counts = await withTarget((db) => countRows(db.prisma));
    const refused = await runDbScript("db:restore", [file], targetEnv);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("is not empty. Nothing was changed");
    expect(refused.stderr).toContain("空ではありません");
    expect(await withTarget((db) => countRows(db.prisma))).toEqual(counts);

    const forced = await runDbScript("db:restore", [file, "--force"], targetEnv);
    expect(forced.code, forced.stderr).toBe(0);
    await withTarget(async (db) => {
      expect(await tableFingerprints(db.prisma)).toEqual(await tableFingerprints(source.prisma));
    });
  });

  it("refuses a file that is not a backup, with a clear message", async () => {
    const bogus = path.join(dir, "bogus.json.gz");
    const { gzipSync } = await import("node:zlib");
    await fs.writeFile(bogus, gzipSync('{"hello":"world"}\n'));
    const result = await runDbScript("db:restore", [bogus, "--force"], targetEnv);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("is not a Tsunagu backup");
  });
});
