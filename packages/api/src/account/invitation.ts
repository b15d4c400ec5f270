// Invitations (docs/domain.md: staff invite an account with a role and its scope). The account is
// created with its access role at once; the link's token (only its sha256 is stored, in the
// Invitation row, valid 7 days) lets the invitee set a password. Mail goes through the outbox.
// Staff re-send an invitation (a new token and expiry replace the old in the same row: the old
// link stops working) or revoke it (the link stops working; the account's roles stay until staff
// revoke them). Inviting an e-mail whose account has no password yet adds the role and sends a new
// invitation (revoking the one still pending); an account that has a password gets roles by grant.
import { createHash, randomBytes } from "node:crypto";

import { hashPassword } from "better-auth/crypto";

import type { AccessRole, Invitation, Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { inAccessChange } from "../auth/access-change.ts";
import { enqueueMail } from "../auth/mail.ts";
import { signedIn, type Context } from "../context.ts";
import { readApiEnv } from "../env.ts";
import { ConflictError, fieldIssue, InvalidInputError, NotFoundError } from "../errors.ts";
import { addAccessRole } from "./access-role.ts";

const INVITATION_DAYS = 7;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

type InvitationState = "SENT" | "ACCEPTED" | "EXPIRED" | "REVOKED";

/** An invitation as staff see it: its state (送信済み, 承諾済み, 期限切れ, 取消) and the invitee's name. */
export interface InvitationView extends Invitation {
  name: string;
  state: InvitationState;
}

function invitationState(row: Pick<Invitation, "acceptedAt" | "revokedAt" | "expiresAt">, now = new Date()): InvitationState {
  if (row.acceptedAt) return "ACCEPTED";
  if (row.revokedAt) return "REVOKED";
  return row.expiresAt <= now ? "EXPIRED" : "SENT";
}

const view = (row: Invitation & { user: { name: string } }): InvitationView => ({
  ...row,
  name: row.user.name,
  state: invitationState(row),
});

export interface InviteInput {
  email: string;
  name: string;
  role: AccessRole;
  groupId: string | null;
  programmeId: string | null;
  personId: string | null;
}

export interface Invitee {
  id: string;
  orgId: string;
  email: string;
  name: string;
}

/**
 * The account an invitation is for: an existing account of the organisation that has no password
 * yet, or a new one. An address in use by another organisation, or by an account that has a
 * password, is refused.
 */
export async function inviteeFor(
  tx: Prisma.TransactionClient,
  orgId: string,
  who: { email: string; name: string; personId?: string | null },
): Promise<Invitee> {
  const email = who.email.trim().toLowerCase();
  const existing = await tx.user.findUnique({
    where: { email },
    select: { id: true, orgId: true, email: true, name: true, accounts: { where: { providerId: "credential" }, select: { id: true } } },
  });
  if (existing && existing.orgId !== orgId) {
    throw new ConflictError({ ja: "このメールアドレスは使用できません。", en: "This e-mail address cannot be used." });
  }
  if (existing && existing.accounts.length > 0) {
    throw new ConflictError({
      ja: "このメールアドレスのアカウントは既にあります。役割はアカウント一覧から付与してください。",
      en: "An account with this e-mail address exists already: grant it the role from the list of accounts.",
    });
  }
  if (existing) return existing;
  if (who.personId && !(await tx.person.findFirst({ where: { id: who.personId, orgId } }))) {
    throw new NotFoundError({ ja: "人", en: "person" });
  }
  return tx.user.create({
    data: { id: crypto.randomUUID(), email, name: who.name.trim(), orgId, personId: who.personId ?? null },
    select: { id: true, orgId: true, email: true, name: true },
  });
}

function newToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000) };
}

async function mailInvitation(tx: Prisma.TransactionClient, to: Invitee, token: string): Promise<void> {
  const link = `${readApiEnv().publicUrl}/invite/accept?token=${token}`;
  await enqueueMail(
    {
      orgId: to.orgId,
      to: to.email,
      subject: "【ツナグ】ご招待 / You are invited to Tsunagu",
      text: `${to.name} 様\n\nツナグへ招待されました。次のリンクからパスワードを設定してください（${INVITATION_DAYS}日間有効）。\n${link}\n\nYou have been invited to Tsunagu. Set your password with this link (valid for ${INVITATION_DAYS} days):\n${link}\n`,
    },
    tx,
  );
}

