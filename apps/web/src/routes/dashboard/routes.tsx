// ダッシュボード: each role's start page.
import { IconHome } from "@tabler/icons-react";

import type { AreaRoutes } from "../../app/nav.ts";
import { withWords } from "../../i18n/index.ts";

export const area: AreaRoutes = {
  routes: [{ index: true, lazy: withWords("dashboard", () => import("./DashboardPage.tsx")) }],
  nav: [{ to: "/", label: "common:nav.dashboard", icon: IconHome, order: 0, visible: () => true }],
};
