// アカウント (accounts, staff): the organisation's accounts and their scoped roles, invitations
// with their state, the invite form, granting and revoking roles, and the coordinator hand-over.
import { IconUserShield } from "@tabler/icons-react";

import type { AreaRoutes } from "../../app/nav.ts";
import { withWords } from "../../i18n/index.ts";

export const area: AreaRoutes = {
  routes: [{ path: "/accounts", lazy: withWords("accounts", () => import("./AccountsPage.tsx")) }],
  nav: [{ to: "/accounts", label: "common:nav.accounts", icon: IconUserShield, order: 97, visible: (viewer) => viewer.can.accounts }],
};
