// Who may edit an activity log (updateActivityLog and ActivityLog.viewerCanEdit): whoever may log
// for its group (../organization/access.ts groupAccess) while it is a draft or returned (差し戻し);
// staff at any status — a submitted log before deciding, an approved one as a correction (訂正).
import type { ActivityLogStatus } from "@tsunagu/db";

import type { Viewer } from "../context.ts";
import { groupAccess, type GroupAccessInput } from "../organization/access.ts";

/** Statuses a log's own group may still edit. */
const EDITABLE_BY_GROUP: readonly ActivityLogStatus[] = ["DRAFT", "REJECTED"];

export function canEditActivityLog(viewer: Viewer | null, log: { status: ActivityLogStatus; group: GroupAccessInput }): boolean {
  if (!viewer || !groupAccess(viewer, log.group)) return false;
  return viewer.isStaff || EDITABLE_BY_GROUP.includes(log.status);
}
