// Group achievements (「バリ旨わかめ」完売 …): staff record them for any group of the organisation.
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { NotFoundError } from "../errors.ts";

export interface RecordGroupAchievementInput {
  groupId: string;
  title: string;
  description?: string | null;
  achievedOn: Date;
}

/** Records the achievement in one transaction with its audit entry; returns its id. */
export function recordGroupAchievement(ctx: Context, input: RecordGroupAchievementInput): Promise<string> {
  const viewer = signedIn(ctx);
  const { groupId } = input;
  return prisma().$transaction(async (tx) => {
    const group = await tx.group.findFirst({ where: { id: groupId, orgId: viewer.orgId }, select: { id: true } });
    if (!group) throw new NotFoundError({ ja: "団体", en: "group" });
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
