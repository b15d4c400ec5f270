// account — the signed-in account (Better Auth's user) and its access roles.
import { z } from "zod";

import { prisma } from "@tsunagu/db/client";

import { builder } from "../builder.ts";
import { signedIn, type Viewer } from "../context.ts";
import { mutationErrors } from "../error-types.ts";
import { MAX_PER_REQUEST } from "../request-checks.ts";
import { bilingual } from "../validation.ts";
import { revokeAccessRole } from "./access-role.ts";
import { viewerCapabilities, type ViewerCapabilities } from "./capabilities.ts";
import { acceptInvitation, inviteAccount } from "./invitation.ts";

const AccessRoleEnum = builder.enumType("AccessRole", {
  values: ["STAFF", "SCHOOL_COORDINATOR", "SUBCOMMITTEE_MEMBER", "SALON_LEADER", "INSTITUTION_LIAISON"] as const,
});

const ViewerCapabilitiesRef = builder.objectRef<ViewerCapabilities>("ViewerCapabilities").implement({
  description: "What the account uses the app for: the screens to offer it (the rules the API applies, not a copy)",
  fields: (t) => ({
    rosters: t.exposeBoolean("rosters", { description: "the groups and their rosters the account's role reaches" }),
    activityLogs: t.exposeBoolean("activityLogs", { description: "activity logs of groups the account logs for" }),
    reviewActivityLogs: t.exposeBoolean("reviewActivityLogs", { description: "the approval queue (staff)" }),
    childVolunteers: t.exposeBoolean("childVolunteers", { description: "child volunteers of school groups the account manages" }),
    events: t.exposeBoolean("events", { description: "events of 部会 the account plans for" }),
    reports: t.exposeBoolean("reports", { description: "the reports screen (staff; the liaison for the juvenile programme)" }),
    audit: t.exposeBoolean("audit", { description: "the audit trail (staff)" }),
    recognition: t.exposeBoolean("recognition", { description: "moderation, certificates and milestones (staff)" }),
    insurance: t.exposeBoolean("insurance", {
      description: "the insurance screen: the lapse list of the viewer's groups (staff: the organisation; Query.insuranceLapses)",
    }),
    recordInsurance: t.exposeBoolean("recordInsurance", {
      description: "recording enrolments, the 年度 rollover and the 加入申込 CSV (staff)",
    }),
    manageGroups: t.exposeBoolean("manageGroups", { description: "creating, editing and closing groups (staff)" }),
  }),
});

const ViewerRef = builder.objectRef<Viewer>("Viewer").implement({
  description: "The signed-in account and the scopes of its access roles",
  fields: (t) => ({
    id: t.exposeID("userId"),
    email: t.exposeString("email"),
    name: t.exposeString("name"),
    organizationId: t.exposeID("orgId"),
    personId: t.exposeID("personId", { nullable: true }),
    roles: t.field({ type: [AccessRoleEnum], resolve: (v) => v.roles }),
    isStaff: t.exposeBoolean("isStaff"),
    schoolGroupIds: t.exposeIDList("schoolGroupIds"),
    subcommitteeIds: t.exposeIDList("subcommitteeIds"),
    salonIds: t.exposeIDList("salonIds"),
    liaisonProgrammeIds: t.exposeIDList("liaisonProgrammeIds"),
    can: t.field({ type: ViewerCapabilitiesRef, resolve: (v) => viewerCapabilities(v) }),
  }),
});

builder.queryField("me", (t) =>
  t.field({
    type: ViewerRef,
    nullable: true,
    description: "The signed-in account, or null when signed out",
    skipTypeScopes: true,
    resolve: (_root, _args, ctx) => ctx.viewer,
  }),
);

const LocaleEnum = builder.enumType("Locale", { values: ["ja", "en"] as const });

builder.mutationField("setMyLocale", (t) =>
  t.field({
    type: LocaleEnum,
    description: "The signed-in account's UI language (Japanese first, English second)",
    authScopes: { signedIn: true },
    args: { locale: t.arg({ type: LocaleEnum, required: true }) },
    resolve: async (_root, { locale }, ctx) => {
      await prisma().user.update({ where: { id: signedIn(ctx).userId }, data: { locale } });
      return locale;
    },
  }),
);

// ─── invitations: staff invite an account to a scope; the invitee sets a password from the link ───

const InvitationRef = builder.objectRef<{ userId: string; email: string; expiresAt: Date }>("Invitation").implement({
  fields: (t) => ({
    userId: t.exposeID("userId"),
    email: t.exposeString("email"),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
  }),
});

const InviteAccountInput = builder.inputType("InviteAccountInput", {
  fields: (t) => ({
    email: t.string({
      required: true,
      validate: z.email(bilingual({ ja: "メールアドレスの形式が正しくありません", en: "Not a valid e-mail address" })),
    }),
    name: t.string({
      required: true,
      validate: z
        .string()
        .trim()
        .min(1, bilingual({ ja: "氏名を入力してください", en: "Enter a name" }))
        .max(100),
    }),
    role: t.field({ type: AccessRoleEnum, required: true }),
    groupId: t.id({ description: "the group of a coordinator, subcommittee member or salon leader" }),
    programmeId: t.id({ description: "the juvenile programme of an institution liaison" }),
    personId: t.id({ description: "the Person this account belongs to, if any" }),
  }),
});

builder.mutationField("inviteAccount", (t) =>
  t.field({
    type: InvitationRef,
    description: "Staff invite an account to a scope; the invitation link goes out by mail",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: InviteAccountInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      inviteAccount(ctx, {
        ...input,
        groupId: input.groupId ?? null,
        programmeId: input.programmeId ?? null,
        personId: input.personId ?? null,
      }),
  }),
);

builder.mutationField("acceptInvitation", (t) =>
  t.field({
    type: "Boolean",
    description: "Sets the invitee's password from the invitation link's token; then sign in",
    errors: { types: mutationErrors },
    // anyone may call it: once per request, whatever the aliases (request-checks.ts)
    extensions: { [MAX_PER_REQUEST]: 1 },
    args: {
      token: t.arg.string({ required: true, validate: z.string().min(20).max(200) }),
      password: t.arg.string({
        required: true,
        validate: z
          .string()
          .min(10, bilingual({ ja: "パスワードは10文字以上にしてください", en: "Use at least 10 characters" }))
          .max(128),
      }),
    },
    resolve: async (_root, { token, password }, ctx) => {
      await acceptInvitation(ctx, token, password);
      return true;
    },
  }),
);

builder.mutationField("revokeAccessRole", (t) =>
  t.field({
    type: "Boolean",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await revokeAccessRole(ctx, String(id));
      return true;
    },
  }),
);