/** Sends a new invitation to `invitee` (one still pending is revoked: one live link per account), audited. */
export async function sendInvitation(ctx: Context, tx: Prisma.TransactionClient, invitee: Invitee): Promise<InvitationView> {
  const viewer = signedIn(ctx);
  const now = new Date();
  await tx.invitation.updateMany({
    where: { userId: invitee.id, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const { token, tokenHash, expiresAt } = newToken();
  const row = await tx.invitation.create({
    data: { orgId: invitee.orgId, userId: invitee.id, email: invitee.email, tokenHash, expiresAt, invitedById: viewer.userId },
    include: { user: { select: { name: true } } },
  });
  await mailInvitation(tx, invitee, token);
  await audit(ctx, { action: "create", entity: "Invitation", entityId: row.id, details: { userId: invitee.id, email: invitee.email } }, tx);
  return view(row);
}

export async function inviteAccount(ctx: Context, input: InviteInput): Promise<InvitationView> {
  const viewer = signedIn(ctx);
  return inAccessChange(ctx, async (tx, changed) => {
    const invitee = await inviteeFor(tx, viewer.orgId, input);
    await addAccessRole(ctx, tx, invitee, input, { notify: false });
    const invitation = await sendInvitation(ctx, tx, invitee);
    await changed([invitee.id]);
    return invitation;
  });
}

async function findInvitation(tx: Prisma.TransactionClient, ctx: Context, id: string) {
  const row = await tx.invitation.findFirst({ where: { id, orgId: signedIn(ctx).orgId }, include: { user: { select: { name: true } } } });
  if (!row) throw new NotFoundError({ ja: "招待", en: "invitation" });
  const state = invitationState(row);
  if (state === "ACCEPTED") throw new ConflictError({ ja: "この招待は承諾済みです。", en: "This invitation has been accepted already." });
  if (state === "REVOKED")
    throw new ConflictError({
      ja: "この招待は取り消されています。もう一度招待してください。",
      en: "This invitation was revoked: invite the person again.",
    });
  return row;
}

/** A new token and a new expiry for a pending or expired invitation; the old link stops working. */
export async function resendInvitation(ctx: Context, id: string): Promise<InvitationView> {
  return prisma().$transaction(async (tx) => {
    const row = await findInvitation(tx, ctx, id);
    const { token, tokenHash, expiresAt } = newToken();
    const updated = await tx.invitation.update({
      where: { id: row.id },
      data: { tokenHash, expiresAt, sentAt: new Date(), sendCount: { increment: 1 } },
      include: { user: { select: { name: true } } },
    });
    await mailInvitation(tx, { id: row.userId, orgId: row.orgId, email: row.email, name: row.user.name }, token);
    await audit(
      ctx,
      { action: "update", entity: "Invitation", entityId: row.id, details: { resent: true, sendCount: updated.sendCount } },
      tx,
    );
    return view(updated);
  });
}

/** The link stops working; the account and its roles stay (staff revoke roles on their own). */
export async function revokeInvitation(ctx: Context, id: string): Promise<InvitationView> {
  return prisma().$transaction(async (tx) => {
    const row = await findInvitation(tx, ctx, id);
    const updated = await tx.invitation.update({
      where: { id: row.id },
      data: { revokedAt: new Date() },
      include: { user: { select: { name: true } } },
    });
    await audit(ctx, { action: "update", entity: "Invitation", entityId: row.id, details: { revoked: true } }, tx);
    return view(updated);
  });
}

/** The organisation's invitations, newest first. */
export async function listInvitations(ctx: Context): Promise<InvitationView[]> {
  const rows = await prisma().invitation.findMany({
    where: { orgId: signedIn(ctx).orgId },
    include: { user: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(view);
}

export async function acceptInvitation(ctx: Context, token: string, password: string): Promise<void> {
  const invalid = new InvalidInputError([
    fieldIssue("token", { ja: "招待リンクが無効か期限切れです。", en: "The invitation link is invalid or has expired." }),
  ]);
  const invitation = await prisma().invitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!invitation || invitationState(invitation) !== "SENT") throw invalid;
  const hash = await hashPassword(password);
  await prisma().$transaction(async (tx) => {
    // once: a second use of the link (or a revocation meanwhile) finds nothing to accept
    const accepted = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (accepted.count !== 1) throw invalid;
    const userId = invitation.userId;
    const credential = await tx.account.findFirst({ where: { userId, providerId: "credential" } });
    if (credential) await tx.account.update({ where: { id: credential.id }, data: { password: hash } });
    else
      await tx.account.create({ data: { id: crypto.randomUUID(), userId, accountId: userId, providerId: "credential", password: hash } });
    await tx.user.update({ where: { id: userId }, data: { emailVerified: true } });
    await tx.auditEvent.create({
      data: {
        orgId: invitation.orgId,
        actorId: userId,
        action: "update",
        entity: "Invitation",
        entityId: invitation.id,
        requestId: ctx.requestId,
        details: { accepted: true },
      },
    });
  });
}
