// What of a person the viewer may see (docs/domain.md's privacy tiers, at field level):
//  - name (表示名, or the legal name when no nickname): staff, the person themself, and accounts
//    whose role reaches one of the person's groups — except a child's name, which only staff and
//    the coordinators of the child's current school see;
//  - legal name and kana behind a nickname, 当事者/family status: staff only.
import type { Context } from "../context.ts";

/** What of a person the viewer may see; the person's group ids come with the roster query. */
export interface PersonVisibilityInput {
  id: string;
  displayName: string | null;
  memberships: Array<{ groupId: string }>;
  childVolunteer: { id: string; schoolId: string } | null;
}

export function personVisibility(ctx: Context, person: PersonVisibilityInput) {
  const viewer = ctx.viewer;
  if (!viewer) return { name: false, legalName: false, sensitive: false };
  if (viewer.isStaff) return { name: true, legalName: true, sensitive: true };
  const self = viewer.personId === person.id;
  const groups = new Set(person.memberships.map((m) => m.groupId));
  const reach = (ids: string[]) => ids.some((id) => groups.has(id));
  // a child is seen only by the coordinators of the child's school (not a former school's)
  const name = person.childVolunteer
    ? self || viewer.coordinatedSchoolIds.includes(person.childVolunteer.schoolId)
    : self || reach([...viewer.schoolGroupIds, ...viewer.subcommitteeIds, ...viewer.salonIds]);
  return { name, legalName: name && (self || person.displayName === null), sensitive: false };
}

/** The columns personVisibility reads. */
export const personVisibilitySelect = {
  id: true,
  displayName: true,
  memberships: { select: { groupId: true } },
  childVolunteer: { select: { id: true, schoolId: true } },
} as const;
