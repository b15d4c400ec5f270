// Factories write one record each, with defaults a test can override, so a test builds exactly the
// rows it needs (the demo seed builds a whole 社協 at once). Ids come from seedId, names and
// readings from names.ts, as in the demo seed.
import type { Organization, Prisma } from "@tsunagu/db";

import { catalogRows, type Catalog } from "../catalog.ts";
import { seedId } from "../ids.ts";
import { writePlan } from "../plan.ts";

export interface SeededOrganization extends Organization {
  /** the ids of its programmes, group kinds, group roles, activity types and milestones, by code */
  catalog: Catalog;
}

let made = 0;

/** The next factory row of `table` in an organisation: its id, and a number for default names. */
export function nextRow(orgId: string, table: string): { id: string; n: number } {
  const n = ++made;
  return { id: seedId("factory", orgId, table, n), n };
}

/** A 社協 with the reference catalog every 社協 starts with (catalog.ts). */
export async function seedOrganization(
  db: Prisma.TransactionClient,
  overrides: Partial<Prisma.OrganizationCreateManyInput> = {},
): Promise<SeededOrganization> {
  const slug = overrides.slug ?? `org-${++made}`;
  const org = await db.organization.create({
    data: {
      id: seedId("factory", "organization", slug),
      name: `テスト社協 ${slug}`,
      nameEn: `Test council ${slug}`,
      municipality: "テスト市",
      ...overrides,
      slug,
    },
  });
  const catalog = catalogRows(org.id, (table, code) => seedId("factory", org.id, table, code));
  await writePlan(db, catalog.plan);
  return { ...org, catalog };
}
