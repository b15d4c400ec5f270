// 活動実績報告 (reports): the fiscal year's figures for the city, for staff and the institution
// liaison (the API gives aggregates to any signed-in account; these two roles report them).
import { IconChartBar } from "@tabler/icons-react";

import type { AreaRoutes } from "../../app/nav.ts";
import { withWords } from "../../i18n/index.ts";

export const area: AreaRoutes = {
  routes: [{ path: "/reports", lazy: withWords("report", () => import("./ReportsPage.tsx")) }],
  nav: [
    {
      to: "/reports",
      label: "common:nav.report",
      icon: IconChartBar,
      order: 80,
      visible: (viewer) => viewer.can.reports,
    },
  ],
};
