// The viewer: the signed-in account and what its active access roles reach, loaded once per
// request (http.ts) and carried in the GraphQL context. The auth scopes read it (builder.ts).
import { prisma } from "@tsunagu/db/client";

import type { Viewer } from "../context.ts";

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
  const ids = (role: string) => user.accessRoles.filter((r) => r.role === role && r.groupId).map((r) => r.groupId as string);
  return {
    userId: user.id,
    orgId: user.orgId,
    personId: user.personId,
    email: user.email,
    name: user.name,
    roles: [...new Set(user.accessRoles.map((r) => r.role))],
    isStaff: user.accessRoles.some((r) => r.role === "STAFF"),
    schoolGroupIds: ids("SCHOOL_COORDINATOR"),
    coordinatedSchoolIds: user.accessRoles.flatMap((r) => (r.role === "SCHOOL_COORDINATOR" && r.group?.schoolId ? [r.group.schoolId] : [])),
    subcommitteeIds: ids("SUBCOMMITTEE_MEMBER"),
    salonIds: ids("SALON_LEADER"),
    liaisonProgrammeIds: user.accessRoles
      .filter((r) => r.role === "INSTITUTION_LIAISON" && r.programmeId)
      .map((r) => r.programmeId as string),
  };
}
