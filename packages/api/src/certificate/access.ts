// Who may see and download a certificate (感謝状): staff every one of the organisation; a person's
// own account theirs; an account whose role reaches a group that group's; the institution liaison
// those of the cohorts and their youths. Nobody else.
import type { Prisma } from "@tsunagu/db";

import type { Viewer } from "../context.ts";
import { scopedGroupIds } from "../organization/access.ts";

export function visibleCertificatesWhere(viewer: Viewer): Prisma.CertificateWhereInput {
  if (viewer.isStaff) return { orgId: viewer.orgId };
  const reach: Prisma.CertificateWhereInput[] = [];
  if (viewer.personId) reach.push({ personId: viewer.personId });
  const scoped = scopedGroupIds(viewer);
  if (scoped.length > 0) reach.push({ groupId: { in: scoped }, group: { programme: { privacyTier: { not: "JUVENILE" } } } });
  if (viewer.liaisonProgrammeIds.length > 0) {
    const programmes = { programmeId: { in: viewer.liaisonProgrammeIds }, programme: { privacyTier: "JUVENILE" as const } };
    reach.push({ group: programmes }, { juvenileParticipant: { cohort: programmes } });
  }
  return { orgId: viewer.orgId, OR: reach };
}

/**
 * The ids among `rows` that are juvenile-programme records read by a non-staff account: those
 * leave an audit entry. Outside staff, only the liaison sees a youth's certificate, or a group's
 * beyond the account's own scoped groups (a cohort's).
 */
export function juvenileCertificateIds(
  viewer: Viewer,
  rows: Array<{ id: string; groupId: string | null; juvenileParticipantId: string | null }>,
): string[] {
  if (viewer.isStaff || viewer.liaisonProgrammeIds.length === 0) return [];
  const scoped = new Set(scopedGroupIds(viewer));
  return rows.filter((r) => r.juvenileParticipantId !== null || (r.groupId !== null && !scoped.has(r.groupId))).map((r) => r.id);
}
