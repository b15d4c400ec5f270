// Invitations (docs/domain.md: staff invite a school coordinator or subcommittee member to a scope).
// The account is created with its access role at once; the link's token (hashed in Better Auth's
// verification table, valid 7 days) lets the invitee set a password. Mail goes through the outbox.
import { createHash, randomBytes } from "node:crypto";

import { hashPassword } from "better-auth/crypto";

import type { AccessRole } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { enqueueMail } from "../auth/mail.ts";
import { signedIn, type Context } from "../context.ts";
import { readApiEnv } from "../env.ts";
import { ConflictError, fieldIssue, InvalidInputError, NotFoundError, type Bilingual } from "../errors.ts";

const INVITATION_DAYS = 7;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Which kind of scope each access role takes (the database checks the shape, this the kind). */
const scopeRule: Record<AccessRole, { group?: string[]; programmeTier?: string } | null> = {
  STAFF: null,
  SCHOOL_COORDINATOR: { group: ["school-committee"] },
  SUBCOMMITTEE_MEMBER: { group: ["subcommittee"] },
  SALON_LEADER: { group: ["salon", "multigen-cafe", "kyosei-salon", "dementia-cafe"] },
  INSTITUTION_LIAISON: { programmeTier: "JUVENILE" },
};

export interface InviteInput {
  email: string;
  name: string;
  role: AccessRole;
  groupId: string | null;
  programmeId: string | null;
  personId: string | null;
}

async function checkScope(orgId: string, input: InviteInput): Promise<void> {
  const rule = scopeRule[input.role];
  const bad = (path: string, text: Bilingual) => new InvalidInputError([fieldIssue(path, text)]);
  if (!rule) {
    if (input.groupId || input.programmeId)
      throw bad("input.groupId", { ja: "職員には団体・事業を指定しません。", en: "Staff accounts take no group or programme." });
    return;
  }
  if (rule.group) {
    const group = input.groupId
      ? await prisma().group.findFirst({ where: { id: input.groupId, orgId }, select: { kind: { select: { code: true } } } })
      : null;
    if (!group || !rule.group.includes(group.kind.code)) {
      throw bad("input.groupId", { ja: "この役割に合う団体を指定してください。", en: "Give a group of the kind this role is for." });
    }
    if (input.programmeId) throw bad("input.programmeId", { ja: "事業は指定しません。", en: "This role takes no programme." });
    return;
  }
  const programme = input.programmeId
    ? await prisma().programme.findFirst({ where: { id: input.programmeId, orgId }, select: { privacyTier: true } })
    : null;
  if (!programme || programme.privacyTier !== rule.programmeTier || input.groupId) {
    throw bad("input.programmeId", { ja: "少年院ボランティアの事業を指定してください。", en: "Give the juvenile programme." });
  }
}

export async function inviteAccount(ctx: Context, input: InviteInput): Promise<{ userId: string; email: string; expiresAt: Date }> {
  const viewer = signedIn(ctx);
  const email = input.email.trim().toLowerCase();
  await checkScope(viewer.orgId, input);
  if (input.personId && !(await prisma().person.findFirst({ where: { id: input.personId, orgId: viewer.orgId } }))) {
    throw new NotFoundError({ ja: "人", en: "person" });
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  const { publicUrl } = readApiEnv();
  return prisma().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email } });
    if (existing && existing.orgId !== viewer.orgId) {
      throw new ConflictError({ ja: "このメールアドレスは使用できません。", en: "This e-mail address cannot be used." });
    }
    const user =
      existing ??
      (await tx.user.create({
        data: { id: crypto.randomUUID(), email, name: input.name.trim(), orgId: viewer.orgId, personId: input.personId },
      }));
    await tx.accessRoleAssignment.create({
      data: {
        orgId: viewer.orgId,
        userId: user.id,
        role: input.role,
        groupId: input.groupId,
        programmeId: input.programmeId,
        grantedById: viewer.userId,
      },
    });
    await tx.verification.create({
      data: { id: crypto.randomUUID(), identifier: `invitation:${user.id}`, value: hashToken(token), expiresAt },
    });
    const link = `${publicUrl}/invite/accept?token=${token}`;
    await enqueueMail(
      {
        orgId: viewer.orgId,
        to: email,
        subject: "【ツナグ】ご招待 / You are invited to Tsunagu",
        text: `${input.name} 様\n\nツナグへ招待されました。次のリンクからパスワードを設定してください（${INVITATION_DAYS}日間有効）。\n${link}\n\nYou have been invited to Tsunagu. Set your password with this link (valid for ${INVITATION_DAYS} days):\n${link}\n`,
      },
      tx,
    );
    await audit(
      ctx,
      {
        action: "create",
        entity: "Invitation",
        entityId: user.id,
        details: { email, role: input.role, groupId: input.groupId, programmeId: input.programmeId },
      },
      tx,
    );
    return { userId: user.id, email, expiresAt };
  });
}

export async function acceptInvitation(ctx: Context, token: string, password: string): Promise<void> {
  const invalid = new InvalidInputError([
    fieldIssue("token", { ja: "招待リンクが無効か期限切れです。", en: "The invitation link is invalid or has expired." }),
  ]);
  const verification = await prisma().verification.findFirst({
    where: { value: hashToken(token), identifier: { startsWith: "invitation:" } },
  });
  if (!verification || verification.expiresAt < new Date()) throw invalid;
  const userId = verification.identifier.slice("invitation:".length);
  const hash = await hashPassword(password);
  await prisma().$transaction(async (tx) => {
    const credential = await tx.account.findFirst({ where: { userId, providerId: "credential" } });
    if (credential) await tx.account.update({ where: { id: credential.id }, data: { password: hash } });
    else
      await tx.account.create({ data: { id: crypto.randomUUID(), userId, accountId: userId, providerId: "credential", password: hash } });
    const user = await tx.user.update({ where: { id: userId }, data: { emailVerified: true } });
    await tx.verification.deleteMany({ where: { identifier: verification.identifier } });
    await tx.auditEvent.create({
      data: {
        orgId: user.orgId,
        actorId: userId,
        action: "update",
        entity: "Invitation",
        entityId: userId,
        requestId: ctx.requestId,
        details: { accepted: true },
      },
    });
  });
}
