// Which groups the viewer reaches: the `group` and `juvenileProgramme` auth scopes (builder.ts) and
// the group filters resolvers share, under docs/domain.md's privacy tiers. What of a person the
// viewer may see is ../person/access.ts.
import type { Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { memo, signedIn, type Context, type Viewer } from "../context.ts";
import { isUuid } from "../validation.ts";

interface GroupPrivacy {
  orgId: string;
  programmeId: string;
  privacyTier: string;
}

/** A group's organisation and privacy tier, once per request (one statement). */
export function groupPrivacy(ctx: Context, groupId: string): Promise<GroupPrivacy | null> {
  return memo(ctx, `group:${groupId}`, async () => {
    if (!isUuid(groupId)) return null;
    const rows = await prisma().$queryRaw<GroupPrivacy[]>`
      SELECT g."orgId"::text AS "orgId", g."programmeId"::text AS "programmeId", p."privacyTier"::text AS "privacyTier"
      FROM "Group" g JOIN "Programme" p ON p."orgId" = g."orgId" AND p.id = g."programmeId"
      WHERE g.id = ${groupId}::uuid`;
    return rows[0] ?? null;
  });
}

/** What groupAccess reads of a group. */
export interface GroupAccessInput {
  id: string;
  orgId: string;
  programmeId: string;
  programme: { privacyTier: string };
}

/** The columns groupAccess reads, as a Prisma (and Pothos field) selection. */
export const groupAccessSelect = {
  id: true,
  orgId: true,
  programmeId: true,
  programme: { select: { privacyTier: true } },
} as const;

/**
 * Whether the viewer may see a group's roster and records and change them (the `group` auth
 * scope): staff of its organisation; the coordinator, subcommittee member or salon leader whose
 * scope it is; the institution liaison for juvenile groups. Nobody sees another organisation's
 * groups. Reads nothing: the Group.viewerCan… fields use it on groups already loaded.
 */
export function groupAccess(viewer: Viewer | null, group: GroupAccessInput): boolean {
  if (!viewer || group.orgId !== viewer.orgId) return false;
  if (group.programme.privacyTier === "JUVENILE") return viewer.isStaff || viewer.liaisonProgrammeIds.includes(group.programmeId);
  return viewer.isStaff || scopedGroupIds(viewer).includes(group.id);
}

/**
 * groupAccess as a Prisma filter, for lists that keep only what the viewer's groups hold (the
 * notification inbox): the same rule, tested against groupAccess for every demo account × group.
 */
export function groupAccessWhere(viewer: Viewer): Prisma.GroupWhereInput {
  if (viewer.isStaff) return { orgId: viewer.orgId };
  return {
    orgId: viewer.orgId,
    OR: [
      { id: { in: scopedGroupIds(viewer) }, programme: { privacyTier: { not: "JUVENILE" } } },
      { programmeId: { in: viewer.liaisonProgrammeIds }, programme: { privacyTier: "JUVENILE" } },
    ],
  };
}

/** groupAccess for a group known by id (looked up once per request). */
export async function canAccessGroup(ctx: Context, groupId: string): Promise<boolean> {
  if (!ctx.viewer) return false;
  const group = await groupPrivacy(ctx, groupId);
  if (!group) return false;
  return groupAccess(ctx.viewer, {
    id: groupId,
    orgId: group.orgId,
    programmeId: group.programmeId,
    programme: { privacyTier: group.privacyTier },
  });
}

export function canSeeJuvenileProgramme(ctx: Context): boolean {
  return Boolean(ctx.viewer && (ctx.viewer.isStaff || ctx.viewer.liaisonProgrammeIds.length > 0));
}

/** The groups a non-staff viewer's roles reach (staff reach all of their organisation). */
export function scopedGroupIds(viewer: Viewer): string[] {
  return [...viewer.schoolGroupIds, ...viewer.subcommitteeIds, ...viewer.salonIds];
}

/** visibleGroupsWhere for one group whose organisation and privacy tier are at hand (groupPrivacy). */
export function isVisibleGroup(ctx: Context, group: { orgId: string; privacyTier: string }): boolean {
  const viewer = signedIn(ctx);
  return group.orgId === viewer.orgId && (group.privacyTier !== "JUVENILE" || canSeeJuvenileProgramme(ctx));
}

/** Groups the viewer may list: their organisation's, without juvenile ones unless entitled. */
export function visibleGroupsWhere(ctx: Context) {
  const viewer = signedIn(ctx);
  return {
    orgId: viewer.orgId,
    ...(canSeeJuvenileProgramme(ctx) ? {} : { programme: { privacyTier: { not: "JUVENILE" as const } } }),
  };
}
