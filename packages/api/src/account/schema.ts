// account — the signed-in account (Better Auth's user) and its access roles; for staff, the
// organisation's accounts and invitations: invite with a scoped role, re-send or revoke an
// invitation, grant and revoke roles, and hand a school's coordinator role over (docs/api.md).
import { z } from "zod";

import type { AccessRoleAssignment } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { builder } from "../builder.ts";
import { signedIn, type Viewer } from "../context.ts";
import { mutationErrors } from "../error-types.ts";
import { MAX_PER_REQUEST } from "../request-checks.ts";
import { bilingual, uuidOf } from "../validation.ts";
import { grantAccessRole, revokeAccessRole } from "./access-role.ts";
import {
  accessRoleScopes,
  listAccounts,
  type AccessRoleScopes,
  type AccountRoleView,
  type AccountView,
  type RoleScopeOption,
} from "./accounts.ts";
import { viewerCapabilities, type ViewerCapabilities } from "./capabilities.ts";
import { handOverCoordinatorRole } from "./hand-over.ts";
import { acceptInvitation, inviteAccount, listInvitations, resendInvitation, revokeInvitation, type InvitationView } from "./invitation.ts";

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
    accounts: t.exposeBoolean("accounts", { description: "the accounts screen: accounts, invitations and access roles (staff)" }),
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

// ─── accounts (staff): invitations, roles and their scopes ───

const InvitationStateEnum = builder.enumType("InvitationState", {
  description: "送信済み (SENT), 承諾済み (ACCEPTED), 期限切れ (EXPIRED), 取消 (REVOKED)",
  values: ["SENT", "ACCEPTED", "EXPIRED", "REVOKED"] as const,
});

