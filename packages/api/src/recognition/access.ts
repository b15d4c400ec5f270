// Who sees and who may write thank-you messages (ありがとう). A recipient sees the APPROVED
// messages addressed to them: a person through the account's own Person, a group when the
// account's role reaches it, the institution liaison the cohort groups of their programme. Staff
// see every message of the organisation, in every state.
import type { Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { signedIn, type Context, type Viewer } from "../context.ts";
import { ForbiddenError, NotFoundError } from "../errors.ts";
import { canAccessGroup, groupPrivacy, scopedGroupIds } from "../organization/access.ts";
import { personVisibility, personVisibilitySelect } from "../person/access.ts";

/** The thank-you messages the viewer may read (before any filter of their own). */
export function visibleThankYousWhere(viewer: Viewer): Prisma.ThankYouMessageWhereInput {
  if (viewer.isStaff) return { orgId: viewer.orgId };
  const reach: Prisma.ThankYouMessageWhereInput[] = [];
  if (viewer.personId) reach.push({ toPersonId: viewer.personId });
  const scoped = scopedGroupIds(viewer);
  if (scoped.length > 0) {
    reach.push({ toGroupId: { in: scoped }, toGroup: { programme: { privacyTier: { not: "JUVENILE" } } } });
  }
  if (viewer.liaisonProgrammeIds.length > 0) {
    reach.push({ toGroup: { programmeId: { in: viewer.liaisonProgrammeIds }, programme: { privacyTier: "JUVENILE" } } });
  }
  return { orgId: viewer.orgId, status: "APPROVED", OR: reach };
}

/**
 * The ids among `rows` that are juvenile-programme records read by a non-staff account (the
 * liaison): those must leave an audit entry. Such an account sees group messages only for its
 * scoped groups and, as liaison, the cohorts — so a group outside its scope is a cohort.
 */
export function juvenileRowIds(viewer: Viewer, rows: Array<{ id: string; groupId: string | null }>): string[] {
  if (viewer.isStaff || viewer.liaisonProgrammeIds.length === 0) return [];
  const scoped = new Set(scopedGroupIds(viewer));
  return rows.filter((r) => r.groupId !== null && !scoped.has(r.groupId)).map((r) => r.id);
}

/**
 * Throws unless the viewer may address a thank-you to this person or group: staff anyone of the
 * organisation; other accounts the people whose name they may see and the groups their role
 * reaches (for the institution liaison, the cohorts). A group or person the viewer may not even
 * know of (another organisation's, a cohort for an account outside the programme) is NOT_FOUND.
 */
export async function assertCanThank(ctx: Context, to: { personId?: string | null; groupId?: string | null }): Promise<void> {
  const viewer = signedIn(ctx);
  if (to.groupId) {
    const group = await groupPrivacy(ctx, to.groupId);
    if (!group || group.orgId !== viewer.orgId) throw new NotFoundError({ ja: "団体", en: "group" });
    if (await canAccessGroup(ctx, to.groupId)) return;
    if (group.privacyTier === "JUVENILE") throw new NotFoundError({ ja: "団体", en: "group" });
    throw new ForbiddenError({
      ja: "この団体へのありがとうは、担当の職員か団体の代表・担当者が登録します。",
      en: "Only staff and the accounts responsible for this group can record a thank-you for it.",
    });
  }
  if (to.personId) {
    const person = await prisma().person.findFirst({
      where: { id: to.personId, orgId: viewer.orgId },
      select: personVisibilitySelect,
    });
    if (!person) throw new NotFoundError({ ja: "個人", en: "person" });
    if (personVisibility(ctx, person).name) return;
    throw new ForbiddenError({
      ja: "この方へのありがとうは、担当の職員か所属団体の代表・担当者が登録します。",
      en: "Only staff and the accounts responsible for this person's groups can record a thank-you for them.",
    });
  }
}
