// The PostgreSQL test templates (createTestDatabaseFrom): callers that ask at once — Vitest
// workers, the files of both projects, other processes — build a template once and all use it.
import { randomBytes } from "node:crypto";

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import {
  createTestDatabaseFrom,
  ensureServerTemplate,
  serverTemplateName,
  testServerUrl,
  type TestData,
  type TestDatabase,
} from "./testing.ts";

async function admin<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** test data of its own (a new template each run) that counts how often it is filled */
function countedData(label: string): TestData & { fills: number } {
  const data = {
    name: `${label} ${randomBytes(4).toString("hex")}`,
    fills: 0,
    async fill(db: Parameters<TestData["fill"]>[0]) {
      data.fills += 1;
      // slow enough that the other callers arrive while it builds
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await db.prisma.organization.create({
        data: { slug: "templated", name: "テンプレート社協", nameEn: "Templated", municipality: "テスト市" },
      });
    },
  };
  return data;
}

const made: string[] = [];
afterAll(async () => {
  for (const name of made) {
    await admin(`ALTER DATABASE "${name}" WITH IS_TEMPLATE false`).catch(() => undefined);
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
});

describe("PostgreSQL test templates", () => {
  it("are built once when several callers ask at the same moment, and every copy holds the data", async () => {
    const data = countedData("concurrent");
    const name = serverTemplateName(data);
    made.push(name);
    const names = await Promise.all(Array.from({ length: 4 }, () => ensureServerTemplate(data)));
    expect(names).toEqual([name, name, name, name]);
    expect(data.fills).toBe(1);
    const rows = await admin<{ datname: string; datistemplate: boolean }>(
      "SELECT datname, datistemplate FROM pg_database WHERE datname = $1",
      [name],
    );
    expect(rows).toEqual([{ datname: name, datistemplate: true }]);

    const copies: TestDatabase[] = await Promise.all(Array.from({ length: 3 }, () => createTestDatabaseFrom(data, "postgresql")));
    try {
      for (const copy of copies)
        expect(await copy.prisma.organization.findMany({ select: { slug: true } })).toEqual([{ slug: "templated" }]);
      expect(new Set(copies.map((c) => c.url)).size).toBe(3);
    } finally {
      await Promise.all(copies.map((c) => c.drop()));
    }
    expect(data.fills).toBe(1);
  });

  it("are named per checkout, so another clone on the same server never uses or drops them", () => {
    const name = serverTemplateName({ name: "demo@2026-11-26", fill: async () => undefined });
    expect(name).toMatch(/^tsunagu_tpl_[0-9a-f]{8}_demo_2026_11_26_[0-9a-f]{16}$/);
    expect(name.length).toBeLessThanOrEqual(63);
  });

  it("replace a half-built database left by a creator that died", async () => {
    const data = countedData("abandoned");
    const name = serverTemplateName(data);
    made.push(name);
    await admin(`CREATE DATABASE "${name}"`); // exists, not marked ready, nobody holds its lock
    expect(await ensureServerTemplate(data)).toBe(name);
    expect(data.fills).toBe(1);
    expect(await admin("SELECT datistemplate FROM pg_database WHERE datname = $1", [name])).toEqual([{ datistemplate: true }]);
  });
});