const InvitationRef = builder.objectRef<InvitationView>("Invitation").implement({
  description: "An invitation to set a password (staff): one row per invitation; a re-send replaces its token and expiry",
  fields: (t) => ({
    id: t.exposeID("id"),
    userId: t.exposeID("userId", { description: "the invited account" }),
    name: t.exposeString("name", { description: "the invited account's name" }),
    email: t.exposeString("email"),
    state: t.field({ type: InvitationStateEnum, resolve: (i) => i.state }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    sentAt: t.expose("sentAt", { type: "DateTime", description: "when the link last went out" }),
    sendCount: t.exposeInt("sendCount", { description: "how many times the link went out (1 + re-sends)" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    acceptedAt: t.expose("acceptedAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
  }),
});

const AccountRoleRef = builder.objectRef<AccountRoleView>("AccountRole").implement({
  description: "An active access role of an account, with its scope's name (none for staff)",
  fields: (t) => ({
    id: t.exposeID("id"),
    role: t.field({ type: AccessRoleEnum, resolve: (r) => r.role }),
    grantedAt: t.expose("grantedAt", { type: "DateTime" }),
    scopeId: t.exposeID("scopeId", { nullable: true, description: "the group, or the programme of an institution liaison" }),
    scopeName: t.exposeString("scopeName", { nullable: true }),
    scopeNameEn: t.exposeString("scopeNameEn", { nullable: true }),
  }),
});

const AccountRef = builder.objectRef<AccountView>("Account").implement({
  description: "An account of the organisation, as staff see it",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    email: t.exposeString("email"),
    lastSignInAt: t.expose("lastSignInAt", { type: "DateTime", nullable: true, description: "the last successful sign-in, if any" }),
    hasPassword: t.exposeBoolean("hasPassword", { description: "false until the invitation is accepted" }),
    roles: t.field({ type: [AccountRoleRef], resolve: (a) => a.roles }),
  }),
});

const AccessRoleAssignmentRef = builder.objectRef<AccessRoleAssignment>("AccessRoleAssignment").implement({
  description: "A scoped access role held by an account (granted, or ended at revokedAt)",
  fields: (t) => ({
    id: t.exposeID("id"),
    userId: t.exposeID("userId"),
    role: t.field({ type: AccessRoleEnum, resolve: (r) => r.role }),
    groupId: t.exposeID("groupId", { nullable: true }),
    programmeId: t.exposeID("programmeId", { nullable: true }),
    grantedAt: t.expose("grantedAt", { type: "DateTime" }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
  }),
});

const ScopeKindEnum = builder.enumType("AccessRoleScopeKind", { values: ["ORGANIZATION", "GROUP", "PROGRAMME"] as const });

const RoleScopeOptionRef = builder.objectRef<RoleScopeOption>("AccessRoleScopeOption").implement({
  fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name"), nameEn: t.exposeString("nameEn") }),
});

const AccessRoleScopesRef = builder.objectRef<AccessRoleScopes>("AccessRoleScopes").implement({
  description: "The scopes a role can be granted in: the organisation (staff), or one of the listed groups or programmes",
  fields: (t) => ({
    role: t.field({ type: AccessRoleEnum, resolve: (s) => s.role }),
    scopeKind: t.field({ type: ScopeKindEnum, resolve: (s) => s.scopeKind }),
    options: t.field({ type: [RoleScopeOptionRef], resolve: (s) => s.options }),
  }),
});

builder.queryFields((t) => ({
  accounts: t.field({
    type: [AccountRef],
    description: "The organisation's accounts with their active roles (staff)",
    authScopes: { staff: true },
    resolve: (_root, _args, ctx) => listAccounts(ctx),
  }),
  invitations: t.field({
    type: [InvitationRef],
    description: "The organisation's invitations, newest first, with their state (staff)",
    authScopes: { staff: true },
    resolve: (_root, _args, ctx) => listInvitations(ctx),
  }),
  accessRoleScopes: t.field({
    type: [AccessRoleScopesRef],
    description: "For each access role, the scopes it can be granted in (staff)",
    authScopes: { staff: true },
    resolve: (_root, _args, ctx) => accessRoleScopes(ctx),
  }),
}));

const groupIdField = {
  description: "the group of a coordinator, 部会 member or salon leader",
  validate: uuidOf({ ja: "団体", en: "group" }),
};
const programmeIdField = {
  description: "the juvenile programme of an institution liaison",
  validate: uuidOf({ ja: "事業", en: "programme" }),
};
const nameRule = z
  .string()
  .trim()
  .min(1, bilingual({ ja: "氏名を入力してください", en: "Enter a name" }))
  .max(100, bilingual({ ja: "氏名は100文字以内にしてください", en: "Keep the name to 100 characters" }));
const emailRule = z.email(bilingual({ ja: "メールアドレスの形式が正しくありません", en: "Not a valid e-mail address" }));

const InviteAccountInput = builder.inputType("InviteAccountInput", {
  fields: (t) => ({
    email: t.string({ required: true, validate: emailRule }),
    name: t.string({ required: true, validate: nameRule }),
    role: t.field({ type: AccessRoleEnum, required: true }),
    groupId: t.id(groupIdField),
    programmeId: t.id(programmeIdField),
    personId: t.id({ description: "the Person this account belongs to, if any", validate: uuidOf({ ja: "個人", en: "person" }) }),
  }),
});

builder.mutationField("inviteAccount", (t) =>
  t.field({
    type: InvitationRef,
    description: "Staff invite an account with a scoped role; the invitation link goes out by mail",
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

const invitationIdArg = { required: true, validate: uuidOf({ ja: "招待", en: "invitation" }) } as const;

builder.mutationField("resendInvitation", (t) =>
  t.field({
    type: InvitationRef,
    description: "A new link (new token, new expiry) for a pending or expired invitation; the old link stops working (staff)",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.id(invitationIdArg) },
    resolve: (_root, { id }, ctx) => resendInvitation(ctx, String(id)),
  }),
);

builder.mutationField("revokeInvitation", (t) =>
  t.field({
    type: InvitationRef,
    description: "The invitation's link stops working; the account's roles stay until revoked (staff)",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.id(invitationIdArg) },
    resolve: (_root, { id }, ctx) => revokeInvitation(ctx, String(id)),
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

const GrantAccessRoleInput = builder.inputType("GrantAccessRoleInput", {
  fields: (t) => ({
    userId: t.id({ required: true, validate: uuidOf({ ja: "アカウント", en: "account" }) }),
    role: t.field({ type: AccessRoleEnum, required: true }),
    groupId: t.id(groupIdField),
    programmeId: t.id(programmeIdField),
  }),
});

builder.mutationField("grantAccessRole", (t) =>
  t.field({
    type: AccessRoleAssignmentRef,
    description: "Grants an account of the organisation a scoped role; its holder is told by mail (staff)",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: GrantAccessRoleInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      grantAccessRole(ctx, {
        userId: String(input.userId),
        role: input.role,
        groupId: input.groupId ? String(input.groupId) : null,
        programmeId: input.programmeId ? String(input.programmeId) : null,
      }),
  }),
);

builder.mutationField("revokeAccessRole", (t) =>
  t.field({
    type: AccessRoleAssignmentRef,
    description: "Ends an access role at once (every session of the account); its holder is told by mail (staff)",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true, validate: uuidOf({ ja: "アクセス権", en: "access role" }) }) },
    resolve: (_root, { id }, ctx) => revokeAccessRole(ctx, String(id)),
  }),
);

const HandOverInput = builder.inputType("HandOverCoordinatorRoleInput", {
  description: "The old teacher's coordinator role, and the new teacher: an account, or an e-mail address and name",
  fields: (t) => ({
    fromRoleId: t.id({ required: true, validate: uuidOf({ ja: "学校の担当の役割", en: "school coordinator role" }) }),
    toUserId: t.id({ validate: uuidOf({ ja: "アカウント", en: "account" }) }),
    toEmail: t.string({ validate: emailRule }),
    toName: t.string({ validate: nameRule }),
  }),
});

const HandOverResultRef = builder
  .objectRef<{ ended: AccessRoleAssignment; started: AccessRoleAssignment; invitation: InvitationView | null }>("CoordinatorHandOver")
  .implement({
    fields: (t) => ({
      ended: t.field({ type: AccessRoleAssignmentRef, resolve: (r) => r.ended }),
      started: t.field({ type: AccessRoleAssignmentRef, resolve: (r) => r.started }),
      invitation: t.field({
        type: InvitationRef,
        nullable: true,
        description: "sent when the new teacher had no account",
        resolve: (r) => r.invitation,
      }),
    }),
  });

builder.mutationField("handOverCoordinatorRole", (t) =>
  t.field({
    type: HandOverResultRef,
    description: "担当の引き継ぎ: a school's coordinator role passes from one teacher to the next in one step (staff)",
    authScopes: { staff: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: HandOverInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      handOverCoordinatorRole(ctx, {
        fromRoleId: String(input.fromRoleId),
        toUserId: input.toUserId ? String(input.toUserId) : null,
        toEmail: input.toEmail ?? null,
        toName: input.toName ?? null,
      }),
  }),
);
