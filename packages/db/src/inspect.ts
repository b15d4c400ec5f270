import type { PrismaClient } from "./generated/prisma/client.ts";

// Whole-database views used by the seed command's report and by the tests.

type Queryable = Pick<PrismaClient, "$queryRawUnsafe">;

/** The application's tables (not Prisma's migration table), in name order. */
export async function tableNames(prisma: Queryable): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY table_name`,
  );
  return rows.map((r) => r.name);
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Exact row count of every table, in one statement. */
export async function countRows(prisma: Queryable): Promise<Record<string, number>> {
  const names = await tableNames(prisma);
  const rows = await prisma.$queryRawUnsafe<Array<{ name: string; n: bigint | number }>>(
    names.map((n) => `SELECT '${n}' AS name, count(*) AS n FROM ${quote(n)}`).join(" UNION ALL "),
  );
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

/** An md5 of every table's full content, rows in the order of their text (every table, whatever its key): equal fingerprints, equal data. */
export async function tableFingerprints(prisma: Queryable): Promise<Record<string, string>> {
  const names = await tableNames(prisma);
  const rows = await prisma.$queryRawUnsafe<Array<{ name: string; md5: string | null }>>(
    names
      .map((n) => `SELECT '${n}' AS name, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${quote(n)} t`)
      .join(" UNION ALL "),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.md5 ?? ""]));
}
