// audit — the append-only audit trail, for staff: who read or changed what, when, in which request.
// Each row names its target in words (audit/targets.ts, one statement per kind for a page); the
// trail filters by Japan days, actor, action and target, and exports as CSV (audit/trail.ts).
import { z } from "zod";

import { prisma } from "@tsunagu/db/client";

import { builder, EXPENSIVE_FIELD } from "../builder.ts";
import { signedIn, type Context } from "../context.ts";
import { CsvFileRef } from "../roster/schema.ts";
import { bilingual } from "../validation.ts";
import { auditTargets, parseTargetKey, targetKey, type AuditTarget } from "./targets.ts";
import { AUDIT_ACTIONS, auditCsv, auditWhere, type AuditFilter } from "./trail.ts";

interface Actor {
  id: string;
  name: string;
  email: string;
}

const ActorRef = builder.objectRef<Actor>("AuditActor").implement({
  description: "The account that acted (the trail is read by staff of the same organisation only)",
  fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name"), email: t.exposeString("email") }),
});

const TargetRef = builder.objectRef<AuditTarget>("AuditTarget").implement({
  description: "What an audit row was about, in words",
  fields: (t) => ({
    kind: t.exposeString("kind", { description: "the entity kind, e.g. Person (the same as AuditEvent.entity)" }),
    name: t.exposeString("name", {
      nullable: true,
      description:
        "a person's 表示名, a group's name, an event's title, a child volunteer's name, a juvenile participant's code only (少年法61条), a membership as person（group）; null for other kinds, a deleted row or one without an id",
    }),
    deleted: t.exposeBoolean("deleted", { description: "the row is gone (merged, cancelled, deleted): show （削除済み） and the kind" }),
  }),
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
    target: t.loadable({
      type: TargetRef,
      description: "the target in words; the page's targets are named with one statement per entity kind",
      load: (keys: string[], ctx: Context) => auditTargets(ctx, signedIn(ctx).orgId, keys.map(parseTargetKey)),
      resolve: (e) => targetKey(e),
    }),
    requestId: t.exposeString("requestId", { nullable: true }),
    details: t.string({ nullable: true, resolve: (e) => (e.details === null ? null : JSON.stringify(e.details)) }),
    at: t.expose("at", { type: "DateTime" }),
  }),
});

const EARLIEST = new Date("2000-01-01T00:00:00Z");
const day = (what: { ja: string; en: string }) =>
  z
    .date()
    .refine((d) => d.getTime() >= EARLIEST.getTime(), {
      message: bilingual({ ja: `${what.ja}は2000年1月1日以降にしてください。`, en: `The ${what.en} must be on or after 2000-01-01.` }),
    })
    .nullish();

const filterSchema = z
  .looseObject({
    from: day({ ja: "開始日", en: "first day" }),
    to: day({ ja: "終了日", en: "last day" }),
    actorId: z
      .string()
      .max(100, bilingual({ ja: "操作したアカウントの指定が正しくありません。", en: "Not a valid account." }))
      .nullish(),
    action: z
      .enum(AUDIT_ACTIONS, {
        error: bilingual({
          ja: `操作は ${AUDIT_ACTIONS.join("・")} のいずれかです。`,
          en: `The action is one of ${AUDIT_ACTIONS.join(", ")}.`,
        }),
      })
      .nullish(),
    entity: z
      .string()
      .regex(/^[A-Z][A-Za-z]{0,49}$/, bilingual({ ja: "対象の種類が正しくありません。", en: "Not a valid entity kind." }))
      .nullish(),
    entityId: z
      .string()
      .max(100, bilingual({ ja: "対象IDが長すぎます。", en: "The target id is too long." }))
      .nullish(),
  })
  .refine((a) => !a.from || !a.to || a.from.getTime() <= a.to.getTime(), {
    path: ["to"],
    message: bilingual({ ja: "終了日は開始日以降にしてください。", en: "The last day must be on or after the first day." }),
  });

interface FilterArgs {
  from?: Date | null;
  to?: Date | null;
  actorId?: string | null;
  action?: string | null;
  entity?: string | null;
  entityId?: string | null;
}

const auditFilter = (a: FilterArgs): AuditFilter => ({
  from: a.from ?? null,
  to: a.to ?? null,
  actorId: a.actorId || null,
  action: a.action || null,
  entity: a.entity || null,
  entityId: a.entityId || null,
});

builder.queryFields((t) => {
  const filterArgs = () => ({
    from: t.arg({ type: "Date", description: "first day (in Japan), inclusive" }),
    to: t.arg({ type: "Date", description: "last day (in Japan), inclusive" }),
    actorId: t.arg.string({ description: "the acting account (AuditActor.id)" }),
    action: t.arg.string({ description: `one of ${AUDIT_ACTIONS.join(", ")}` }),
    entity: t.arg.string({ description: "the target's kind, e.g. Person" }),
    entityId: t.arg.string({ description: "the target's id (e.g. a person's: この人の記録)" }),
  });
  return {
    auditEvents: t.prismaConnection({
      type: "AuditEvent",
      cursor: "id",
      description: "The organisation's audit trail, newest first (staff only)",
      authScopes: { staff: true },
      args: filterArgs(),
      validate: filterSchema,
      resolve: (query, _root, args, ctx) =>
        prisma().auditEvent.findMany({ ...query, where: auditWhere(signedIn(ctx).orgId, auditFilter(args)), orderBy: { id: "desc" } }),
    }),
    auditEventsCsv: t.field({
      type: CsvFileRef,
      nullable: true,
      description:
        "監査ログ CSV (staff): the same filters as auditEvents, every row (at most 20,000) with its target in words; UTF-8 with a BOM, Japanese headers; audited as an export",
      authScopes: { staff: true },
      complexity: EXPENSIVE_FIELD,
      args: filterArgs(),
      validate: filterSchema,
      resolve: (_root, args, ctx) => auditCsv(ctx, auditFilter(args)),
    }),
    auditActors: t.field({
      type: [ActorRef],
      nullable: true,
      description: "The organisation's accounts, by name: the choices of the trail's actor filter (staff only)",
      authScopes: { staff: true },
      resolve: (_root, _args, ctx) =>
        prisma().user.findMany({
          where: { orgId: signedIn(ctx).orgId },
          select: { id: true, name: true, email: true },
          orderBy: [{ name: "asc" }, { id: "asc" }],
        }),
    }),
  };
});
