// audit — the append-only audit trail, for staff: who read or changed what, when, in which request.
import { prisma } from "@tsunagu/db/client";

import { builder } from "../builder.ts";
import { signedIn, type Context } from "../context.ts";

interface Actor {
  name: string;
  email: string;
}

const ActorRef = builder.objectRef<Actor>("AuditActor").implement({
  description: "The account that acted (the trail is read by staff of the same organisation only)",
  fields: (t) => ({ name: t.exposeString("name"), email: t.exposeString("email") }),
});

builder.prismaObject("AuditEvent", {
  fields: (t) => ({
    id: t.id({ resolve: (e) => String(e.id) }),
    actorId: t.exposeString("actorId", { nullable: true }),
    actor: t.loadable({
      type: ActorRef,
      nullable: true,
      description: "the account that acted: null for the system, or an account since deleted",
      // one statement for the page's actors; accounts of the viewer's organisation only
      load: async (ids: string[], ctx: Context) => {
        const users = await prisma().user.findMany({
          where: { id: { in: ids }, orgId: signedIn(ctx).orgId },
          select: { id: true, name: true, email: true },
        });
        const byId = new Map(users.map((u) => [u.id, u]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      resolve: (e) => e.actorId,
    }),
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
          orgId: signedIn(ctx).orgId,
          ...(args.entity ? { entity: args.entity } : {}),
          ...(args.entityId ? { entityId: args.entityId } : {}),
          ...(args.actorId ? { actorId: args.actorId } : {}),
          ...(args.action ? { action: args.action } : {}),
        },
        orderBy: { id: "desc" },
      }),
  }),
);
