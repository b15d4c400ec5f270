// Revoking an account's access role (staff): the row stays, with revokedAt, as the record of what
// the account could reach and until when.
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { NotFoundError } from "../errors.ts";

export async function revokeAccessRole(ctx: Context, id: string): Promise<void> {
  await prisma().$transaction(async (tx) => {
    const role = await tx.accessRoleAssignment.findFirst({ where: { id, orgId: signedIn(ctx).orgId, revokedAt: null } });
    if (!role) throw new NotFoundError({ ja: "アクセス権", en: "access role" });
    await tx.accessRoleAssignment.update({ where: { id: role.id }, data: { revokedAt: new Date() } });
    await audit(ctx, { action: "update", entity: "AccessRoleAssignment", entityId: role.id, details: { revoked: true } }, tx);
  });
}
