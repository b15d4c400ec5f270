// recognition — thank-you messages (ありがとう) from residents, fishermen or staff to a person or a
// group. Anyone signed in may record one for a recipient they can reach; it stays PENDING until
// staff moderate it (thank-you.ts), and only then does the recipient see it (access.ts).
import { z } from "zod";

import { prisma } from "@tsunagu/db/client";

import { auditRestrictedRead } from "../audit/audit.ts";
import { builder } from "../builder.ts";
import { signedIn } from "../context.ts";
import { mutationErrors } from "../error-types.ts";
import { groupAccess, groupAccessSelect } from "../organization/access.ts";
import { loadPersonThankYous } from "../person/page.ts";
import { ACKNOWLEDGE_NAME_WARNING, bilingual, dayOf, idListOf, textOf, uuidOf } from "../validation.ts";
import { juvenileRowIds, visibleThankYousWhere } from "./access.ts";
import { moderateThankYous, sendThankYou } from "./thank-you.ts";

const ModerationStatusEnum = builder.enumType("ModerationStatus", {
  values: ["PENDING", "APPROVED", "REJECTED"] as const,
});

const ModerationDecisionEnum = builder.enumType("ModerationDecision", {
  values: ["APPROVE", "REJECT"] as const,
});

builder.prismaObject("ThankYouMessage", {
  description: "ありがとう — a thank-you to a person or a group, shown to the recipient once staff approve it",
  fields: (t) => ({
    id: t.exposeID("id"),
    toPerson: t.relation("toPerson", { nullable: true }),
    toGroup: t.relation("toGroup", { nullable: true }),
    fromName: t.exposeString("fromName", { description: "who said it, as they wish to be named (e.g. 「西鳥取の漁師さん」)" }),
    body: t.exposeString("body"),
    receivedOn: t.expose("receivedOn", { type: "Date" }),
    status: t.expose("status", { type: ModerationStatusEnum }),
    moderatedAt: t.expose("moderatedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const SendThankYouInput = builder.inputType("SendThankYouInput", {
  description: "A thank-you for exactly one person or one group",
  fields: (t) => ({
    toPersonId: t.id({ validate: uuidOf({ ja: "宛先の個人", en: "person" }) }),
    toGroupId: t.id({ validate: uuidOf({ ja: "宛先の団体", en: "group" }) }),
    fromName: t.string({
      required: true,
      description: "who said it, as they wish to be named",
      validate: textOf({ ja: "差出人の名前", en: "sender's name" }, 100),
    }),
    body: t.string({
      required: true,
      validate: textOf({ ja: "メッセージ", en: "message" }, 2000),
    }),
    receivedOn: t.field({
      type: "Date",
      required: true,
      description: "the day the thanks were given",
      validate: dayOf({ ja: "受け取った日", en: "day received" }),
    }),
    acknowledgeNameWarning: t.boolean({ description: ACKNOWLEDGE_NAME_WARNING }),
  }),
  validate: z
    .looseObject({ toPersonId: z.unknown().optional(), toGroupId: z.unknown().optional() })
    .refine((i) => (i.toPersonId ? 1 : 0) + (i.toGroupId ? 1 : 0) === 1, {
      message: bilingual({
        ja: "宛先は個人か団体のどちらか一方を指定してください。",
        en: "Give exactly one recipient: a person or a group.",
      }),
      path: ["toPersonId"],
    }),
});

builder.prismaObjectFields("Group", (t) => ({
  viewerCanThank: t.boolean({
    description: "Whether the viewer may send a thank-you to this group or pick its members as recipients (sendThankYou's rule for groups)",
    select: groupAccessSelect,
    resolve: (group, _args, ctx) => groupAccess(ctx.viewer, group),
  }),
}));

builder.queryFields((t) => ({
  thankYous: t.prismaConnection({
    type: "ThankYouMessage",
    cursor: "id",
    description:
      "Thank-you messages the viewer may see, newest first: staff all (filter by status), others the approved ones addressed to them",
    args: {
      toGroupId: t.arg.id({ validate: uuidOf({ ja: "団体", en: "group" }) }),
      toPersonId: t.arg.id({ validate: uuidOf({ ja: "個人", en: "person" }) }),
      status: t.arg({ type: ModerationStatusEnum, description: "staff only; other accounts see APPROVED messages" }),
    },
    resolve: async (query, _root, args, ctx) => {
      const viewer = signedIn(ctx);
      const read = {
        ...query,
        where: {
          AND: [
            visibleThankYousWhere(viewer),
            args.toGroupId ? { toGroupId: String(args.toGroupId) } : {},
            args.toPersonId ? { toPersonId: String(args.toPersonId) } : {},
            args.status ? { status: args.status } : {},
          ],
        },
        orderBy: [{ receivedOn: "desc" as const }, { id: "desc" as const }],
      };
      // a person's (the person page's): read through the person, with the page's other reads (../person/page.ts)
      const rows = args.toPersonId
        ? await loadPersonThankYous(ctx, String(args.toPersonId), read)
        : await prisma().thankYouMessage.findMany(read);
      await auditRestrictedRead(
        ctx,
        "ThankYouMessage",
        juvenileRowIds(
          viewer,
          rows.map((r) => ({ id: r.id, groupId: r.toGroupId })),
        ),
      );
      return rows;
    },
  }),
  recentThankYous: t.prismaField({
    type: ["ThankYouMessage"],
    description: "The latest approved thank-yous the viewer may see, for dashboards",
    args: {
      first: t.arg.int({
        defaultValue: 5,
        validate: z
          .number()
          .int()
          .min(1, { message: bilingual({ ja: "件数は1以上にしてください。", en: "Ask for at least one." }) })
          .max(50, { message: bilingual({ ja: "件数は50件までです。", en: "At most 50." }) }),
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const viewer = signedIn(ctx);
      const rows = await prisma().thankYouMessage.findMany({
        ...query,
        where: { AND: [visibleThankYousWhere(viewer), { status: "APPROVED" }] },
        orderBy: [{ receivedOn: "desc" }, { id: "desc" }],
        take: args.first ?? 5,
      });
      await auditRestrictedRead(
        ctx,
        "ThankYouMessage",
        juvenileRowIds(
          viewer,
          rows.map((r) => ({ id: r.id, groupId: r.toGroupId })),
        ),
      );
      return rows;
    },
  }),
  moderationQueue: t.prismaConnection({
    type: "ThankYouMessage",
    cursor: "id",
    description: "Thank-yous waiting for moderation, oldest first (staff)",
    authScopes: { staff: true },
    resolve: (query, _root, _args, ctx) =>
      prisma().thankYouMessage.findMany({
        ...query,
        where: { orgId: signedIn(ctx).orgId, status: "PENDING" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
  }),
}));

builder.mutationFields((t) => ({
  sendThankYou: t.prismaField({
    type: "ThankYouMessage",
    description: "Records a thank-you for a person or a group the viewer can reach; staff moderate it before the recipient sees it",
    authScopes: { signedIn: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: SendThankYouInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const toPersonId = input.toPersonId ? String(input.toPersonId) : null;
      const toGroupId = input.toGroupId ? String(input.toGroupId) : null;
      const messageId = await sendThankYou(ctx, { ...input, toPersonId, toGroupId });
      return prisma().thankYouMessage.findUniqueOrThrow({ ...query, where: { id: messageId } });
    },
  }),
  moderateThankYous: t.prismaField({
    type: ["ThankYouMessage"],
    description: "Approves or rejects pending thank-yous, all or none (staff)",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: {
      ids: t.arg.idList({
        required: true,
        validate: idListOf({ ja: "ありがとうのメッセージ", en: "message", many: "messages" }, 200),
      }),
      decision: t.arg({ type: ModerationDecisionEnum, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const ids = await moderateThankYous(ctx, args.ids.map(String), args.decision);
      return prisma().thankYouMessage.findMany({ ...query, where: { id: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    },
  }),
}));
