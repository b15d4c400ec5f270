// Granting and revoking an account's access roles (staff). A role is scoped (scope.ts) and held at
// most once at a time; revoking keeps the row, with revokedAt, as the record of what the account
// could reach and until when. The viewer is read from the active roles (auth/viewer.ts) and cached
// for a few seconds per session; each change here, once committed, forgets the holder's cached
// viewers, so a revoked role stops working on the account's very next request to this instance, in
// every session (another instance: within VIEWER_CACHE_TTL_MS, docs/api.md). Staff cannot revoke
// their own last staff role (an organisation keeps its staff). The
// holder hears of each change by mail (notify.ts); every change is audited.
import { isUniqueViolation, type AccessRoleAssignment, type Prisma } from "@tsunagu/db";

import { audit } from "../audit/audit.ts";
import { inAccessChange } from "../auth/access-change.ts";
import { signedIn, type Context } from "../context.ts";
import { ConflictError, NotFoundError } from "../errors.ts";
import { mailAccessChanged } from "./notify.ts";
import { checkScope, type RoleScope } from "./scope.ts";

const heldAlready = () =>
  new ConflictError({ ja: "このアカウントは既にこの役割を持っています。", en: "This account holds this role already." });

interface Holder {
  id: string;
  orgId: string;
  email: string;
  name: string;
}

/** Adds a scoped role to an account of the viewer's organisation, in `tx`: checked, audited, and (unless told not to) mailed. */
export async function addAccessRole(
  ctx: Context,
  tx: Prisma.TransactionClient,
  holder: Holder,
  scope: RoleScope,
  options: { notify: boolean; prefix?: string },
): Promise<AccessRoleAssignment> {
  const viewer = signedIn(ctx);
  await checkScope(tx, viewer.orgId, scope, options.prefix);
  const duplicate = await tx.accessRoleAssignment.findFirst({
    where: { userId: holder.id, role: scope.role, groupId: scope.groupId, programmeId: scope.programmeId, revokedAt: null },
    select: { id: true },
  });
  if (duplicate) throw heldAlready();
  // two grants at once both pass the check above: the index refuses the second
  const role = await tx.accessRoleAssignment
    .create({
      data: {
        orgId: viewer.orgId,
        userId: holder.id,
        role: scope.role,
        groupId: scope.groupId,
        programmeId: scope.programmeId,
        grantedById: viewer.userId,
      },
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err, { name: "AccessRoleAssignment_held_once" }) ? heldAlready() : err;
    });
  await audit(
    ctx,
    {
      action: "create",
      entity: "AccessRoleAssignment",
      entityId: role.id,
      details: { userId: holder.id, role: scope.role, groupId: scope.groupId, programmeId: scope.programmeId },
    },
    tx,
  );
  if (options.notify) await mailAccessChanged(tx, holder, "granted", scope.role);
  return role;
}

async function holderOf(tx: Prisma.TransactionClient, orgId: string, userId: string): Promise<Holder> {
  const user = await tx.user.findFirst({ where: { id: userId, orgId }, select: { id: true, orgId: true, email: true, name: true } });
  if (!user) throw new NotFoundError({ ja: "アカウント", en: "account" });
  return user;
}

/** Grants an existing account of the organisation a scoped role. */
export async function grantAccessRole(ctx: Context, input: RoleScope & { userId: string }): Promise<AccessRoleAssignment> {
  const viewer = signedIn(ctx);
  return inAccessChange(ctx, async (tx, changed) => {
    const holder = await holderOf(tx, viewer.orgId, input.userId);
    const added = await addAccessRole(ctx, tx, holder, input, { notify: true });
    await changed([holder.id]);
    return added;
  });
}

/** Ends an active role in `tx` (audited, mailed); refuses the viewer's own last staff role. */
export async function endAccessRole(ctx: Context, tx: Prisma.TransactionClient, id: string, details: Prisma.InputJsonObject = {}) {
  const viewer = signedIn(ctx);
  const role = await tx.accessRoleAssignment.findFirst({
    where: { id, orgId: viewer.orgId, revokedAt: null },
    include: { user: { select: { id: true, orgId: true, email: true, name: true } } },
  });
  if (!role) throw new NotFoundError({ ja: "アクセス権", en: "access role" });
  if (role.role === "STAFF" && role.userId === viewer.userId) {
    const staffRoles = await tx.accessRoleAssignment.count({ where: { userId: viewer.userId, role: "STAFF", revokedAt: null } });
    if (staffRoles <= 1) {
      throw new ConflictError({
        ja: "ご自身の最後の職員権限は取り消せません（職員のいない組織にはできません）。別の職員に依頼してください。",
        en: "You cannot revoke your own last staff role (an organisation keeps its staff): ask another staff member.",
      });
    }
  }
  const ended = await tx.accessRoleAssignment.update({ where: { id: role.id }, data: { revokedAt: new Date() } });
  await audit(
    ctx,
    { action: "update", entity: "AccessRoleAssignment", entityId: role.id, details: { revoked: true, userId: role.userId, ...details } },
    tx,
  );
  await mailAccessChanged(tx, role.user, "revoked", role.role);
  return ended;
}

export async function revokeAccessRole(ctx: Context, id: string): Promise<AccessRoleAssignment> {
  return inAccessChange(ctx, async (tx, changed) => {
    const ended = await endAccessRole(ctx, tx, id);
    await changed([ended.userId]);
    return ended;
  });
}
