// 担当の引き継ぎ: in April a school's coordinator role passes from one teacher to the next in one
// step — the old teacher's role ends and the new one's begins, in one transaction. The new teacher
// is an account of the organisation, or an e-mail address: an existing account's role is granted
// (its holder is mailed), otherwise an account is created and an invitation sent.
import type { AccessRoleAssignment } from "@tsunagu/db";

import { inAccessChange } from "../auth/access-change.ts";
import { signedIn, type Context } from "../context.ts";
import { fieldIssue, InvalidInputError, NotFoundError } from "../errors.ts";
import { addAccessRole, endAccessRole } from "./access-role.ts";
import { inviteeFor, sendInvitation, type InvitationView } from "./invitation.ts";

export interface HandOverInput {
  /** the old teacher's active SCHOOL_COORDINATOR role */
  fromRoleId: string;
  /** the new teacher's account, or … */
  toUserId: string | null;
  /** … their e-mail address and name (an account is found by the address, or invited) */
  toEmail: string | null;
  toName: string | null;
}

export async function handOverCoordinatorRole(
  ctx: Context,
  input: HandOverInput,
): Promise<{ ended: AccessRoleAssignment; started: AccessRoleAssignment; invitation: InvitationView | null }> {
  const viewer = signedIn(ctx);
  return inAccessChange(ctx, async (tx, changed) => {
    const from = await tx.accessRoleAssignment.findFirst({
      where: { id: input.fromRoleId, orgId: viewer.orgId, revokedAt: null, role: "SCHOOL_COORDINATOR" },
    });
    if (!from) throw new NotFoundError({ ja: "学校の担当の役割", en: "school coordinator role" });
    const scope = { role: "SCHOOL_COORDINATOR" as const, groupId: from.groupId, programmeId: null };
    let invitation: InvitationView | null = null;
    let started: AccessRoleAssignment;
    const email = input.toEmail?.trim().toLowerCase() ?? null;
    const existing = input.toUserId
      ? await tx.user.findFirst({
          where: { id: input.toUserId, orgId: viewer.orgId },
          select: { id: true, orgId: true, email: true, name: true },
        })
      : email
        ? await tx.user.findFirst({ where: { email, orgId: viewer.orgId }, select: { id: true, orgId: true, email: true, name: true } })
        : null;
    if (input.toUserId && !existing) throw new NotFoundError({ ja: "アカウント", en: "account" });
    if (existing?.id === from.userId) {
      throw new InvalidInputError([
        fieldIssue(input.toUserId ? "input.toUserId" : "input.toEmail", {
          ja: "引き継ぐ先は別の方を指定してください。",
          en: "Hand the role over to someone else.",
        }),
      ]);
    }
    const ended = await endAccessRole(ctx, tx, from.id, { handedOver: true });
    if (existing) {
      started = await addAccessRole(ctx, tx, existing, scope, { notify: true });
    } else {
      if (!email || !input.toName?.trim()) {
        throw new InvalidInputError([
          fieldIssue("input.toEmail", {
            ja: "引き継ぐ先のアカウント、またはメールアドレスと氏名を指定してください。",
            en: "Give the new teacher's account, or their e-mail address and name.",
          }),
        ]);
      }
      const invitee = await inviteeFor(tx, viewer.orgId, { email, name: input.toName });
      started = await addAccessRole(ctx, tx, invitee, scope, { notify: false });
      invitation = await sendInvitation(ctx, tx, invitee);
    }
    await changed([ended.userId, started.userId]);
    return { ended, started, invitation };
  });
}
