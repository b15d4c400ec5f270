// お知らせ (notifications): the inbox and the per-kind mail settings, for every signed-in account.
// The way in is the bell in the header (./Bell.tsx), on phones and desktops alike.
import type { AreaRoutes } from "../../app/nav.ts";
import { withWords } from "../../i18n/index.ts";

export const area: AreaRoutes = {
  routes: [
    { path: "/notifications", lazy: withWords("notification", () => import("./NotificationsPage.tsx")) },
    { path: "/notifications/settings", lazy: withWords("notification", () => import("./NotificationSettingsPage.tsx")) },
  ],
};
