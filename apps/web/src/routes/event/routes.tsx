// イベント (events) of a 部会: the list, creating one, an event's tasks, shifts, sign-ups (with
// キャンセル待ち), attendance and its activity log, and the 部会's meeting minutes (議事録).
import { IconCalendarEvent } from "@tabler/icons-react";

import type { AreaRoutes } from "../../app/nav.ts";

export const area: AreaRoutes = {
  routes: [
    { path: "/events", lazy: () => import("./EventsPage.tsx") },
    { path: "/events/new", lazy: () => import("./CreateEventPage.tsx") },
    { path: "/events/minutes", lazy: () => import("./MinutesPage.tsx") },
    { path: "/events/:eventId", lazy: () => import("./EventPage.tsx") },
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
