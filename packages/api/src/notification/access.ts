// Which notifications the inbox shows: the viewer's own, and of those only the ones whose record
// the viewer may still read — its group's access rule (groupAccess, as groupAccessWhere), or staff
// for an organisation-wide record. A role revoked since the notification was made hides it.
import type { Prisma } from "@tsunagu/db";

import type { Viewer } from "../context.ts";
import { groupAccessWhere } from "../organization/access.ts";

export function visibleNotificationsWhere(viewer: Viewer): Prisma.NotificationWhereInput {
  const own = { orgId: viewer.orgId, recipientId: viewer.userId };
  if (viewer.isStaff) return own;
  return { ...own, groupId: { not: null }, group: groupAccessWhere(viewer) };
}
