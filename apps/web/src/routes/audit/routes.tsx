// 監査ログ (audit trail): staff only, as the API allows.
import { IconHistory } from "@tabler/icons-react";

import type { AreaRoutes } from "../../app/nav.ts";
import { withWords } from "../../i18n/index.ts";

export const area: AreaRoutes = {
  routes: [{ path: "/audit", lazy: withWords("audit", () => import("./AuditPage.tsx")) }],
  nav: [{ to: "/audit", label: "common:nav.audit", icon: IconHistory, order: 95, visible: (viewer) => viewer.can.audit }],
};
