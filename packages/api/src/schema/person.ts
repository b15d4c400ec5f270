// person — a volunteer or member, with DOMAIN.md's privacy tiers at field level:
//  - name (表示名, or the legal name when no nickname): staff, the person themself, and accounts
//    whose role reaches one of the person's groups — except a child's name, which only staff and
//    the coordinators of the child's current school see;
//  - legal name and kana behind a nickname, 当事者/family status: staff only.
// A field the viewer may not see is null with a FORBIDDEN error.
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";

export const NetworkStatusEnum = builder.enumType("NetworkStatus", {
  values: ["FORMER_TOJISHA", "FAMILY", "SUPPORTER"] as const,
});

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

const visibilitySelect = {
  id: true,
  displayName: true,
  memberships: { select: { groupId: true } },
  childVolunteer: { select: { id: true, schoolId: true } },
} as const;

builder.prismaObject("Person", {
  description: "A volunteer or member (not a juvenile participant: those are codes only)",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.string({
      nullable: true,
      description: "表示名: the nickname if the person uses one, else the legal name",
      select: { ...visibilitySelect, legalName: true },
      authScopes: (person, _args, ctx) => personVisibility(ctx, person).name,
      resolve: (person) => person.displayName ?? person.legalName,
    }),
    legalName: t.string({
      nullable: true,
      select: { ...visibilitySelect, legalName: true },
      authScopes: (person, _args, ctx) => personVisibility(ctx, person).legalName,
      resolve: (person) => person.legalName,
    }),
    legalNameKana: t.string({
      nullable: true,
      description: "ふりがな (hiragana), for 五十音 order",
      select: { ...visibilitySelect, legalNameKana: true },
      authScopes: (person, _args, ctx) => personVisibility(ctx, person).legalName,
      resolve: (person) => person.legalNameKana,
    }),
    usesNickname: t.boolean({ select: { displayName: true }, resolve: (p) => p.displayName !== null }),
    networkStatus: t.field({
      type: NetworkStatusEnum,
      nullable: true,
      description: "当事者・家族 status: staff only",
      authScopes: { staff: true },
      select: { networkStatus: true },
      resolve: (person) => person.networkStatus,
    }),
  }),
});
