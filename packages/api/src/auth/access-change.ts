// A change to accounts' roles (or to whom an account belongs) makes their cached viewers stale
// (auth/viewer.ts). The rule, in one place: name the accounts inside the change's transaction, so
// every other instance forgets them when it commits (PostgreSQL NOTIFY), and this process forgets them
// once it has committed — not before, or a request in between would cache the old roles again.
import type { Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import type { Context } from "../context.ts";

/** names the accounts whose roles the transaction changes */
export type AccountsChanged = (userIds: string[]) => Promise<void>;

/** Runs `work` in one transaction in which the roles of the accounts it names with `changed` change. */
export async function inAccessChange<T>(
  ctx: Pick<Context, "viewers">,
  work: (tx: Prisma.TransactionClient, changed: AccountsChanged) => Promise<T>,
): Promise<T> {
  const userIds = new Set<string>();
  const result = await prisma().$transaction((tx) =>
    work(tx, async (ids) => {
      for (const id of ids) userIds.add(id);
      await ctx.viewers.announce(tx, ids);
    }),
  );
  for (const userId of userIds) ctx.viewers.forgetUser(userId);
  return result;
}
