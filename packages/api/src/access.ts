// Who may see what: DOMAIN.md's privacy tiers, in one place. Resolvers and scopes call these.
import { prisma } from "@tsunagu/db/client";

import { memo, type Context, type Viewer } from "./context.ts";

/** Loads an account's active access roles into a Viewer. */
export async function loadViewer(userId: string): Promise<Viewer | null> {
  const user = await prisma().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      orgId: true,
      personId: true,
      email: true,
      name: true,
      accessRoles: {
        where: { revokedAt: null },
        select: { role: true, groupId: true, programmeId: true, group: { select: { schoolId: true } } },
      },
    },
  });
  if (!user) return null;
  const ids = (role: string) =>
    user.accessRoles.filter((r) => r.role === role && r.groupId).map((r) => r.groupId as string);
  return {
    userId: user.id,
    orgId: user.orgId,
    personId: user.personId,
    email: user.email,
    name: user.name,
    roles: [...new Set(user.accessRoles.map((r) => r.role))],
    isStaff: user.accessRoles.some((r) => r.role === "STAFF"),
    schoolGroupIds: ids("SCHOOL_COORDINATOR"),
    coordinatedSchoolIds: user.accessRoles
      .filter((r) => r.role === "SCHOOL_COORDINATOR" && r.group?.schoolId)
      .map((r) => r.group!.schoolId as string),
    subcommitteeIds: ids("SUBCOMMITTEE_MEMBER"),
    salonIds: ids("SALON_LEADER"),
    liaisonProgrammeIds: user.accessRoles
      .filter((r) => r.role === "INSTITUTION_LIAISON" && r.programmeId)
      .map((r) => r.programmeId as string),
  };
}

export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) throw new Error("not signed in");
  return ctx.viewer;
}

interface GroupPrivacy {
  orgId: string;
  programmeId: string;
  privacyTier: string;
}

/** A group's organisation and privacy tier, once per request. */
export function groupPrivacy(ctx: Context, groupId: string): Promise<GroupPrivacy | null> {
  return memo(ctx, `group:${groupId}`, async () => {
    const g = await prisma().group.findUnique({
      where: { id: groupId },
      select: { orgId: true, programmeId: true, programme: { select: { privacyTier: true } } },
    });
    return g ? { orgId: g.orgId, programmeId: g.programmeId, privacyTier: g.programme.privacyTier } : null;
  });
}

/**
 * Whether the viewer may see a group's roster and records: staff of its organisation; the
 * coordinator, subcommittee member or salon leader whose scope it is; the institution liaison for
 * juvenile groups. Nobody sees another organisation's groups.
 */
export async function canAccessGroup(ctx: Context, groupId: string): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  const group = await groupPrivacy(ctx, groupId);
  if (!group || group.orgId !== viewer.orgId) return false;
  if (group.privacyTier === "JUVENILE") return viewer.isStaff || viewer.liaisonProgrammeIds.includes(group.programmeId);
  if (viewer.isStaff) return true;
  return [...viewer.schoolGroupIds, ...viewer.subcommitteeIds, ...viewer.salonIds].includes(groupId);
}

export function canSeeJuvenileProgramme(ctx: Context): boolean {
  return Boolean(ctx.viewer && (ctx.viewer.isStaff || ctx.viewer.liaisonProgrammeIds.length > 0));
}

/** The groups a non-staff viewer's roles reach (staff reach all of their organisation). */
export function scopedGroupIds(viewer: Viewer): string[] {
  return [...viewer.schoolGroupIds, ...viewer.subcommitteeIds, ...viewer.salonIds];
}
