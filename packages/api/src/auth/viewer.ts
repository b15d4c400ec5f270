// The viewer: the signed-in account and what its active access roles reach, carried in the GraphQL
// context; the auth scopes read it (builder.ts). A request's session and viewer are read once and
// then reused for a few seconds by the same session cookie (ViewerCache): every sign-out, role
// change, session revocation and password reset in this process forgets them at once; another
// instance on the same database may keep them for at most VIEWER_CACHE_TTL_MS (docs/api.md).
import type { IncomingHttpHeaders } from "node:http";

import { fromNodeHeaders } from "better-auth/node";
import { LRUCache } from "lru-cache";

import type { AccessRole } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import type { Viewer, ViewerInvalidation } from "../context.ts";
import type { Auth, SessionChanges } from "./auth.ts";

/** How long a session's viewer is reused (per process, per session cookie): see docs/api.md. */
const VIEWER_CACHE_TTL_MS = 5_000;
/** Sessions remembered at once; beyond that the least recently used are read again. */
const VIEWER_CACHE_MAX = 10_000;

/** The account columns a viewer carries (Better Auth's session user has them all). */
interface ViewerUser {
  id: string;
  orgId: string;
  personId?: string | null;
  email: string;
  name: string;
}

interface RoleRow {
  role: AccessRole;
  groupId: string | null;
  programmeId: string | null;
  schoolId: string | null;
}

/** An account's active access roles, with the school of each role's group: one statement. */
function activeRoles(userId: string): Promise<RoleRow[]> {
  return prisma().$queryRaw<RoleRow[]>`
    SELECT r.role, r."groupId", r."programmeId", g."schoolId"
    FROM "AccessRoleAssignment" r
    LEFT JOIN "Group" g ON g."orgId" = r."orgId" AND g.id = r."groupId"
    WHERE r."userId" = ${userId} AND r."revokedAt" IS NULL`;
}

/** A Viewer of an account whose columns are at hand: reads its active roles (one statement). */
async function viewerOfUser(user: ViewerUser): Promise<Viewer> {
  const roles = await activeRoles(user.id);
  const ids = (role: AccessRole) => roles.filter((r) => r.role === role && r.groupId).map((r) => r.groupId as string);
  return {
    userId: user.id,
    orgId: user.orgId,
    personId: user.personId ?? null,
    email: user.email,
    name: user.name,
    roles: [...new Set(roles.map((r) => r.role))],
    isStaff: roles.some((r) => r.role === "STAFF"),
    schoolGroupIds: ids("SCHOOL_COORDINATOR"),
    coordinatedSchoolIds: roles.flatMap((r) => (r.role === "SCHOOL_COORDINATOR" && r.schoolId ? [r.schoolId] : [])),
    subcommitteeIds: ids("SUBCOMMITTEE_MEMBER"),
    salonIds: ids("SALON_LEADER"),
    liaisonProgrammeIds: roles.filter((r) => r.role === "INSTITUTION_LIAISON" && r.programmeId).map((r) => r.programmeId as string),
  };
}

/** Loads an account's active access roles into a Viewer (two statements: the account, its roles). */
export async function loadViewer(userId: string): Promise<Viewer | null> {
  const user = await prisma().user.findUnique({
    where: { id: userId },
    select: { id: true, orgId: true, personId: true, email: true, name: true },
  });
  return user ? viewerOfUser(user) : null;
}

interface CachedViewer {
  userId: string;
  viewer: Viewer;
}

/**
 * The viewers of recent requests by their exact Cookie header (a hit needs the very cookie Better
 * Auth accepted a moment ago), for VIEWER_CACHE_TTL_MS at most and never beyond the session's
 * expiry. Forgetting bumps an epoch, so that a look-up which started before a change cannot store
 * what it read after the change was forgotten.
 */
export class ViewerCache implements ViewerInvalidation, SessionChanges {
  private readonly entries: LRUCache<string, CachedViewer>;
  private epoch = 0;

  constructor(private readonly ttlMs = VIEWER_CACHE_TTL_MS) {
    this.entries = new LRUCache<string, CachedViewer>({ max: VIEWER_CACHE_MAX, ttl: ttlMs });
  }

  /** The viewer of a request: cached, or Better Auth's session (which also refreshes it) and the account's roles. */
  async viewerFor(auth: Auth, headers: IncomingHttpHeaders): Promise<Viewer | null> {
    const cookie = headers.cookie;
    const hit = cookie ? this.entries.get(cookie) : undefined;
    if (hit) return hit.viewer;
    const epoch = this.epoch;
    const session = await auth.api.getSession({ headers: fromNodeHeaders(headers) });
    if (!session) return null;
    const viewer = await viewerOfUser(session.user);
    const ttl = Math.min(this.ttlMs, new Date(session.session.expiresAt).getTime() - Date.now());
    if (cookie && epoch === this.epoch && ttl > 0) this.entries.set(cookie, { userId: viewer.userId, viewer }, { ttl });
    return viewer;
  }

  forgetUser(userId: string): void {
    this.epoch++;
    for (const [cookie, entry] of this.entries.entries()) if (entry.userId === userId) this.entries.delete(cookie);
  }

  /** How many sessions are remembered (tests). */
  get size(): number {
    return this.entries.size;
  }
}
