// Likely duplicates of a person about to be registered (docs/domain.md, "The person master"): the
// same ふりがな (spaces ignored), or the same legal name (spaces ignored) and the same birth year or
// phone number (digits only). createPerson answers CONFIRMATION_REQUIRED while there are any, until
// sent again with acknowledgeDuplicates; Query.possibleDuplicatePeople lists them for the form.
import type { Prisma } from "@tsunagu/db";

import { fieldIssue, InvalidInputError } from "../errors.ts";

export interface DuplicateProbe {
  legalName: string;
  /** stored form (hiragana) */
  legalNameKana: string;
  phone?: string | null;
  birthYear?: number | null;
}

const IDEOGRAPHIC_SPACE = "\u3000";
const compact = (s: string) => s.normalize("NFKC").replace(/\s+/gu, "");
const digits = (s: string | null | undefined) => (s ? s.normalize("NFKC").replace(/\D/gu, "") : "");

/** The ids of the organisation's people who are likely the same as `probe`, in no particular order. */
export async function duplicatePersonIds(
  tx: Prisma.TransactionClient,
  orgId: string,
  probe: DuplicateProbe,
  excludeId: string | null = null,
): Promise<string[]> {
  const kana = compact(probe.legalNameKana);
  const name = compact(probe.legalName);
  // spaces (half- and full-width) are ignored on both sides; the rest is compared here
  const rows = await tx.$queryRaw<
    Array<{ id: string; legalName: string; legalNameKana: string; phone: string | null; birthYear: number | null }>
  >`
    SELECT "id"::text AS "id", "legalName", "legalNameKana", "phone", "birthYear" FROM "Person"
    WHERE "orgId" = ${orgId}::uuid
      AND (replace("legalNameKana", ' ', '') = ${kana}
        OR replace(replace("legalName", ' ', ''), ${IDEOGRAPHIC_SPACE}, '') = ${name})`;
  const phone = digits(probe.phone);
  return rows
    .filter((p) => p.id !== excludeId)
    .filter(
      (p) =>
        compact(p.legalNameKana) === kana ||
        (compact(p.legalName) === name &&
          ((probe.birthYear != null && p.birthYear === probe.birthYear) || (phone !== "" && digits(p.phone) === phone))),
    )
    .map((p) => p.id);
}

/** CONFIRMATION_REQUIRED when `probe` looks like someone already registered (nothing is written). */
export async function guardDuplicates(tx: Prisma.TransactionClient, orgId: string, probe: DuplicateProbe): Promise<void> {
  const ids = await duplicatePersonIds(tx, orgId, probe);
  if (ids.length === 0) return;
  throw new InvalidInputError(
    [
      fieldIssue("input.legalNameKana", {
        ja: `同じふりがな、または同じ氏名と電話番号・生まれ年の人がすでに${ids.length}人登録されています。同じ人でないか確かめてください。別の人なら、確認のうえもう一度保存してください。`,
        en: `${ids.length} person(s) with the same kana reading, or the same name and phone or birth year, are already registered. Check it is not the same person; if not, confirm and save again.`,
      }),
    ],
    "CONFIRMATION_REQUIRED",
  );
}
