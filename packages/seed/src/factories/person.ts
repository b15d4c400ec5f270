import type { Person, Prisma } from "@tsunagu/db";

import { createRng } from "../demo/context.ts";
import { personName, type PersonNameOptions } from "../names.ts";
import { nextRow, type SeededOrganization } from "./organization.ts";

export interface PersonInput extends Partial<Omit<Prisma.PersonCreateManyInput, "orgId">> {
  /** what the drawn name should fit, when legalName is not given */
  name?: PersonNameOptions;
}

/** A person; the name and its hiragana reading are drawn from names.ts (stable per id) unless given. */
export async function seedPerson(
  db: Prisma.TransactionClient,
  org: Pick<SeededOrganization, "id">,
  { name: nameOptions, ...overrides }: PersonInput = {},
): Promise<Person> {
  const id = overrides.id ?? nextRow(org.id, "person").id;
  const name = personName(createRng(`factory/${id}`).next, nameOptions);
  return db.person.create({
    data: { legalName: name.legalName, legalNameKana: name.legalNameKana, ...overrides, id, orgId: org.id },
  });
}
