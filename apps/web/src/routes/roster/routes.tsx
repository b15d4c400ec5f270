// 事業・グループと名簿 (programmes, groups and rosters): the groups the viewer's role reaches, each
// group's roster with search, filters, CSV and a print view; staff and the group's leaders change
// it (add, end, transfer, change role); staff print a group's 連絡網 (contact list). Juvenile cohorts are never rostered here (codes only).
import { IconUsersGroup } from "@tabler/icons-react";

import type { AreaRoutes } from "../../app/nav.ts";

export const area: AreaRoutes = {
  routes: [
    { path: "/groups", lazy: () => import("./GroupsPage.tsx") },
    { path: "/groups/:groupId", lazy: () => import("./RosterPage.tsx") },
    { path: "/groups/:groupId/print", lazy: () => import("./RosterPrintPage.tsx") },
    { path: "/groups/:groupId/contacts/print", lazy: () => import("./ContactsPrintPage.tsx") },
  ],
  nav: [
    {
      to: "/groups",
      label: "common:nav.roster",
      icon: IconUsersGroup,
      order: 20,
      visible: (viewer) => viewer.can.rosters,
    },
  ],
};
