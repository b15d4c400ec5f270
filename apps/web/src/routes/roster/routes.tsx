// 事業・グループと名簿 (programmes, groups and rosters): the groups the viewer's role reaches, each
// group's roster with search, filters, CSV and a print view; staff and the group's leaders change
// it (add, end, transfer, change role); staff print a group's 連絡網 (contact list). Juvenile cohorts are never rostered here (codes only).
import { IconUsersGroup } from "@tabler/icons-react";

import type { AreaRoutes } from "../../app/nav.ts";
import { withWords } from "../../i18n/index.ts";

export const area: AreaRoutes = {
  routes: [
    { path: "/groups", lazy: withWords("roster", () => import("./GroupsPage.tsx")) },
    { path: "/groups/:groupId", lazy: withWords("roster", () => import("./RosterPage.tsx")) },
    { path: "/groups/:groupId/print", lazy: withWords("roster", () => import("./RosterPrintPage.tsx")) },
    { path: "/groups/:groupId/contacts/print", lazy: withWords("roster", () => import("./ContactsPrintPage.tsx")) },
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
