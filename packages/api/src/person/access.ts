// What of a person the viewer may see (docs/domain.md's privacy tiers, at field level):
//  - name (表示名, or the legal name when no nickname): staff, the person themself, and accounts
//    whose role reaches one of the person's groups — except a child's name, which only staff and
//    the coordinators of the child's current school see;
//  - legal name and kana behind a nickname, 当事者/family status: staff only;
//  - contact details (phone, e-mail, address): staff and the person themself only (personContacts);
//  - hours and milestones: beyond staff and the person, only those earned in the groups the viewer's
//    role reaches (personActivityReach).
// personVisibility checks one loaded person (field checks); personNameVisibleWhere and
// personLegalNameVisibleWhere are the same rule as Prisma filters (searches, lists):
// visibility.test.ts checks the two agree for every demo account and person.
// What may not be seen is not read: for a viewer other than staff the name fields select no legal
// name (personNameSelect); a legal name is read by personLegalName, of the people whose legal name
// the viewer may see only (legal-names.test.ts).
import DataLoader from "dataloader";

import type { Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import type { Context, Viewer } from "../context.ts";
import { scopedGroupIds } from "../organization/access.ts";

/** What of a person the viewer may see; the person's group ids come with the roster query. */
export interface PersonVisibilityInput {
  id: string;
  displayName: string | null;
  memberships: Array<{ groupId: string }>;
  childVolunteer: { id: string; schoolId: string } | null;
}

/** What of a person the viewer may see. */
export interface PersonSeen {
  readonly name: boolean;
  readonly legalName: boolean;
  readonly sensitive: boolean;
}

// the answers for no viewer and for staff, shared (asked once per person and field of a list)
const SEES_NOTHING: PersonSeen = Object.freeze({ name: false, legalName: false, sensitive: false });
const SEES_ALL: PersonSeen = Object.freeze({ name: true, legalName: true, sensitive: true });

export function personVisibility(ctx: Context, person: PersonVisibilityInput): PersonSeen {
  const viewer = ctx.viewer;
  if (!viewer) return SEES_NOTHING;
  if (viewer.isStaff) return SEES_ALL;
  const self = viewer.personId === person.id;
  const groups = new Set(person.memberships.map((m) => m.groupId));
  // a child is seen only by the coordinators of the child's school (not a former school's)
  const name = person.childVolunteer
    ? self || viewer.coordinatedSchoolIds.includes(person.childVolunteer.schoolId)
    : self || scopedGroupIds(viewer).some((id) => groups.has(id));
  return { name, legalName: name && (self || person.displayName === null), sensitive: false };
}

/** The columns personVisibility reads. */
export const personVisibilitySelect = {
  id: true,
  displayName: true,
  memberships: { select: { groupId: true } },
  childVolunteer: { select: { id: true, schoolId: true } },
} as const;

/**
 * Which of a person's activity (hours, milestones) the viewer sees counted, by the group it was
 * done in: staff and the person all of it; anyone else only what was done in the groups their role
 * reaches (a salon leader not the hours of a member's other salon).
 */
export function personActivityReach(viewer: Viewer, personId: string): (groupId: string | null | undefined) => boolean {
  if (viewer.isStaff || viewer.personId === personId) return () => true;
  const reach = new Set(scopedGroupIds(viewer));
  return (groupId) => groupId != null && reach.has(groupId);
}

/** The same rule as a filter on a person's milestone awards (by the log that earned each); null: all. */
export function personActivityReachWhere(viewer: Viewer | null): Prisma.MilestoneAwardWhereInput | null {
  if (!viewer) return { id: { in: [] } };
  if (viewer.isStaff) return null;
  const reached: Prisma.MilestoneAwardWhereInput = { activityLog: { groupId: { in: scopedGroupIds(viewer) } } };
  return viewer.personId ? { OR: [{ personId: viewer.personId }, reached] } : reached;
}

/** The people whose name personVisibility lets the viewer see, as a filter; null for staff (everyone). */
export function personNameVisibleWhere(viewer: Viewer): Prisma.PersonWhereInput | null {
  if (viewer.isStaff) return null;
  const visible: Prisma.PersonWhereInput = {
    OR: [
      { childVolunteer: { is: null }, memberships: { some: { groupId: { in: scopedGroupIds(viewer) } } } },
      { childVolunteer: { schoolId: { in: viewer.coordinatedSchoolIds } } },
    ],
  };
  return viewer.personId ? { OR: [{ id: viewer.personId }, visible] } : visible;
}

/** The people whose legal name and ふりがな personVisibility lets the viewer see, as a filter; null for staff. */
export function personLegalNameVisibleWhere(viewer: Viewer): Prisma.PersonWhereInput | null {
  const name = personNameVisibleWhere(viewer);
  if (!name) return null;
  const withoutNickname: Prisma.PersonWhereInput = { AND: [name, { displayName: null }] };
  return viewer.personId ? { OR: [{ id: viewer.personId }, withoutNickname] } : withoutNickname;
}

type LegalColumn = "legalName" | "legalNameKana";
export type PersonLegalName = Record<LegalColumn, string>;

/**
 * The columns a field showing `column` (name: the legal name; legalName; legalNameKana) selects:
 * with the column for staff; for anyone else only what personVisibility needs — whether the legal
 * name is visible differs from person to person, which one Prisma read cannot select by, so it is
 * read by personLegalName for the people whose legal name the viewer may see.
 */
export function personNameSelect(viewer: Viewer | null, column: LegalColumn) {
  return viewer?.isStaff ? { ...personVisibilitySelect, [column]: true } : personVisibilitySelect;
}

const legalNamesByRequest = new WeakMap<Context, DataLoader<string, PersonLegalName | null>>();

function legalNames(ctx: Context, viewer: Viewer): DataLoader<string, PersonLegalName | null> {
  let loader = legalNamesByRequest.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await prisma().person.findMany({
        where: { orgId: viewer.orgId, id: { in: [...ids] }, AND: [personLegalNameVisibleWhere(viewer) ?? {}] },
        select: { id: true, legalName: true, legalNameKana: true },
      });
      const byId = new Map(rows.map((r) => [r.id, { legalName: r.legalName, legalNameKana: r.legalNameKana }]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    legalNamesByRequest.set(ctx, loader);
  }
  return loader;
}

/**
 * A person's legal name or ふりがな if the viewer may see it, else null: from the row when it was
 * read with it (staff; a read that knew it visible) — then at once, not as a promise: a list's
 * every row answers it, and graphql-js completes a promise per field at a cost (the roster:
 * 100 rows) — else read, for all the people of the request at once, and only of those whose legal
 * name the viewer may see (personLegalNameVisibleWhere).
 */
export function personLegalName(
  ctx: Context,
  person: { id: string } & Partial<Record<LegalColumn, string>>,
  column: LegalColumn,
): string | null | Promise<string | null> {
  const inRow = person[column];
  if (inRow !== undefined) return inRow;
  if (!ctx.viewer) return null;
  return legalNames(ctx, ctx.viewer)
    .load(person.id)
    .then((names) => names?.[column] ?? null);
}

/** Hands personLegalName the legal names a read already brought (each of a person whose legal name the viewer may see). */
export function primePersonLegalNames(ctx: Context, rows: Array<{ id: string } & PersonLegalName>): void {
  if (!ctx.viewer) return;
  const loader = legalNames(ctx, ctx.viewer);
  for (const r of rows) loader.prime(r.id, { legalName: r.legalName, legalNameKana: r.legalNameKana });
}

/**
 * Whether the viewer may see a person's contact details (phone, e-mail, address; the person page,
 * a group's 連絡網): staff and the person themself. Deliberately narrower than the name: a group's
 * accounts (a salon leader, a coordinator, a 部会 member) do not get them — a child's contact is the
 * guardian's, on the child record; a network member's is staff's alone; and the only groups without
 * a tier rule (OPEN) are read by staff only (docs/domain.md, "Privacy tiers").
 */
export function personContacts(viewer: Viewer | null, personId: string): boolean {
  if (!viewer) return false;
  return viewer.isStaff || viewer.personId === personId;
}

/** Whether the viewer may print a group's 連絡網 (contacts of all its members): staff only, as personContacts. */
export function groupContactsVisible(viewer: Viewer | null): boolean {
  return Boolean(viewer?.isStaff);
}
