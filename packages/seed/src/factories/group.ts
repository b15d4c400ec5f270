import type { Group, Prisma } from "@tsunagu/db";

import { GROUP_KINDS, type GroupKindCode } from "../catalog.ts";
import { nextRow, type SeededOrganization } from "./organization.ts";

export interface GroupInput extends Partial<Omit<Prisma.GroupCreateManyInput, "orgId" | "programmeId" | "kindId">> {
  /** the kind of group, which also gives its programme (default: a salon) */
  kind?: GroupKindCode;
}

/** A group of one kind in its programme, named after the kind unless a name is given. */
export async function seedGroup(
  db: Prisma.TransactionClient,
  org: Pick<SeededOrganization, "id" | "catalog">,
  { kind = "salon", ...overrides }: GroupInput = {},
): Promise<Group> {
  const spec = GROUP_KINDS.find((k) => k.code === kind);
  if (!spec) throw new Error(`seedGroup: no group kind ${kind}`);
  const row = nextRow(org.id, "group");
  return db.group.create({
    data: {
      id: row.id,
      name: `${spec.name} ${row.n}`,
      ...overrides,
      orgId: org.id,
      programmeId: org.catalog.programme[spec.programme],
      kindId: org.catalog.groupKind[kind],
    },
  });
}
