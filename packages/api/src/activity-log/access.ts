// Who may edit an activity log (updateActivityLog and ActivityLog.viewerCanEdit): whoever may log
// for its group (../organization/access.ts groupAccess) while it is a draft or returned (差し戻し);
// staff at any status — a submitted log before deciding, an approved one as a correction (訂正).
// And which logs a viewer may read at all (visibleActivityLogsWhere).
import type { ActivityLogStatus, Prisma } from "@tsunagu/db";

import { signedIn, type Context, type Viewer } from "../context.ts";
import { groupAccess, scopedGroupIds, type GroupAccessInput } from "../organization/access.ts";

/** Statuses a log's own group may still edit. */
const EDITABLE_BY_GROUP: readonly ActivityLogStatus[] = ["DRAFT", "REJECTED"];

export function canEditActivityLog(viewer: Viewer | null, log: { status: ActivityLogStatus; group: GroupAccessInput }): boolean {
  if (!viewer || !groupAccess(viewer, log.group)) return false;
  return viewer.isStaff || EDITABLE_BY_GROUP.includes(log.status);
}

/** Logs the viewer may read: staff all of their organisation's; others their groups' (juvenile ones only for the liaison). */
export function visibleActivityLogsWhere(ctx: Context): Prisma.ActivityLogWhereInput {
  const viewer = signedIn(ctx);
  if (viewer.isStaff) return { orgId: viewer.orgId };
  return {
    orgId: viewer.orgId,
    OR: [
      { groupId: { in: scopedGroupIds(viewer) }, group: { programme: { privacyTier: { not: "JUVENILE" } } } },
      { group: { programmeId: { in: viewer.liaisonProgrammeIds }, programme: { privacyTier: "JUVENILE" } } },
    ],
  };
}
