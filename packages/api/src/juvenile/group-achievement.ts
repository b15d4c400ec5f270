// Group achievements (「バリ旨わかめ」完売 …): staff record them for any group of the organisation.
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { guardFreeText } from "./code-in-text.ts";

export interface RecordGroupAchievementInput {
  groupId: string;
  title: string;
  description?: string | null;
  achievedOn: Date;
  /** saves juvenile-programme text that seems to name someone next to a code (code-in-text.ts) */
  acknowledgeNameWarning?: boolean | null;
}

/** Records the achievement in one transaction with its audit entry; returns its id. */
export function recordGroupAchievement(ctx: Context, input: RecordGroupAchievementInput): Promise<string> {
  const viewer = signedIn(ctx);
  const { groupId } = input;
  return prisma().$transaction(async (tx) => {
    const group = await tx.group.findFirst({
      where: { id: groupId, orgId: viewer.orgId },
      select: { id: true, programme: { select: { privacyTier: true } } },
    });
    if (!group) throw new NotFoundError({ ja: "団体", en: "group" });
    // a cohort's achievements stay with staff and the liaison; any other group's are listed to its accounts
    const juvenile = group.programme.privacyTier === "JUVENILE";
    await guardFreeText(tx, viewer.orgId, { juvenile, acknowledgeNameWarning: input.acknowledgeNameWarning }, [
      { path: "title", text: input.title, what: { ja: "タイトル", en: "title" } },
      { path: "description", text: input.description, what: { ja: "説明", en: "description" } },
    ]);
    const achievement = await tx.groupAchievement.create({
      data: {
        orgId: viewer.orgId,
        groupId,
        title: input.title.trim(),
        description: input.description?.trim() || null,
        achievedOn: input.achievedOn,
      },
      select: { id: true },
    });
    await audit(ctx, { action: "create", entity: "GroupAchievement", entityId: achievement.id, details: { groupId } }, tx);
    return achievement.id;
  });
}
