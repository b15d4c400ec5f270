// The viewer's inbox: how many are unread, and marking some or all read. Only notifications the
// inbox shows (./access.ts) are counted or marked. Marking read changes the viewer's own inbox and
// no record of the 社協, so it writes no audit entry.
import { prisma } from "@tsunagu/db/client";

import { signedIn, type Context } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { visibleNotificationsWhere } from "./access.ts";

export function unreadNotificationCount(ctx: Context): Promise<number> {
  return prisma().notification.count({ where: { ...visibleNotificationsWhere(signedIn(ctx)), readAt: null } });
}

/**
 * Marks the given notifications (or every unread one) read; returns the ids marked. An id the inbox
 * does not show is NOT_FOUND and nothing is marked.
 */
export function markNotificationsRead(ctx: Context, target: { ids: string[] } | { all: true }): Promise<string[]> {
  const visible = visibleNotificationsWhere(signedIn(ctx));
  return prisma().$transaction(async (tx) => {
    const where = "ids" in target ? { AND: [visible, { id: { in: [...new Set(target.ids)] } }] } : visible;
    const rows = await tx.notification.findMany({ where, select: { id: true, readAt: true } });
    if ("ids" in target && rows.length !== new Set(target.ids).size) throw new NotFoundError({ ja: "お知らせ", en: "notification" });
    const unread = rows.filter((r) => r.readAt === null).map((r) => r.id);
    if (unread.length > 0) await tx.notification.updateMany({ where: { id: { in: unread }, readAt: null }, data: { readAt: new Date() } });
    return "ids" in target ? rows.map((r) => r.id) : unread;
  });
}
