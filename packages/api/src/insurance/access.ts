// Who sees and who records ボランティア活動保険. Recording (enrol, correct, cancel, the 年度 rollover)
// and the 加入申込 CSV are staff's: the 社協 holds the policy and sends the 加入申込. The lapse list
// (insuranceLapses) is read by staff for the organisation and, read-only, by coordinators,
// subcommittee members and salon leaders for their own groups.
import { todayInJapan, type Prisma } from "@tsunagu/db";

import type { Viewer } from "../context.ts";
import { scopedGroupIds } from "../organization/access.ts";

/**
 * The memberships a lapse is listed for: current (not ended, or ending today or later, as rosters
 * count them), outside the juvenile programme, and — for anyone but staff — in a group the viewer's
 * role reaches. Null: the viewer lists no group at all.
 */
export function listedMembershipsWhere(viewer: Viewer): Prisma.MembershipWhereInput | null {
  const groups = viewer.isStaff ? null : scopedGroupIds(viewer);
  if (groups && groups.length === 0) return null;
  return {
    orgId: viewer.orgId,
    OR: [{ endedOn: null }, { endedOn: { gte: todayInJapan() } }],
    group: { programme: { privacyTier: { not: "JUVENILE" } } },
    ...(groups ? { groupId: { in: groups } } : {}),
  };
}

/** The insurance screen: staff, and every account whose role reaches a group outside the juvenile programme. */
export function seesInsurance(viewer: Viewer): boolean {
  return listedMembershipsWhere(viewer) !== null;
}

/** Recording enrolments, the rollover and the 加入申込 CSV: staff only. */
export function recordsInsurance(viewer: Viewer): boolean {
  return viewer.isStaff;
}
