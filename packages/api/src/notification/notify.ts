// notify: tells accounts something, inside the caller's transaction. One Notification row per
// recipient who may read the record concerned (its group's access rule, groupAccess; staff alone for
// an organisation-wide record), inserted with ON CONFLICT DO NOTHING on (recipient, kind, dedupeKey):
// a second call with the same key inserts nothing and mails nothing, whichever instance makes it —
// this is what makes a reminder "sent once". Each row newly inserted whose recipient wants mail of
// its kind (./preference.ts; by default yes) enqueues one mail through the outbox (auth/mail.ts), in
// the recipient's language, with the text of ./text.ts and a link into the app. The mail is
// delivered after the transaction commits (auth/mail-delivery.ts); a rollback takes it back too.
import type { NotificationKind, NotificationSubject, Prisma } from "@tsunagu/db";

import { enqueueMails } from "../auth/mail.ts";
import { viewerRoleSelect, viewerWithRoles } from "../auth/viewer.ts";
import { readApiEnv } from "../env.ts";
import { groupAccess, groupAccessSelect } from "../organization/access.ts";
import { required } from "../required.ts";
import { mailWanted } from "./preference.ts";
import { localeOf, notificationPath, renderNotification, type NotificationParams } from "./text.ts";

/** The record a notification is about. */
interface NotificationSubjectRef {
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

type Tx = Prisma.TransactionClient;
interface Scope {
  orgId: string;
  groupId: string | null;
}

/**
 * The organisation of each subject and the group whose access rule governs it (null: staff only),
 * keyed `type:id`: one statement per type of subject. A subject that does not exist throws.
 */
async function subjectScopes(tx: Tx, subjects: readonly NotificationSubjectRef[]): Promise<Map<string, Scope>> {
  const ids = (type: NotificationSubject) => [...new Set(subjects.filter((s) => s.type === type).map((s) => s.id))];
  const scopes = new Map<string, Scope>();
  const put = (type: NotificationSubject, rows: Array<{ id: string; orgId: string; groupId: string | null }>) => {
    for (const row of rows) scopes.set(`${type}:${row.id}`, { orgId: row.orgId, groupId: row.groupId });
  };
  const load = async (
    type: NotificationSubject,
    read: (ids: string[]) => Promise<Array<{ id: string; orgId: string; groupId: string | null }>>,
  ) => {
    const wanted = ids(type);
    if (wanted.length > 0) put(type, await read(wanted));
  };
  const select = { id: true, orgId: true } as const;
  await load("ACTIVITY_LOG", (id) => tx.activityLog.findMany({ where: { id: { in: id } }, select: { ...select, groupId: true } }));
  // a thank-you to a person is not read by a group's accounts: staff alone here
  await load("THANK_YOU", async (id) =>
    (await tx.thankYouMessage.findMany({ where: { id: { in: id } }, select: { ...select, toGroupId: true } })).map((r) => ({
      ...r,
      groupId: r.toGroupId,
    })),
  );
  await load("EVENT", (id) => tx.event.findMany({ where: { id: { in: id } }, select: { ...select, groupId: true } }));
  await load("SHIFT", async (id) =>
    (await tx.shift.findMany({ where: { id: { in: id } }, select: { ...select, event: { select: { groupId: true } } } })).map((r) => ({
      ...r,
      groupId: r.event.groupId,
    })),
  );
  await load("GROUP", async (id) => (await tx.group.findMany({ where: { id: { in: id } }, select })).map((r) => ({ ...r, groupId: r.id })));
  await load("INVITATION", async (id) =>
    (await tx.invitation.findMany({ where: { id: { in: id } }, select })).map((r) => ({ ...r, groupId: null })),
  );
  for (const id of ids("ORGANIZATION")) scopes.set(`ORGANIZATION:${id}`, { orgId: id, groupId: null });
  for (const s of subjects) if (!scopes.has(`${s.type}:${s.id}`)) throw new Error(`notify: no ${s.type} ${s.id}`);
  return scopes;
}

/**
 * Tells `recipients` of `subject` once per `dedupeKey`, in the caller's transaction; returns how
 * many notifications were newly inserted (0 on a repeated call).
 */
export function notify<K extends NotificationKind>(tx: Tx, input: NotifyInput<K>): Promise<number> {
  return notifyMany(tx, [input]);
}

/**
 * notify for several subjects at once (a bulk approval), in a fixed number of statements whatever
 * their number; returns how many notifications were newly inserted in all.
 */
export async function notifyMany(tx: Tx, inputs: ReadonlyArray<NotifyInput<NotificationKind>>): Promise<number> {
  const wanted = inputs.filter((input) => input.recipients.length > 0);
  if (wanted.length === 0) return 0;
  const scopes = await subjectScopes(
    tx,
    wanted.map((input) => input.subject),
  );
  const scopeOf = (input: NotifyInput<NotificationKind>) =>
    required(scopes.get(`${input.subject.type}:${input.subject.id}`), "subject scope");
  const groupIds = [...new Set(wanted.flatMap((input) => scopeOf(input).groupId ?? []))];
  const groups = new Map(
    (groupIds.length > 0 ? await tx.group.findMany({ where: { id: { in: groupIds } }, select: groupAccessSelect }) : []).map((g) => [
      g.id,
      g,
    ]),
  );
  const users = new Map(
    (
      await tx.user.findMany({
        where: { id: { in: [...new Set(wanted.flatMap((input) => input.recipients))] } },
        select: {
          id: true,
          orgId: true,
          personId: true,
          email: true,
          name: true,
          locale: true,
          accessRoles: { where: { revokedAt: null }, select: viewerRoleSelect },
        },
      })
    ).map((user) => [user.id, { ...user, viewer: viewerWithRoles(user, user.accessRoles) }]),
  );
  // only recipients of the subject's organisation who may read it, by the rule its own screens use
  const rows = wanted.flatMap((input) => {
    const { orgId, groupId } = scopeOf(input);
    const group = groupId ? groups.get(groupId) : undefined;
    return [...new Set(input.recipients)].flatMap((id) => {
      const user = users.get(id);
      if (!user || user.orgId !== orgId) return [];
      if (!(group ? groupAccess(user.viewer, group) : user.viewer.isStaff)) return [];
      return [{ input, user, orgId, groupId }];
    });
  });
  if (rows.length === 0) return 0;
  const inserted = await tx.notification.createManyAndReturn({
    data: rows.map(({ input, user, orgId, groupId }) => ({
      orgId,
      recipientId: user.id,
      kind: input.kind,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      groupId,
      params: input.params as unknown as Prisma.InputJsonValue,
      dedupeKey: input.dedupeKey,
    })),
    skipDuplicates: true,
    select: { recipientId: true, kind: true, dedupeKey: true },
  });
  if (inserted.length === 0) return 0;
  const key = (recipientId: string, kind: NotificationKind, dedupeKey: string) => `${recipientId} ${kind} ${dedupeKey}`;
  const isNew = new Set(inserted.map((row) => key(row.recipientId, row.kind, row.dedupeKey)));
  const fresh = rows.filter(({ input, user }) => isNew.has(key(user.id, input.kind, input.dedupeKey)));
  const mailTo = await mailWanted(
    tx,
    fresh.map(({ input, user }) => ({ userId: user.id, kind: input.kind })),
  );
  const { publicUrl } = readApiEnv();
  await enqueueMails(
    fresh
      .filter(({ input, user }) => mailTo.has(`${user.id} ${input.kind}`))
      .map(({ input, user, orgId }) => ({
        orgId,
        to: user.email,
        ...notificationMail(
          input.kind,
          input.params,
          user,
          `${publicUrl}${notificationPath(input.kind, input.subject, input.params)}`,
          publicUrl,
        ),
      })),
    tx,
  );
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
