import type { Prisma } from "@tsunagu/db";

/** Rows to insert, table by table in foreign-key order (table = Prisma model name). */
export type Plan = Array<[table: string, rows: Array<Record<string, unknown>>]>;

type Delegate = { createMany(args: { data: unknown[]; skipDuplicates: boolean }): Promise<{ count: number }> };

/** Rows per INSERT: PostgreSQL allows 65,535 bind parameters in one statement; stay well below. */
const chunkSize = (columns: number) => Math.max(1, Math.floor(30_000 / Math.max(1, columns)));

export interface TableResult {
  /** rows the plan wants to exist */
  ensured: number;
  /** rows this run inserted (0 when they were all there) */
  inserted: number;
}

/**
 * Writes a plan with `createMany({ skipDuplicates: true })` (INSERT … ON CONFLICT DO NOTHING), so
 * rows that are already there — same id, or same natural key — are left as they are. Returns, per
 * table, the rows ensured and inserted.
 */
export async function writePlan(
  tx: Prisma.TransactionClient,
  plan: Plan,
  onChunk: (rows: number) => void = () => {},
): Promise<Record<string, TableResult>> {
  const result: Record<string, TableResult> = {};
  for (const [table, rows] of plan) {
    const tableResult = (result[table] = { ensured: rows.length, inserted: 0 });
    if (rows.length === 0) continue;
    const delegate = (tx as unknown as Record<string, Delegate>)[table.charAt(0).toLowerCase() + table.slice(1)];
    if (!delegate) throw new Error(`writePlan: no Prisma model named ${table}`);
    const columns = new Set(rows.flatMap((r) => Object.keys(r))).size;
    const size = chunkSize(columns);
    for (let i = 0; i < rows.length; i += size) {
      const chunk = rows.slice(i, i + size);
      tableResult.inserted += (await delegate.createMany({ data: chunk, skipDuplicates: true })).count;
      onChunk(chunk.length);
    }
  }
  return result;
}
