// The viewer: the signed-in account and what its active access roles reach, carried in the GraphQL
// context; the auth scopes read it (builder.ts). A request's session and viewer are read once and
// then reused for a few seconds by the same session cookie (ViewerCache). Every sign-out, role
// change, session revocation and password reset forgets them at once: in this process directly,
// and on PostgreSQL in every other instance too, through a NOTIFY on VIEWER_CHANNEL sent with the
// change (delivered when it commits) that each instance LISTENs for. An instance that is not
// listening (starting, or its LISTEN connection lost) reads every session afresh (docs/api.md).
import type { IncomingHttpHeaders } from "node:http";

import { fromNodeHeaders } from "better-auth/node";
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";

import type { AccessRole, DatabaseKind, Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";
import { listen, type Listener } from "@tsunagu/db/listen";

import type { Viewer, ViewerInvalidation } from "../context.ts";
import type { Auth, SessionChanges } from "./auth.ts";

/** How long a session's viewer is reused (per process, per session cookie): see docs/api.md. */
const VIEWER_CACHE_TTL_MS = 5_000;
/** Sessions remembered at once; beyond that the least recently used are read again. */
const VIEWER_CACHE_MAX = 10_000;
/** the PostgreSQL channel on which a change to accounts' roles or sessions is announced (payload: user ids, space-separated) */
const VIEWER_CHANNEL = "tsunagu_viewer";
/** how each instance's LISTEN connection is named in pg_stat_activity */
const VIEWER_LISTENER_NAME = "tsunagu-viewer-cache";

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
  return viewerWithRoles(user, await activeRoles(user.id));
}

/** The role columns viewerWithRoles reads, as a Prisma selection of AccessRoleAssignment. */
export const viewerRoleSelect = { role: true, groupId: true, programmeId: true, group: { select: { schoolId: true } } } as const;

/**
 * A Viewer of an account and its active roles, both at hand (e.g. read in a transaction with
 * viewerRoleSelect): what the auth scopes would see for that account.
 */
export function viewerWithRoles(
  user: ViewerUser,
  rows: Array<
    RoleRow | { role: AccessRole; groupId: string | null; programmeId: string | null; group: { schoolId: string | null } | null }
  >,
): Viewer {
  const roles: RoleRow[] = rows.map((r) => ("group" in r ? { ...r, schoolId: r.group?.schoolId ?? null } : r));
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

/** tells every instance LISTENing on VIEWER_CHANNEL that these accounts changed (in a transaction: once it commits) */
function announce(client: Pick<Prisma.TransactionClient, "$executeRaw">, userIds: string[]) {
  return client.$executeRaw`SELECT pg_notify(${VIEWER_CHANNEL}, ${userIds.join(" ")})`;
}

/**
 * The viewers of recent requests by their exact Cookie header (a hit needs the very cookie Better
 * Auth accepted a moment ago), for VIEWER_CACHE_TTL_MS at most and never beyond the session's
 * expiry. Forgetting bumps an epoch, so that a look-up which started before a change cannot store
 * what it read after the change was forgotten.
 *
 * On PostgreSQL other instances change roles and end sessions too: the cache is used only while
 * this process LISTENs for their announcements (listenForChanges); before that, and from the moment
 * the LISTEN connection is lost until it is back, every request reads its session, and the cache
 * starts empty again once it is back (what was announced meanwhile is lost).
 */
export class ViewerCache implements ViewerInvalidation, SessionChanges {
  private readonly entries: LRUCache<string, CachedViewer>;
  private epoch = 0;
  /** PostgreSQL: announce changes to other instances */
  private shared = false;
  /** whether every change made by any instance reaches this cache (always, on the embedded database) */
  private listening = true;
  private listener: Listener | undefined;

  constructor(private readonly ttlMs = VIEWER_CACHE_TTL_MS) {
    this.entries = new LRUCache<string, CachedViewer>({ max: VIEWER_CACHE_MAX, ttl: ttlMs });
  }

  /**
   * On PostgreSQL, LISTENs for the changes every instance announces, on a connection of its own;
   * resolves after the first attempt (the cache is bypassed until one succeeds). The embedded
   * database has one process only: nothing to listen for.
   */
  async listenForChanges(db: { kind: DatabaseKind; url?: string | undefined }, log: Logger): Promise<void> {
    if (db.kind !== "postgresql" || !db.url || this.listener) return;
    this.shared = true;
    this.setListening(false);
    this.listener = listen({
      url: db.url,
      channel: VIEWER_CHANNEL,
      applicationName: VIEWER_LISTENER_NAME,
      onNotification: (payload) => {
        for (const userId of payload.split(" ")) if (userId) this.forgetUser(userId);
      },
      onListening: (listening) => {
        this.setListening(listening);
        if (listening) log.info("viewer cache: listening for session and role changes");
      },
      onLost: (err) => {
        const message = err instanceof Error ? err.message : String(err);
        log.warn(
          { reason: message },
          "ログイン情報の変更通知の接続が切れました。再接続まで毎回データベースを読みます / viewer cache: the LISTEN connection is lost; every request reads its session until it is back",
        );
      },
    });
    await this.listener.ready;
  }

  /** Stops listening (the server's stop: apollo.stop(), see http.ts). */
  async close(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    await listener?.close();
  }

  private setListening(listening: boolean) {
    // whichever way it turns, what is cached may have missed an announcement: start again
    this.listening = listening;
    this.epoch++;
    this.entries.clear();
  }

  /** The viewer of a request: cached, or Better Auth's session (which also refreshes it) and the account's roles. */
  async viewerFor(auth: Auth, headers: IncomingHttpHeaders): Promise<Viewer | null> {
    const cookie = this.listening ? headers.cookie : undefined;
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

  async announce(tx: Prisma.TransactionClient, userIds: string[]): Promise<void> {
    if (this.shared && userIds.length > 0) await announce(tx, userIds);
  }

  forgetUser(userId: string): void {
    this.epoch++;
    for (const [cookie, entry] of this.entries.entries()) if (entry.userId === userId) this.entries.delete(cookie);
  }

  async sessionEnded(userId: string): Promise<void> {
    this.forgetUser(userId);
    // Better Auth runs its after-hooks once the delete has committed: announced on its own
    if (this.shared) await announce(prisma(), [userId]);
  }

  /** How many sessions are remembered (tests). */
  get size(): number {
    return this.entries.size;
  }
}
