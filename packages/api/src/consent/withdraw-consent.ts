// Withdrawing a consent as of a day (today or before, not before it was given); the record is kept.
import { startOfDayInJapan, todayInJapan } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { findConsent } from "../child-volunteer/access.ts";
import type { Context } from "../context.ts";
import { ConflictError, fieldIssue, InvalidInputError, NotFoundError } from "../errors.ts";

/** Withdraws the consent from `day` (default today); returns its id. */
export async function withdrawConsent(ctx: Context, consentId: string, day: Date | null): Promise<string> {
  const consent = await findConsent(ctx, consentId);
  if (!consent) throw new NotFoundError({ ja: "同意", en: "consent" });
  if (consent.withdrawnAt) {
    throw new ConflictError({
      ja: `この同意は既に撤回されています（${consent.withdrawnAt.toISOString().slice(0, 10)}）。`,
      en: `This consent was already withdrawn (${consent.withdrawnAt.toISOString().slice(0, 10)}).`,
    });
  }
  const today = todayInJapan();
  const on = day ?? today;
  if (on.getTime() > today.getTime()) {
    throw new InvalidInputError([fieldIssue("on", { ja: "撤回日が未来の日付です。", en: "The withdrawal date is in the future." })]);
  }
  if (on.getTime() < consent.givenOn.getTime()) {
    throw new InvalidInputError([
      fieldIssue("on", { ja: "撤回日が同意日より前です。", en: "The withdrawal date is before the consent was given." }),
    ]);
  }
  // today: from now on; an earlier day: from the start of that day in Japan
  const withdrawnAt = on.getTime() === today.getTime() ? new Date() : startOfDayInJapan(on);
  return prisma().$transaction(async (tx) => {
    const { count } = await tx.consent.updateMany({ where: { id: consent.id, withdrawnAt: null }, data: { withdrawnAt } });
    if (count === 0) throw new ConflictError({ ja: "この同意は既に撤回されています。", en: "This consent was already withdrawn." });
    await audit(
      ctx,
      { action: "update", entity: "Consent", entityId: consent.id, details: { withdrawn: true, on: on.toISOString().slice(0, 10) } },
      tx,
    );
    return consent.id;
  });
}
