// What an audit row was about, in words: the target's name as the viewer may see it (a person's
// 表示名 by personVisibility, a group's name, an event's title, a juvenile participant only by code),
// or just its kind. Names are looked up for a whole page at once: one statement per kind.
import { prisma } from "@tsunagu/db/client";

import type { Context } from "../context.ts";
import { personVisibility, personVisibilitySelect } from "../person/access.ts";
import { isUuid } from "../validation.ts";

export interface AuditTarget {
  /** the entity kind, e.g. "Person" */
  kind: string;
  /** the target's name in words; null when the kind has no name, or the row is gone, or the viewer may not see it */
  name: string | null;
  /** the kind is one whose rows are named, and the row is no longer there (merged, cancelled, deleted) */
  deleted: boolean;
}

export interface AuditTargetKey {
  entity: string;
  entityId: string | null;
}

type Namer = (ctx: Context, orgId: string, ids: string[]) => Promise<Map<string, string | null>>;

const personSelect = { ...personVisibilitySelect, legalName: true } as const;

function personName(ctx: Context, person: Parameters<typeof personVisibility>[1] & { legalName: string }): string | null {
  return personVisibility(ctx, person).name ? (person.displayName ?? person.legalName) : null;
}

/** The kinds whose rows are named; a kind not here is shown by its kind alone. */
const NAMERS: Record<string, Namer> = {
  Person: async (ctx, orgId, ids) => {
    const rows = await prisma().person.findMany({ where: { orgId, id: { in: ids } }, select: personSelect });
    return new Map(rows.map((p) => [p.id, personName(ctx, p)]));
  },
  ChildVolunteer: async (ctx, orgId, ids) => {
    const rows = await prisma().childVolunteer.findMany({
      where: { orgId, id: { in: ids } },
      select: { id: true, person: { select: personSelect } },
    });
    return new Map(rows.map((c) => [c.id, personName(ctx, c.person)]));
  },
  Membership: async (ctx, orgId, ids) => {
    const rows = await prisma().membership.findMany({
      where: { orgId, id: { in: ids } },
      select: { id: true, person: { select: personSelect }, group: { select: { name: true } } },
    });
    return new Map(
      rows.map((m) => {
        const person = personName(ctx, m.person);
        return [m.id, person ? `${person}（${m.group.name}）` : m.group.name];
      }),
    );
  },
  Group: async (_ctx, orgId, ids) => {
    const rows = await prisma().group.findMany({ where: { orgId, id: { in: ids } }, select: { id: true, name: true } });
    return new Map(rows.map((g) => [g.id, g.name]));
  },
  Event: async (_ctx, orgId, ids) => {
    const rows = await prisma().event.findMany({ where: { orgId, id: { in: ids } }, select: { id: true, title: true } });
    return new Map(rows.map((e) => [e.id, e.title]));
  },
  // 少年法61条: a participant is its code, nothing more
  JuvenileParticipant: async (_ctx, orgId, ids) => {
    const rows = await prisma().juvenileParticipant.findMany({ where: { orgId, id: { in: ids } }, select: { id: true, code: true } });
    return new Map(rows.map((p) => [p.id, p.code]));
  },
};

/** The targets of `keys`, in order: one statement per named kind among them. */
export async function auditTargets(ctx: Context, orgId: string, keys: readonly AuditTargetKey[]): Promise<AuditTarget[]> {
  const idsByKind = new Map<string, { namer: Namer; ids: Set<string> }>();
  for (const { entity, entityId } of keys) {
    const namer = NAMERS[entity];
    if (!entityId || !namer || !isUuid(entityId)) continue;
    const kind = idsByKind.get(entity) ?? { namer, ids: new Set<string>() };
    kind.ids.add(entityId);
    idsByKind.set(entity, kind);
  }
  const names = new Map<string, Map<string, string | null>>();
  await Promise.all(
    [...idsByKind].map(async ([kind, { namer, ids }]) => {
      names.set(kind, await namer(ctx, orgId, [...ids]));
    }),
  );
  return keys.map(({ entity, entityId }) => {
    const found = entityId ? names.get(entity) : undefined;
    if (!found || !entityId) return { kind: entity, name: null, deleted: false };
    return found.has(entityId)
      ? { kind: entity, name: found.get(entityId) ?? null, deleted: false }
      : { kind: entity, name: null, deleted: true };
  });
}

/** A loader key for one row's target (the dataloader's keys are strings). */
export const targetKey = (e: AuditTargetKey) => JSON.stringify([e.entity, e.entityId]);
export const parseTargetKey = (key: string): AuditTargetKey => {
  const [entity, entityId] = JSON.parse(key) as [string, string | null];
  return { entity, entityId };
};
