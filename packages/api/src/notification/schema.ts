// notification — the viewer's inbox (お知らせ) and their choice, per kind, of also being told by
// mail. Notifications are made by the mutations that change what they tell of (./triggers.ts) and
// by scheduled reminders, through ./notify.ts; the inbox shows only those whose record the viewer
// may still read (./access.ts).
import { z } from "zod";

import { prisma } from "@tsunagu/db/client";

import { builder } from "../builder.ts";
import { signedIn } from "../context.ts";
import { mutationErrors } from "../error-types.ts";
import { bilingual, idListOf } from "../validation.ts";
import { visibleNotificationsWhere } from "./access.ts";
import { markNotificationsRead, unreadNotificationCount } from "./inbox.ts";
import {
  listNotificationPreferences,
  NOTIFICATION_KINDS,
  updateNotificationPreferences,
  type NotificationPreferenceView,
} from "./preference.ts";
import { notificationPath, renderNotification } from "./text.ts";
import { undeliveredMails, type UndeliveredMail } from "./undelivered.ts";

const NotificationKindEnum = builder.enumType("NotificationKind", {
  description: "What a notification tells: 差し戻し, 承認, ありがとう, キャンセル待ちの繰り上げ, and the scheduled reminders",
  values: NOTIFICATION_KINDS,
});

const textSelect = { kind: true, params: true, subjectType: true, subjectId: true } as const;

builder.prismaObject("Notification", {
  description: "お知らせ — one thing the viewer was told; its text is rendered from what was stored with it",
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: NotificationKindEnum }),
    title: t.string({ select: textSelect, resolve: (n) => renderNotification(n.kind, n.params, "ja").title }),
    titleEn: t.string({ select: textSelect, resolve: (n) => renderNotification(n.kind, n.params, "en").title }),
    body: t.string({ select: textSelect, resolve: (n) => renderNotification(n.kind, n.params, "ja").body }),
    bodyEn: t.string({ select: textSelect, resolve: (n) => renderNotification(n.kind, n.params, "en").body }),
    path: t.string({
      description: "the app path of the record it is about",
      select: textSelect,
      resolve: (n) => notificationPath(n.kind, { type: n.subjectType, id: n.subjectId }, n.params),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    readAt: t.expose("readAt", { type: "DateTime", nullable: true }),
  }),
});

const NotificationPreferenceRef = builder.objectRef<NotificationPreferenceView>("NotificationPreference").implement({
  description: "Whether notifications of a kind also come by mail (true, the default) or stay in the app",
  fields: (t) => ({
    kind: t.field({ type: NotificationKindEnum, resolve: (p) => p.kind }),
    mail: t.exposeBoolean("mail"),
  }),
});

const NotificationPreferenceInput = builder.inputType("NotificationPreferenceInput", {
  fields: (t) => ({
    kind: t.field({ type: NotificationKindEnum, required: true }),
    mail: t.boolean({ required: true, description: "true: also by mail; false: in the app only" }),
  }),
});

const MarkNotificationsReadResultRef = builder.objectRef<{ ids: string[]; unreadCount: number }>("MarkNotificationsReadResult").implement({
  fields: (t) => ({
    notifications: t.prismaField({
      type: ["Notification"],
      description: "the notifications marked read",
      resolve: (query, result) => prisma().notification.findMany({ ...query, where: { id: { in: result.ids } } }),
    }),
    unreadCount: t.exposeInt("unreadCount", { description: "what is left unread (the bell's count)" }),
  }),
});

const UndeliveredMailStatus = builder.enumType("UndeliveredMailStatus", {
  description: "FAILED: given up (refused, or the 10th attempt failed); RETRYING: failed, to be tried again at nextAttemptAt",
  values: ["FAILED", "RETRYING"] as const,
});

const UndeliveredMailRef = builder.objectRef<UndeliveredMail>("UndeliveredMail").implement({
  description: "A mail the outbox has not delivered: to whom, what, how often tried and the last error (never its body)",
  fields: (t) => ({
    id: t.exposeID("id"),
    to: t.exposeString("to"),
    subject: t.exposeString("subject"),
    status: t.field({ type: UndeliveredMailStatus, resolve: (m) => m.status }),
    attempts: t.exposeInt("attempts"),
    lastError: t.exposeString("lastError", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    nextAttemptAt: t.expose("nextAttemptAt", { type: "DateTime", nullable: true }),
  }),
});

builder.queryFields((t) => ({
  undeliveredMails: t.field({
    type: [UndeliveredMailRef],
    description: "The organisation's mail not delivered — given up or being retried — newest first, at most 100 (staff)",
    authScopes: { staff: true },
    resolve: (_root, _args, ctx) => undeliveredMails(ctx),
  }),
  notifications: t.prismaConnection({
    type: "Notification",
    cursor: "id",
    description: "The viewer's notifications, newest first — only those whose record the viewer may read now",
    authScopes: { signedIn: true },
    args: { unreadOnly: t.arg.boolean({ description: "only those not yet read" }) },
    resolve: (query, _root, args, ctx) =>
      prisma().notification.findMany({
        ...query,
        where: { ...visibleNotificationsWhere(signedIn(ctx)), ...(args.unreadOnly ? { readAt: null } : {}) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
  unreadNotificationCount: t.int({
    description: "How many of the viewer's notifications are unread (the bell)",
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) => unreadNotificationCount(ctx),
  }),
  notificationPreferences: t.field({
    type: [NotificationPreferenceRef],
    description: "The viewer's choice for every kind: also by mail, or in the app only",
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) => listNotificationPreferences(prisma(), signedIn(ctx).userId),
  }),
}));

const uniqueKinds = z
  .array(z.looseObject({ kind: z.string() }))
  .min(1, { message: bilingual({ ja: "設定を1件以上指定してください。", en: "Give at least one setting." }) })
  .refine((rows) => new Set(rows.map((r) => r.kind)).size === rows.length, {
    message: bilingual({ ja: "同じ種類のお知らせが2回指定されています。", en: "A kind of notification is given twice." }),
  });

builder.mutationFields((t) => ({
  markNotificationsRead: t.field({
    type: MarkNotificationsReadResultRef,
    description: "Marks the viewer's notifications read: the ids given, or every one with all: true (exactly one of the two)",
    authScopes: { signedIn: true },
    errors: { types: mutationErrors },
    args: {
      ids: t.arg.idList({ validate: idListOf({ ja: "お知らせ", en: "notification", many: "notifications" }, 200) }),
      all: t.arg.boolean({ description: "every unread notification" }),
    },
    validate: z
      .looseObject({ ids: z.unknown().optional(), all: z.unknown().optional() })
      .refine((a) => (a.ids ? 1 : 0) + (a.all === true ? 1 : 0) === 1, {
        message: bilingual({
          ja: "既読にするお知らせを選ぶか、「すべて既読」を指定してください（どちらか一方）。",
          en: "Give either the notifications to mark read or all: true, not both.",
        }),
        path: ["ids"],
      }),
    resolve: async (_root, args, ctx) => {
      const ids = await markNotificationsRead(ctx, args.ids ? { ids: args.ids.map(String) } : { all: true });
      return { ids, unreadCount: await unreadNotificationCount(ctx) };
    },
  }),
  updateNotificationPreferences: t.field({
    type: [NotificationPreferenceRef],
    description: "Saves whether each kind named also comes by mail; answers every kind's setting",
    authScopes: { signedIn: true },
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        type: [NotificationPreferenceInput],
        required: true,
        validate: uniqueKinds,
      }),
    },
    resolve: (_root, { input }, ctx) => updateNotificationPreferences(ctx, input),
  }),
}));
