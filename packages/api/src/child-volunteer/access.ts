// Who may see and manage 子ども福祉委員 (docs/domain.md, privacy tier CHILD): staff of the organisation,
// and the coordinators (SCHOOL_COORDINATOR) of the child's school group. A child belongs to a
// school; a coordinator reaches the children of the schools of their school groups.
import DataLoader from "dataloader";

import type { SchoolKind } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { auditRestrictedRead } from "../audit/audit.ts";
import { memo, type Context, type Viewer } from "../context.ts";
import { isUuid } from "../validation.ts";

export interface SchoolGroup {
  id: string;
  orgId: string;
  name: string;
  areaId: string | null;
  schoolId: string;
  schoolName: string;
  schoolKind: SchoolKind;
}

/** A 子ども福祉委員 group of a school (CHILD tier, with a school), once per request; null if not one. */
function schoolGroup(ctx: Context, groupId: string): Promise<SchoolGroup | null> {
  if (!isUuid(groupId)) return Promise.resolve(null);
  return memo(ctx, `child-volunteer:school-group:${groupId}`, async () => {
    const g = await prisma().group.findUnique({
      where: { id: groupId },
      select: {
        id: true,
        orgId: true,
        name: true,
        areaId: true,
        programme: { select: { privacyTier: true } },
        school: { select: { id: true, name: true, kind: true } },
      },
    });
    if (!g || !g.school || g.programme.privacyTier !== "CHILD") return null;
    return {
      id: g.id,
      orgId: g.orgId,
      name: g.name,
      areaId: g.areaId,
      schoolId: g.school.id,
      schoolName: g.school.name,
      schoolKind: g.school.kind,
    };
  });
}

/**
 * The school group if the viewer may see and manage its children (staff of its organisation, or
 * one of its coordinators); null otherwise — a salon's or 部会's id is not a school group.
 */
export async function managedSchoolGroup(ctx: Context, groupId: string): Promise<SchoolGroup | null> {
  if (!ctx.viewer) return null;
  const group = await schoolGroup(ctx, groupId);
  if (!group) return null;
  return managesSchoolGroup(ctx.viewer, { ...group, programme: { privacyTier: "CHILD" } }) ? group : null;
}

/** The columns managesSchoolGroup reads, as a Prisma (and Pothos field) selection. */
export const managesSchoolGroupSelect = { id: true, orgId: true, schoolId: true, programme: { select: { privacyTier: true } } } as const;

/** The rule of managedSchoolGroup for a group already loaded (no SQL): Group.viewerCanManageChildVolunteers. */
export function managesSchoolGroup(
  viewer: Viewer | null,
  group: { id: string; orgId: string; schoolId: string | null; programme: { privacyTier: string } },
): boolean {
  if (!viewer || group.orgId !== viewer.orgId || group.schoolId === null || group.programme.privacyTier !== "CHILD") return false;
  return viewer.isStaff || viewer.schoolGroupIds.includes(group.id);
}

/**
 * The schools whose children a non-staff viewer reaches through their school groups (of the
 * viewer's organisation, of the CHILD tier, with a school): each group read once per request by
 * schoolGroup, so a list of one school's children, whose group was read to check the viewer, costs
 * no statement more for a coordinator of that school alone.
 */
function coordinatedSchoolIds(ctx: Context): Promise<Set<string>> {
  const viewer = ctx.viewer;
  if (!viewer || viewer.schoolGroupIds.length === 0) return Promise.resolve(new Set());
  return memo(ctx, "child-volunteer:coordinated-schools", async () => {
    const groups = await Promise.all(viewer.schoolGroupIds.map((id) => schoolGroup(ctx, id)));
    return new Set(groups.flatMap((g) => (g && g.orgId === viewer.orgId ? [g.schoolId] : [])));
  });
}

/** Whether the viewer may see this child (name, grade, guardian, consents). */
export async function canSeeChild(ctx: Context, child: { orgId: string; schoolId: string }): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer || child.orgId !== viewer.orgId) return false;
  if (viewer.isStaff) return true;
  return (await coordinatedSchoolIds(ctx)).has(child.schoolId);
}

/** Children the viewer was allowed to read in a request, so their consents need no second look-up. */
const seenByRequest = new WeakMap<Context, Set<string>>();

function seenChildren(ctx: Context): Set<string> {
  let seen = seenByRequest.get(ctx);
  if (!seen) {
    seen = new Set();
    seenByRequest.set(ctx, seen);
  }
  return seen;
}

/**
 * Records that the viewer read a child's record (call it after canSeeChild allowed it): every read
 * by a non-staff account is audited.
 * Reads of one request are batched into one audit entry (one INSERT, however long the roster).
 */
export async function auditChildRead(ctx: Context, childVolunteerId: string): Promise<void> {
  seenChildren(ctx).add(childVolunteerId);
  if (!ctx.viewer || ctx.viewer.isStaff) return;
  const loader = await memo(ctx, "child-volunteer:read-audit", () =>
    Promise.resolve(
      new DataLoader<string, true>(async (ids) => {
        await auditRestrictedRead(ctx, "ChildVolunteer", [...ids]);
        return ids.map(() => true as const);
      }),
    ),
  );
  await loader.load(childVolunteerId);
}

/** Whether the viewer may see a consent: they may see its child. */
export async function canSeeConsentOf(ctx: Context, consent: { orgId: string; childVolunteerId: string }): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer || consent.orgId !== viewer.orgId) return false;
  if (viewer.isStaff || seenChildren(ctx).has(consent.childVolunteerId)) return true;
  const loader = await memo(ctx, "child-volunteer:school-of", () =>
    Promise.resolve(
      new DataLoader<string, string | null>(async (ids) => {
        const rows = await prisma().childVolunteer.findMany({
          where: { orgId: viewer.orgId, id: { in: [...ids] } },
          select: { id: true, schoolId: true },
        });
        const byId = new Map(rows.map((r) => [r.id, r.schoolId]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    ),
  );
  const schoolId = await loader.load(consent.childVolunteerId);
  return schoolId !== null && (await coordinatedSchoolIds(ctx)).has(schoolId);
}

/** A child volunteer of the viewer's organisation (org and school only), once per request. */
export function findChild(ctx: Context, childVolunteerId: string): Promise<{ id: string; orgId: string; schoolId: string } | null> {
  const viewer = ctx.viewer;
  if (!viewer || !isUuid(childVolunteerId)) return Promise.resolve(null);
  return memo(ctx, `child-volunteer:child:${childVolunteerId}`, () =>
    prisma().childVolunteer.findFirst({
      where: { id: childVolunteerId, orgId: viewer.orgId },
      select: { id: true, orgId: true, schoolId: true },
    }),
  );
}

/** A consent of the viewer's organisation, once per request. */
export function findConsent(ctx: Context, consentId: string) {
  const viewer = ctx.viewer;
  if (!viewer || !isUuid(consentId)) return Promise.resolve(null);
  return memo(ctx, `child-volunteer:consent:${consentId}`, () =>
    prisma().consent.findFirst({
      where: { id: consentId, orgId: viewer.orgId },
      select: { id: true, orgId: true, childVolunteerId: true, givenOn: true, withdrawnAt: true },
    }),
  );
}
