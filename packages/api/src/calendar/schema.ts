// calendar — the month view (events, shifts and meeting days of the viewer's groups: items.ts) and
// secret iCal subscription URLs, the account's own or a group's, issued and revoked by their holder
// (feeds.ts); the feed itself is served over HTTP at /calendar/<token>.ics (ics.ts).
import type { CalendarFeed } from "@tsunagu/db";

import { builder } from "../builder.ts";
import { mutationErrors } from "../error-types.ts";
import { uuidOf } from "../validation.ts";
import { issueCalendarFeed, liveCalendarFeeds, revokeCalendarFeed, type IssuedFeed } from "./feeds.ts";
import { readCalendar, type CalendarItem } from "./items.ts";

const groupId = uuidOf({ ja: "団体", en: "group" });

const CalendarItemKindEnum = builder.enumType("CalendarItemKind", {
  description: "EVENT イベント / SHIFT シフト / MEETING 定例の開催日 (from the group's meetingSchedule)",
  values: ["EVENT", "SHIFT", "MEETING"] as const,
});

const CalendarItemRef = builder.objectRef<CalendarItem>("CalendarItem").implement({
  description: "One item of the month view: an event, a shift of it, or a group's meeting day",
  fields: (t) => ({
    uid: t.exposeString("uid", { description: "stable; the iCal UID's local part" }),
    kind: t.field({ type: CalendarItemKindEnum, resolve: (i) => i.kind }),
    title: t.exposeString("title"),
    place: t.exposeString("place", { nullable: true }),
    startsAt: t.field({ type: "DateTime", resolve: (i) => i.startsAt }),
    endsAt: t.field({ type: "DateTime", resolve: (i) => i.endsAt }),
    allDay: t.exposeBoolean("allDay", { description: "a meeting day whose schedule states no time" }),
    cancelled: t.boolean({ resolve: (i) => i.status === "CANCELLED" }),
    eventId: t.exposeID("eventId", { nullable: true }),
    groupId: t.exposeID("groupId"),
    groupName: t.exposeString("groupName"),
  }),
});

const CalendarFeedRef = builder.objectRef<CalendarFeed>("CalendarFeed").implement({
  description: "A live secret subscription URL of the viewer (the URL itself is shown only when issued)",
  fields: (t) => ({
    id: t.exposeID("id"),
    groupId: t.exposeID("groupId", { nullable: true, description: "null: the account's own calendar" }),
    createdAt: t.field({ type: "DateTime", resolve: (f) => f.createdAt }),
  }),
});

const IssuedCalendarFeedRef = builder.objectRef<IssuedFeed>("IssuedCalendarFeed").implement({
  fields: (t) => ({
    feed: t.field({ type: CalendarFeedRef, resolve: (r) => r.feed }),
    url: t.exposeString("url", { description: "the subscription URL with its secret token (PUBLIC_URL): shown this once, never stored" }),
    path: t.exposeString("path", { description: "the URL's path, /calendar/<token>.ics" }),
  }),
});

builder.queryFields((t) => ({
  calendar: t.field({
    type: [CalendarItemRef],
    description: `Events, shifts and meeting days of the viewer's groups (or of one), from day \`from\` to day \`to\` (at most 62 days), by start`,
    args: {
      from: t.arg({ type: "Date", required: true }),
      to: t.arg({ type: "Date", required: true }),
      groupId: t.arg.id({ validate: groupId }),
    },
    authScopes: (_root, args) => (args.groupId ? { group: String(args.groupId) } : { signedIn: true }),
    resolve: (_root, args, ctx) => readCalendar(ctx, { from: args.from, to: args.to, groupId: args.groupId ? String(args.groupId) : null }),
  }),
  calendarFeeds: t.field({
    type: [CalendarFeedRef],
    description: "The viewer's live subscription URLs (their own calendar's and their groups'), newest first",
    resolve: (_root, _args, ctx) => liveCalendarFeeds(ctx),
  }),
}));

builder.mutationFields((t) => ({
  issueCalendarFeed: t.field({
    type: IssuedCalendarFeedRef,
    description:
      "A new secret iCal URL for the viewer's own calendar, or a group's (a group the viewer reaches); the viewer's previous URL of that calendar stops working",
    errors: { types: mutationErrors },
    args: { groupId: t.arg.id({ validate: groupId }) },
    authScopes: (_root, args) => (args.groupId ? { group: String(args.groupId) } : { signedIn: true }),
    resolve: (_root, args, ctx) => issueCalendarFeed(ctx, args.groupId ? String(args.groupId) : null),
  }),
  revokeCalendarFeed: t.field({
    type: CalendarFeedRef,
    description: "Stops one of the viewer's subscription URLs: it answers 404 from now on",
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true, validate: uuidOf({ ja: "購読URL", en: "subscription" }) }) },
    authScopes: { signedIn: true },
    resolve: (_root, args, ctx) => revokeCalendarFeed(ctx, String(args.id)),
  }),
}));
