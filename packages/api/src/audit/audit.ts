// The audit trail (docs/domain.md): every change, and every read of a tier-restricted record by an
// account that is not staff, leaves an append-only AuditEvent.
import type { Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import type { Context } from "../context.ts";

export interface AuditEntry {
  action: "read" | "create" | "update" | "delete" | "approve" | "reject" | "import" | "export" | "sign-in";
  entity: string;
  entityId?: string | null;
  details?: Prisma.InputJsonValue;
}

/** Writes an audit entry, inside the caller's transaction when one is given. */
export async function audit(ctx: Context, entry: AuditEntry, tx?: Prisma.TransactionClient): Promise<void> {
  const viewer = ctx.viewer;
  if (!viewer) return;
  await (tx ?? prisma()).auditEvent.create({
    data: {
      orgId: viewer.orgId,
      actorId: viewer.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      requestId: ctx.requestId,
      details: entry.details ?? undefined,
    },
  });
}

/** Audits a read of tier-restricted records, unless the viewer is staff. */
export async function auditRestrictedRead(ctx: Context, entity: string, entityIds: string[]): Promise<void> {
  if (!ctx.viewer || ctx.viewer.isStaff || entityIds.length === 0) return;
  await audit(ctx, { action: "read", entity, entityId: entityIds.length === 1 ? entityIds[0] : null, details: { ids: entityIds } });
}
