import type { Group, Membership, Person, Prisma } from "@tsunagu/db";

import type { GroupRoleCode } from "../catalog.ts";
import { nextRow, type SeededOrganization } from "./organization.ts";

export interface MembershipInput extends Partial<Omit<Prisma.MembershipCreateManyInput, "orgId" | "groupId" | "personId" | "groupRoleId">> {
  group: Pick<Group, "id">;
  person: Pick<Person, "id">;
  /** default: an ordinary member */
  role?: GroupRoleCode;
}

/** A person's membership of a group in one role, open (no end) from 2025-04-01 unless told otherwise. */
export async function seedMembership(
  db: Prisma.TransactionClient,
  org: Pick<SeededOrganization, "id" | "catalog">,
  { group, person, role = "member", ...overrides }: MembershipInput,
): Promise<Membership> {
  return db.membership.create({
    data: {
      id: nextRow(org.id, "membership").id,
      startedOn: new Date("2025-04-01"),
      ...overrides,
      orgId: org.id,
      groupId: group.id,
      personId: person.id,
      groupRoleId: org.catalog.groupRole[role],
    },
  });
}
