// イベント (events) of a 部会: the list, creating one, an event's tasks, shifts, sign-ups (with
// キャンセル待ち), attendance and its activity log, and the 部会's meeting minutes (議事録).
import { IconCalendarEvent } from "@tabler/icons-react";

import type { AreaRoutes } from "../../app/nav.ts";
import { withWords } from "../../i18n/index.ts";

export const area: AreaRoutes = {
  routes: [
    { path: "/events", lazy: withWords("event", () => import("./EventsPage.tsx")) },
    { path: "/events/new", lazy: withWords("event", () => import("./CreateEventPage.tsx")) },
    { path: "/events/minutes", lazy: withWords("event", () => import("./MinutesPage.tsx")) },
    { path: "/events/:eventId", lazy: withWords("event", () => import("./EventPage.tsx")) },
  ],
  nav: [
    {
      to: "/events",
      label: "common:nav.event",
      icon: IconCalendarEvent,
      order: 50,
      visible: (viewer) => viewer.can.events,
    },
  ],
};
