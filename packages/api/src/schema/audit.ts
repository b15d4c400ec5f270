// audit — the append-only audit trail, for staff: who read or changed what, when, in which request.
import { prisma } from "@tsunagu/db/client";

import { builder } from "../builder.ts";

builder.prismaObject("AuditEvent", {
  fields: (t) => ({
    id: t.id({ resolve: (e) => String(e.id) }),
    actorId: t.exposeString("actorId", { nullable: true }),
    action: t.exposeString("action"),
    entity: t.exposeString("entity"),
    entityId: t.exposeString("entityId", { nullable: true }),
    requestId: t.exposeString("requestId", { nullable: true }),
    details: t.string({ nullable: true, resolve: (e) => (e.details === null ? null : JSON.stringify(e.details)) }),
    at: t.expose("at", { type: "DateTime" }),
  }),
});

builder.queryField("auditEvents", (t) =>
  t.prismaConnection({
    type: "AuditEvent",
    cursor: "id",
    description: "The organisation's audit trail, newest first (staff only)",
    authScopes: { staff: true },
    args: {
      entity: t.arg.string(),
      entityId: t.arg.string(),
      actorId: t.arg.string(),
      action: t.arg.string(),
    },
    resolve: (query, _root, args, ctx) =>
      prisma().auditEvent.findMany({
        ...query,
        where: {
          orgId: ctx.viewer!.orgId,
          ...(args.entity ? { entity: args.entity } : {}),
          ...(args.entityId ? { entityId: args.entityId } : {}),
          ...(args.actorId ? { actorId: args.actorId } : {}),
          ...(args.action ? { action: args.action } : {}),
        },
        orderBy: { id: "desc" },
      }),
  }),
);
