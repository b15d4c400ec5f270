// Secret calendar subscription URLs (CalendarFeed): an account's own calendar, or one group's. The
// URL carries a random token of 256 bits; only its sha256 is stored (like invitations), so the URL is
// shown once, when it is issued. Issuing again revokes the account's live feed of the same calendar
// (one live URL per account and calendar); revoking makes the URL answer 404 at once. Each runs in
// one transaction with its audit entry.
import { createHash, randomBytes } from "node:crypto";

import type { CalendarFeed } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { readApiEnv } from "../env.ts";
import { ConflictError, NotFoundError } from "../errors.ts";

export const hashFeedToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The URL path of a feed's token. */
const feedPath = (token: string) => `/calendar/${token}.ics`;

export interface IssuedFeed {
  feed: CalendarFeed;
  /** the subscription URL, with its token (PUBLIC_URL and the path): shown once */
  url: string;
  /** its path, /calendar/<token>.ics (the web app puts it after the address it was opened at) */
  path: string;
}

const feedNotFound = () => new NotFoundError({ ja: "カレンダーの購読URL", en: "calendar subscription" });

/**
 * A new secret URL for the viewer's own calendar (groupId null) or a group's (the resolver's
 * `group` scope has let the viewer through); the viewer's live URL of that calendar stops working.
 */
export function issueCalendarFeed(ctx: Context, groupId: string | null): Promise<IssuedFeed> {
  const viewer = signedIn(ctx);
  const token = randomBytes(32).toString("base64url");
  return prisma().$transaction(async (tx) => {
    if (groupId && !(await tx.group.findFirst({ where: { id: groupId, orgId: viewer.orgId }, select: { id: true } }))) {
      throw new NotFoundError({ ja: "団体", en: "group" });
    }
    const replaced = await tx.calendarFeed.updateMany({
      where: { orgId: viewer.orgId, userId: viewer.userId, groupId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const feed = await tx.calendarFeed.create({
      data: { orgId: viewer.orgId, userId: viewer.userId, groupId, tokenHash: hashFeedToken(token) },
    });
    await audit(ctx, { action: "create", entity: "CalendarFeed", entityId: feed.id, details: { groupId, replaced: replaced.count } }, tx);
    const path = feedPath(token);
    return { feed, url: `${readApiEnv().publicUrl}${path}`, path };
  });
}

/** Revokes one of the viewer's own feeds: its URL answers 404 from now on. */
export function revokeCalendarFeed(ctx: Context, id: string): Promise<CalendarFeed> {
  const viewer = signedIn(ctx);
  return prisma().$transaction(async (tx) => {
    const feed = await tx.calendarFeed.findFirst({ where: { id, orgId: viewer.orgId, userId: viewer.userId } });
    if (!feed) throw feedNotFound();
    if (feed.revokedAt) {
      throw new ConflictError({ ja: "この購読URLはすでに停止されています。", en: "This subscription URL is already revoked." });
    }
    const revoked = await tx.calendarFeed.update({ where: { id }, data: { revokedAt: new Date() } });
    await audit(ctx, { action: "update", entity: "CalendarFeed", entityId: id, details: { revoked: true } }, tx);
    return revoked;
  });
}

/** The viewer's live feeds (their own calendar's and their groups'), newest first. */
export function liveCalendarFeeds(ctx: Context): Promise<CalendarFeed[]> {
  const viewer = signedIn(ctx);
  return prisma().calendarFeed.findMany({
    where: { orgId: viewer.orgId, userId: viewer.userId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}
