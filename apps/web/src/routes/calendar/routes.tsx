// カレンダー (calendar): a month of the events, shifts and meeting days of the viewer's groups, and
// the secret iCal subscription URL of the account's own calendar (a group's is on its page).
import { IconCalendarMonth } from "@tabler/icons-react";

import type { AreaRoutes } from "../../app/nav.ts";
import { withWords } from "../../i18n/index.ts";

export const area: AreaRoutes = {
  routes: [{ path: "/calendar", lazy: withWords("calendar", () => import("./CalendarPage.tsx")) }],
  nav: [
    {
      to: "/calendar",
      label: "common:nav.calendar",
      icon: IconCalendarMonth,
      order: 15,
      visible: () => true,
    },
  ],
};
