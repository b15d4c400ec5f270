// Thank-yous (ありがとう): recorded for a recipient the viewer can reach, PENDING until staff
// moderate them, all or none. Each change runs in one transaction with its audit entry.
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { ConflictError, NotFoundError } from "../errors.ts";
import { guardFreeText } from "../juvenile/code-in-text.ts";
import { notifyThankYousApproved } from "../notification/triggers.ts";
import { groupPrivacy } from "../organization/access.ts";
import { assertCanThank } from "./access.ts";

export interface SendThankYouInput {
  /** exactly one of toPersonId and toGroupId */
  toPersonId: string | null;
  toGroupId: string | null;
  fromName: string;
  body: string;
  receivedOn: Date;
  /** saves juvenile-programme text that seems to name someone next to a code (../juvenile/code-in-text.ts) */
  acknowledgeNameWarning?: boolean | null;
}

/** Records a thank-you for staff to moderate; returns its id. */
export async function sendThankYou(ctx: Context, input: SendThankYouInput): Promise<string> {
  const viewer = signedIn(ctx);
  const to = { personId: input.toPersonId, groupId: input.toGroupId };
  await assertCanThank(ctx, to);
  // a thank-you to a cohort stays with staff and the liaison; any other reaches its recipient
  const juvenile = to.groupId !== null && (await groupPrivacy(ctx, to.groupId))?.privacyTier === "JUVENILE";
  return prisma().$transaction(async (tx) => {
    await guardFreeText(tx, viewer.orgId, { juvenile, acknowledgeNameWarning: input.acknowledgeNameWarning }, [
      { path: "input.fromName", text: input.fromName, what: { ja: "差出人の名前", en: "sender's name" } },
      { path: "input.body", text: input.body, what: { ja: "メッセージ", en: "message" } },
    ]);
    const message = await tx.thankYouMessage.create({
      data: {
        orgId: viewer.orgId,
        toPersonId: to.personId,
        toGroupId: to.groupId,
        fromName: input.fromName.trim(),
        body: input.body.trim(),
        receivedOn: input.receivedOn,
        authorId: viewer.userId,
      },
      select: { id: true },
    });
    await audit(ctx, { action: "create", entity: "ThankYouMessage", entityId: message.id }, tx);
    return message.id;
  });
}

/** Approves or rejects pending thank-yous, all or none; returns their ids. */
export function moderateThankYous(ctx: Context, messageIds: string[], decision: "APPROVE" | "REJECT"): Promise<string[]> {
  const viewer = signedIn(ctx);
  const ids = [...new Set(messageIds)];
  const status = decision === "APPROVE" ? "APPROVED" : "REJECTED";
  return prisma().$transaction(async (tx) => {
    const found = await tx.thankYouMessage.findMany({
      where: { id: { in: ids }, orgId: viewer.orgId },
      select: { id: true, status: true },
    });
    if (found.length !== ids.length) throw new NotFoundError({ ja: "ありがとうメッセージ", en: "thank-you message" });
    const decided = found.filter((m) => m.status !== "PENDING").length;
    const moderatedAt = new Date();
    const { count } = await tx.thankYouMessage.updateMany({
      where: { id: { in: ids }, orgId: viewer.orgId, status: "PENDING" },
      data: { status, moderatedById: viewer.userId, moderatedAt },
    });
    // also catches a message decided by another staff member since it was read above
    if (decided > 0 || count !== ids.length) {
      throw new ConflictError({
        ja: "すでに承認・却下されたメッセージが含まれています。何も変更していません。",
        en: "Some messages were already moderated. Nothing was changed.",
      });
    }
    await audit(
      ctx,
      {
        action: status === "APPROVED" ? "approve" : "reject",
        entity: "ThankYouMessage",
        entityId: ids.length === 1 ? ids[0] : null,
        details: { ids },
      },
      tx,
    );
    if (status === "APPROVED") await notifyThankYousApproved(tx, viewer.userId, viewer.orgId, ids);
    return ids;
  });
}
