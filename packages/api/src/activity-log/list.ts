// The activityLogs list: its filter, and its counts. A screen often asks several counts of one
// list at once — the dashboard's card of a leader's logs asks how many are submitted, drafts and
// returned — so the counts of one request that share a group and a fiscal year are one
// GROUP BY status, not one COUNT each.
import DataLoader from "dataloader";

import type { ActivityLogStatus, Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { memo, type Context } from "../context.ts";
import { visibleActivityLogsWhere } from "./access.ts";

export interface ActivityLogsArgs {
  groupId?: string | number | null;
  status?: ActivityLogStatus | null;
  fiscalYear?: number | null;
}

/** The logs of the list: those the viewer may read, narrowed by the arguments given. */
export function activityLogsWhere(ctx: Context, args: ActivityLogsArgs): Prisma.ActivityLogWhereInput {
  return {
    AND: [visibleActivityLogsWhere(ctx)],
    ...(args.groupId ? { groupId: String(args.groupId) } : {}),
    ...(args.status ? { status: args.status } : {}),
    ...(args.fiscalYear ? { fiscalYear: args.fiscalYear } : {}),
  };
}

interface CountKey {
  groupId: string | null;
  fiscalYear: number | null;
  status: ActivityLogStatus | null;
}

/** How many logs the list holds (the connection's totalCount), batched per request as above. */
export async function countActivityLogs(ctx: Context, args: ActivityLogsArgs): Promise<number> {
  const loader = await memo(ctx, "activity-log:counts", () =>
    Promise.resolve(new DataLoader<CountKey, number, string>((keys) => countByStatus(ctx, keys), { cacheKeyFn: (k) => JSON.stringify(k) })),
  );
  return loader.load({
    groupId: args.groupId ? String(args.groupId) : null,
    fiscalYear: args.fiscalYear || null,
    status: args.status ?? null,
  });
}

async function countByStatus(ctx: Context, keys: readonly CountKey[]): Promise<number[]> {
  // one GROUP BY per group and year asked; a key without a status counts every status
  const lists = new Map<string, Promise<Map<ActivityLogStatus, number>>>();
  const countsOf = (key: CountKey) => {
    const list = JSON.stringify([key.groupId, key.fiscalYear]);
    let counts = lists.get(list);
    if (!counts) {
      counts = prisma()
        .activityLog.groupBy({ by: ["status"], where: activityLogsWhere(ctx, key), _count: { _all: true } })
        .then((rows) => new Map(rows.map((r) => [r.status, r._count._all])));
      lists.set(list, counts);
    }
    return counts;
  };
  return Promise.all(
    keys.map(async (key) => {
      const counts = await countsOf({ ...key, status: null });
      return key.status ? (counts.get(key.status) ?? 0) : [...counts.values()].reduce((a, b) => a + b, 0);
    }),
  );
}
