import type { Prisma } from "../../packages/db/src/generated/prisma/client.ts";

/** Rows to insert, table by table in foreign-key order (table = Prisma model name). */
export type Plan = Array<[table: string, rows: Array<Record<string, unknown>>]>;

type Delegate = { createMany(args: { data: unknown[]; skipDuplicates: boolean }): Promise<{ count: number }> };

/** Rows per INSERT: PostgreSQL allows 65,535 bind parameters in one statement; stay well below. */
const chunkSize = (columns: number) => Math.max(1, Math.floor(30_000 / Math.max(1, columns)));

/**
 * Writes a plan with `createMany({ skipDuplicates: true })` (INSERT … ON CONFLICT DO NOTHING), so
 * rows that are already there — same id, or same natural key — are left as they are. Returns the
 * number of rows inserted.
 */
export async function writePlan(
  tx: Prisma.TransactionClient,
  plan: Plan,
  onChunk: (rows: number) => void = () => {},
): Promise<number> {
  let inserted = 0;
  for (const [table, rows] of plan) {
    if (rows.length === 0) continue;
    const delegate = (tx as unknown as Record<string, Delegate>)[table[0]!.toLowerCase() + table.slice(1)];
    if (!delegate) throw new Error(`writePlan: no Prisma model named ${table}`);
    const columns = new Set(rows.flatMap((r) => Object.keys(r))).size;
    const size = chunkSize(columns);
    for (let i = 0; i < rows.length; i += size) {
      const chunk = rows.slice(i, i + size);
      inserted += (await delegate.createMany({ data: chunk, skipDuplicates: true })).count;
      onChunk(chunk.length);
    }
  }
  return inserted;
}
