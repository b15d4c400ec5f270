import type { Logger } from "pino";

import type { AccessRole, Prisma } from "@tsunagu/db";

import { ForbiddenError } from "./errors.ts";

/** The signed-in account and what its access roles reach (loaded once per request). */
export interface Viewer {
  userId: string;
  orgId: string;
  personId: string | null;
  email: string;
  name: string;
  roles: AccessRole[];
  isStaff: boolean;
  /** SCHOOL_COORDINATOR scopes: school groups (子ども福祉委員) */
  schoolGroupIds: string[];
  /** the schools of those groups: a child's details are visible to their school's coordinators */
  coordinatedSchoolIds: string[];
  /** SUBCOMMITTEE_MEMBER scopes: 部会 */
  subcommitteeIds: string[];
  /** SALON_LEADER scopes: salons */
  salonIds: string[];
  /** INSTITUTION_LIAISON scopes: juvenile programmes */
  liaisonProgrammeIds: string[];
}

/** Forgets the cached sessions and viewers of an account (auth/viewer.ts ViewerCache). */
export interface ViewerInvalidation {
  /** in the transaction of a change to the accounts' roles: every other instance forgets them when it commits (PostgreSQL NOTIFY) */
  announce(tx: Prisma.TransactionClient, userIds: string[]): Promise<void>;
  /** after a change to the account's roles or sessions has committed: this process forgets it at once */
  forgetUser(userId: string): void;
}

export interface Context {
  requestId: string;
  viewer: Viewer | null;
  /** the app's viewer cache: services that change roles forget the holder's cached viewer */
  viewers: ViewerInvalidation;
  log: Logger;
  /** memo of per-request look-ups (group privacy, etc.) */
  memo: Map<string, Promise<unknown>>;
}

/** The signed-in viewer; without one, the same FORBIDDEN the `signedIn` auth scope answers. */
export function signedIn(ctx: Context): Viewer {
  if (!ctx.viewer) throw new ForbiddenError();
  return ctx.viewer;
}

/** Memoises a per-request look-up under `key`. */
export function memo<T>(ctx: Context, key: string, load: () => Promise<T>): Promise<T> {
  let p = ctx.memo.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    ctx.memo.set(key, p);
  }
  return p;
}
