// The CSV import of 子ども福祉委員, all or nothing: the file is checked again inside the transaction
// (against the school's children as they are now) and written only when every row is valid;
// otherwise INVALID_INPUT names each bad row and nothing is written.
import { todayInJapan } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { InvalidInputError } from "../errors.ts";
import { guardFreeText } from "../juvenile/code-in-text.ts";
import { required } from "../required.ts";
import type { SchoolGroup } from "./access.ts";
import { previewImport, previewIssues, type PreviewParams } from "./csv.ts";
import { createChildVolunteers, existingChildrenByName } from "./register.ts";

/** Imports the file's children into the school group; returns their ChildVolunteer ids. */
export function importChildVolunteers(
  ctx: Context,
  group: SchoolGroup,
  input: Pick<PreviewParams, "csv" | "encoding" | "terms">,
): Promise<string[]> {
  const today = todayInJapan();
  return prisma().$transaction(
    async (tx) => {
      const preview = previewImport({
        group,
        csv: input.csv,
        encoding: input.encoding,
        existing: await existingChildrenByName(tx, group.orgId, group.schoolId),
        terms: input.terms,
        today,
      });
      const issues = previewIssues(preview);
      if (issues.length > 0) {
        throw new InvalidInputError(issues.map(({ path, message, messageEn }) => ({ path, message, messageEn })));
      }
      // read by the school's coordinators: no row carries a juvenile code (../juvenile/code-in-text.ts)
      await guardFreeText(
        tx,
        group.orgId,
        { juvenile: false },
        [
          {
            path: "consentTerms.activityScope",
            text: input.terms.activity?.scope ?? null,
            what: { ja: "活動同意の範囲", en: "activity consent scope" },
          },
          {
            path: "consentTerms.photoScope",
            text: input.terms.photo?.scope ?? null,
            what: { ja: "写真同意の範囲", en: "photo consent scope" },
          },
        ].concat(
          preview.rows.flatMap((r) => [
            {
              path: `rows.${r.rowNumber}.legalName`,
              text: r.legalName,
              what: { ja: `${r.rowNumber}行目の氏名`, en: `name in row ${r.rowNumber}` },
            },
            {
              path: `rows.${r.rowNumber}.guardianName`,
              text: r.guardianName,
              what: { ja: `${r.rowNumber}行目の保護者氏名`, en: `guardian's name in row ${r.rowNumber}` },
            },
            {
              path: `rows.${r.rowNumber}.guardianRelation`,
              text: r.guardianRelation,
              what: { ja: `${r.rowNumber}行目の続柄`, en: `relation in row ${r.rowNumber}` },
            },
          ]),
        ),
      );
      const children = preview.rows.map((r) => required(r.child, "child of a row without issues"));
      const ids = await createChildVolunteers(tx, { group, recordedById: signedIn(ctx).userId, joinedOn: today }, children);
      await audit(
        ctx,
        { action: "import", entity: "ChildVolunteer", details: { groupId: group.id, count: ids.length, charset: preview.charset, ids } },
        tx,
      );
      return ids;
    },
    { timeout: 60_000 },
  );
}
