// 子ども福祉委員 (child volunteers): each school's children, registered one by one or from a CSV,
// their guardians' consents and the April rollover. Staff and the school's coordinators only.
import { IconSchool } from "@tabler/icons-react";

import type { AreaRoutes } from "../../app/nav.ts";
import { withWords } from "../../i18n/index.ts";

export const area: AreaRoutes = {
  routes: [
    { path: "/child-volunteers", lazy: withWords("child-volunteer", () => import("./ChildVolunteersPage.tsx")) },
    { path: "/child-volunteers/:groupId", lazy: withWords("child-volunteer", () => import("./ChildVolunteersPage.tsx")) },
    { path: "/child-volunteers/:groupId/new", lazy: withWords("child-volunteer", () => import("./RegisterChildPage.tsx")) },
    { path: "/child-volunteers/:groupId/import", lazy: withWords("child-volunteer", () => import("./ImportChildrenPage.tsx")) },
    { path: "/child-volunteers/:groupId/rollover", lazy: withWords("child-volunteer", () => import("./RolloverPage.tsx")) },
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
