// 子ども福祉委員 (child volunteers): each school's children, registered one by one or from a CSV,
// their guardians' consents and the April rollover. Staff and the school's coordinators only.
import { IconSchool } from "@tabler/icons-react";

import type { AreaRoutes } from "../../app/nav.ts";

export const area: AreaRoutes = {
  routes: [
    { path: "/child-volunteers", lazy: () => import("./ChildVolunteersPage.tsx") },
    { path: "/child-volunteers/:groupId", lazy: () => import("./ChildVolunteersPage.tsx") },
    { path: "/child-volunteers/:groupId/new", lazy: () => import("./RegisterChildPage.tsx") },
    { path: "/child-volunteers/:groupId/import", lazy: () => import("./ImportChildrenPage.tsx") },
    { path: "/child-volunteers/:groupId/rollover", lazy: () => import("./RolloverPage.tsx") },
  ],
  nav: [
    {
      to: "/child-volunteers",
      label: "common:nav.child-volunteer",
      icon: IconSchool,
      order: 30,
      visible: (viewer) => viewer.can.childVolunteers,
    },
  ],
};
