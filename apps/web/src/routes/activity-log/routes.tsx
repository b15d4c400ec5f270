// 活動記録 (activity logs): everyone who logs for a group sees its logs and logs new ones (quickly,
// on a phone); staff approve or reject them in bulk (承認待ち).
import { IconChecklist, IconNotebook } from "@tabler/icons-react";

import type { AreaRoutes } from "../../app/nav.ts";
import { withWords } from "../../i18n/index.ts";

export const area: AreaRoutes = {
  routes: [
    { path: "/activity-logs", lazy: withWords("activity-log", () => import("./ActivityLogsPage.tsx")) },
    { path: "/activity-logs/new", lazy: withWords("activity-log", () => import("./LogActivityPage.tsx")) },
    { path: "/activity-logs/:id", lazy: withWords("activity-log", () => import("./ActivityLogPage.tsx")) },
    // the same form as a new log, in edit mode
    { path: "/activity-logs/:id/edit", lazy: withWords("activity-log", () => import("./LogActivityPage.tsx")) },
    { path: "/approvals", lazy: withWords("activity-log", () => import("./ApprovalsPage.tsx")) },
  ],
  nav: [
    {
      to: "/activity-logs",
      label: "common:nav.activity-log",
      icon: IconNotebook,
      order: 40,
      visible: (viewer) => viewer.can.activityLogs,
    },
    {
      to: "/approvals",
      label: "common:nav.approvals",
      icon: IconChecklist,
      order: 45,
      visible: (viewer) => viewer.can.reviewActivityLogs,
    },
  ],
};
