// notify: tells accounts something, inside the caller's transaction. One Notification row per
// recipient who may read the record concerned (its group's access rule, groupAccess; staff alone for
// an organisation-wide record), inserted with ON CONFLICT DO NOTHING on (recipient, kind, dedupeKey):
// a second call with the same key inserts nothing and mails nothing, whichever instance makes it —
// this is what makes a reminder "sent once". Each row newly inserted whose recipient wants mail of
// its kind (./preference.ts; by default yes) enqueues one mail through the outbox (auth/mail.ts), in
// the recipient's language, with the text of ./text.ts and a link into the app. The mail is
// delivered after the transaction commits (auth/mail-delivery.ts); a rollback takes it back too.
import type { NotificationKind, NotificationSubject, Prisma } from "@tsunagu/db";

import { enqueueMail } from "../auth/mail.ts";
import { viewerRoleSelect, viewerWithRoles } from "../auth/viewer.ts";
import { readApiEnv } from "../env.ts";
import { groupAccess, groupAccessSelect } from "../organization/access.ts";
import { mailWanted } from "./preference.ts";
import { localeOf, notificationPath, renderNotification, type NotificationParams } from "./text.ts";

/** The record a notification is about. */
export interface NotificationSubjectRef {
  type: NotificationSubject;
  id: string;
}

export interface NotifyInput<K extends NotificationKind> {
  kind: K;
  /** accounts (User.id) to tell; those who may not read the subject, or of another organisation, are left out */
  recipients: readonly string[];
  subject: NotificationSubjectRef;
  params: NotificationParams[K];
  /** one notification per recipient, kind and key, ever: e.g. the log's id and version */
  dedupeKey: string;
}

/** The organisation of a subject and the group whose access rule governs it (null: staff only). */
async function subjectScope(
  tx: Prisma.TransactionClient,
  subject: NotificationSubjectRef,
): Promise<{ orgId: string; groupId: string | null }> {
  const { id } = subject;
  switch (subject.type) {
    case "ACTIVITY_LOG":
      return tx.activityLog.findUniqueOrThrow({ where: { id }, select: { orgId: true, groupId: true } });
    case "THANK_YOU": {
      // a thank-you to a person is not read by a group's accounts: staff alone here
      const row = await tx.thankYouMessage.findUniqueOrThrow({ where: { id }, select: { orgId: true, toGroupId: true } });
      return { orgId: row.orgId, groupId: row.toGroupId };
    }
    case "EVENT":
      return tx.event.findUniqueOrThrow({ where: { id }, select: { orgId: true, groupId: true } });
    case "SHIFT": {
      const row = await tx.shift.findUniqueOrThrow({ where: { id }, select: { orgId: true, event: { select: { groupId: true } } } });
      return { orgId: row.orgId, groupId: row.event.groupId };
    }
    case "GROUP":
      return { orgId: (await tx.group.findUniqueOrThrow({ where: { id }, select: { orgId: true } })).orgId, groupId: id };
    case "INVITATION":
      return { orgId: (await tx.invitation.findUniqueOrThrow({ where: { id }, select: { orgId: true } })).orgId, groupId: null };
    case "ORGANIZATION":
      return { orgId: id, groupId: null };
  }
}

/**
 * Tells `recipients` of `subject` once per `dedupeKey`, in the caller's transaction; returns how
 * many notifications were newly inserted (0 on a repeated call).
 */
export async function notify<K extends NotificationKind>(tx: Prisma.TransactionClient, input: NotifyInput<K>): Promise<number> {
  const ids = [...new Set(input.recipients)];
  if (ids.length === 0) return 0;
  const { orgId, groupId } = await subjectScope(tx, input.subject);
  const group = groupId ? await tx.group.findUniqueOrThrow({ where: { id: groupId }, select: groupAccessSelect }) : null;
  const users = await tx.user.findMany({
    where: { orgId, id: { in: ids } },
    select: {
      id: true,
      orgId: true,
      personId: true,
      email: true,
      name: true,
      locale: true,
      accessRoles: { where: { revokedAt: null }, select: viewerRoleSelect },
    },
  });
  // only recipients who may read the subject, by the rule its own screens use
  const readers = users.filter((user) => {
    const viewer = viewerWithRoles(user, user.accessRoles);
    return group ? groupAccess(viewer, group) : viewer.isStaff;
  });
  if (readers.length === 0) return 0;
  const params = input.params as unknown as Prisma.InputJsonValue;
  const inserted = await tx.notification.createManyAndReturn({
    data: readers.map((user) => ({
      orgId,
      recipientId: user.id,
      kind: input.kind,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      groupId,
      params,
      dedupeKey: input.dedupeKey,
    })),
    skipDuplicates: true,
    select: { recipientId: true },
  });
  if (inserted.length === 0) return 0;
  const insertedIds = new Set(inserted.map((row) => row.recipientId));
  const mailTo = await mailWanted(tx, [...insertedIds], input.kind);
  const { publicUrl } = readApiEnv();
  const link = `${publicUrl}${notificationPath(input.kind, input.subject, input.params)}`;
  for (const user of readers) {
    if (!insertedIds.has(user.id) || !mailTo.has(user.id)) continue;
    await enqueueMail({ orgId, to: user.email, ...notificationMail(input.kind, input.params, user, link, publicUrl) }, tx);
  }
  return inserted.length;
}

/** The mail of one notification: plain, short, in the recipient's language, with the link to its record. */
function notificationMail(
  kind: NotificationKind,
  params: unknown,
  user: { name: string; locale: string },
  link: string,
  publicUrl: string,
): { subject: string; text: string } {
  const locale = localeOf(user.locale);
  const { title, body } = renderNotification(kind, params, locale);
  const settings = `${publicUrl}/notifications/settings`;
  if (locale === "en") {
    return {
      subject: `[Tsunagu] ${title}`,
      text: `${user.name},\n\n${body}\n\n${link}\n\nYou can also read this in Tsunagu's notifications. To stop these mails, change your notification settings: ${settings}\n`,
    };
  }
  return {
    subject: `【ツナグ】${title}`,
    text: `${user.name} 様\n\n${body}\n\n${link}\n\nこのお知らせはツナグの「お知らせ」でも確認できます。メールでの受け取りは通知の設定で変えられます: ${settings}\n`,
  };
}
