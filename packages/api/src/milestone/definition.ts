// The milestones a 社協 recognises are data staff change: a code, a kind and a threshold, unique per
// organisation (the unique indexes catch a concurrent duplicate). Awards already earned are kept
// when a definition changes (award.ts awards them).
import { isUniqueViolation, type MilestoneKind } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { ConflictError, fieldIssue, InvalidInputError, NotFoundError } from "../errors.ts";
import { guardFreeText } from "../juvenile/code-in-text.ts";

/** A milestone's names, shown to every account: never a juvenile code (../juvenile/code-in-text.ts). */
const milestoneNames = (input: { name?: string | null; nameEn?: string | null }) => [
  { path: "input.name", text: input.name, what: { ja: "名称", en: "name" } },
  { path: "input.nameEn", text: input.nameEn, what: { ja: "英語の名称", en: "English name" } },
];

const firstActivityIssue = fieldIssue("input.threshold", {
  ja: "「はじめての活動」のしきい値は1です。",
  en: "The first-activity milestone has threshold 1.",
});

function duplicate(): ConflictError {
  return new ConflictError({
    ja: "同じコード、または同じ種類・しきい値のマイルストーンがすでにあります。",
    en: "A milestone with this code, or of this kind and threshold, already exists.",
  });
}

export interface CreateMilestoneInput {
  code: string;
  kind: MilestoneKind;
  threshold: number;
  name: string;
  nameEn: string;
  active?: boolean | null;
}

export async function createMilestone(ctx: Context, input: CreateMilestoneInput) {
  const orgId = signedIn(ctx).orgId;
  if (input.kind === "FIRST_ACTIVITY" && input.threshold !== 1) throw new InvalidInputError([firstActivityIssue]);
  return prisma()
    .$transaction(async (tx) => {
      const clash = await tx.milestone.findFirst({
        where: { orgId, OR: [{ code: input.code }, { kind: input.kind, threshold: input.threshold }] },
        select: { id: true },
      });
      if (clash) throw duplicate();
      await guardFreeText(tx, orgId, { juvenile: false }, milestoneNames(input));
      const milestone = await tx.milestone.create({
        data: {
          orgId,
          code: input.code,
          kind: input.kind,
          threshold: input.threshold,
          name: input.name.trim(),
          nameEn: input.nameEn.trim(),
          active: input.active ?? true,
        },
      });
      await audit(ctx, { action: "create", entity: "Milestone", entityId: milestone.id, details: { ...input } }, tx);
      return milestone;
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? duplicate() : err;
    });
}

/** Only the fields given change. */
export interface UpdateMilestoneInput {
  name?: string | null;
  nameEn?: string | null;
  threshold?: number | null;
  active?: boolean | null;
}

export async function updateMilestone(ctx: Context, id: string, input: UpdateMilestoneInput) {
  const orgId = signedIn(ctx).orgId;
  return prisma()
    .$transaction(async (tx) => {
      const current = await tx.milestone.findFirst({ where: { id: id, orgId } });
      if (!current) throw new NotFoundError({ ja: "マイルストーン", en: "milestone" });
      await guardFreeText(tx, orgId, { juvenile: false }, milestoneNames(input));
      const threshold = input.threshold ?? current.threshold;
      if (current.kind === "FIRST_ACTIVITY" && threshold !== 1) throw new InvalidInputError([firstActivityIssue]);
      if (threshold !== current.threshold) {
        const clash = await tx.milestone.findFirst({
          where: { orgId, kind: current.kind, threshold, id: { not: current.id } },
          select: { id: true },
        });
        if (clash) throw duplicate();
      }
      const data = {
        ...(input.name != null ? { name: input.name.trim() } : {}),
        ...(input.nameEn != null ? { nameEn: input.nameEn.trim() } : {}),
        ...(input.threshold != null ? { threshold: input.threshold } : {}),
        ...(input.active != null ? { active: input.active } : {}),
      };
      const milestone = await tx.milestone.update({ where: { id: current.id }, data });
      await audit(
        ctx,
        {
          action: "update",
          entity: "Milestone",
          entityId: current.id,
          details: {
            before: { name: current.name, nameEn: current.nameEn, threshold: current.threshold, active: current.active },
            after: data,
          },
        },
        tx,
      );
      return milestone;
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? duplicate() : err;
    });
}
