// updatePerson — staff edit a person's details (the person page). Stale-edit protection: the form
// sends the updatedAt it loaded; if the record changed since, nothing is written (CONFLICT).
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { ConflictError, NotFoundError } from "../errors.ts";
import { guardFreeText } from "../juvenile/code-in-text.ts";

export interface UpdatePersonInput {
  personId: string;
  /** the updatedAt the editor loaded */
  expectedUpdatedAt: Date;
  legalName: string;
  legalNameKana: string;
  displayName: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
}

const EDITED = ["legalName", "legalNameKana", "displayName", "phone", "email", "address", "notes"] as const;

/** Saves a person's details (staff only: the field's auth scope); the audit names the fields changed, not their values. */
export function updatePerson(ctx: Context, input: UpdatePersonInput, query: object = {}) {
  return prisma().$transaction(async (tx) => {
    const orgId = signedIn(ctx).orgId;
    const before = await tx.person.findFirst({ where: { id: input.personId, orgId } });
    if (!before) throw new NotFoundError({ ja: "人", en: "person" });
    // a name is read by everyone whose role reaches the person's groups
    await guardFreeText(tx, orgId, { juvenile: false }, [
      { path: "input.legalName", text: input.legalName, what: { ja: "氏名", en: "legal name" } },
      { path: "input.displayName", text: input.displayName, what: { ja: "表示名", en: "display name" } },
    ]);
    const { personId, expectedUpdatedAt, ...data } = input;
    // only if nobody saved in between (one conditional statement: no lost update on PostgreSQL either)
    // (updatedAt set here: updateMany does not set @updatedAt columns)
    const { count } = await tx.person.updateMany({
      where: { id: personId, orgId, updatedAt: expectedUpdatedAt },
      data: { ...data, updatedAt: new Date() },
    });
    if (count === 0) {
      throw new ConflictError({
        ja: "この人の情報は、開いたあとに他の人が変更しました。画面を読み込み直してから、もう一度編集してください。",
        en: "Someone else changed this person after you opened it. Reload and edit again.",
      });
    }
    const changed = EDITED.filter((k) => before[k] !== data[k]);
    await audit(ctx, { action: "update", entity: "Person", entityId: personId, details: { fields: [...changed] } }, tx);
    return tx.person.findUniqueOrThrow({ ...query, where: { id: personId } });
  });
}
