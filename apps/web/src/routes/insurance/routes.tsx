// ボランティア活動保険 (insurance): the uninsured of the viewer's groups (staff: the organisation),
// and for staff recording enrolments, correcting and cancelling them, the 加入申込 CSV and the
// 年度更新 (carrying a year's insured into the next).
import { IconShieldCheck } from "@tabler/icons-react";

import type { AreaRoutes } from "../../app/nav.ts";
import { withWords } from "../../i18n/index.ts";

export const area: AreaRoutes = {
  routes: [{ path: "/insurance", lazy: withWords("insurance", () => import("./InsurancePage.tsx")) }],
  nav: [
    {
      to: "/insurance",
      label: "common:nav.insurance",
      icon: IconShieldCheck,
      order: 25,
      visible: (viewer) => viewer.can.insurance,
    },
  ],
};
