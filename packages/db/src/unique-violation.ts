// A write refused by a unique constraint or index (Prisma's P2002). `index` narrows it to one
// index: PostgreSQL's adapter names the index in the error's meta, PGlite's gives its columns and
// names it in the message, so both are searched.
import { Prisma } from "./generated/prisma/client.ts";

export function isUniqueViolation(err: unknown, index?: { name: string; column?: string }): boolean {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== "P2002") return false;
  if (!index) return true;
  const said = `${JSON.stringify(err.meta ?? {})} ${err.message}`;
  return said.includes(index.name) || (index.column !== undefined && said.includes(index.column));
}
