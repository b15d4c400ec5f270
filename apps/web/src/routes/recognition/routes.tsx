// 感謝・表彰 (recognition): thank-yous, milestones and certificates for everyone signed in; the
// moderation queue for staff.
import { IconHeartHandshake, IconShieldCheck } from "@tabler/icons-react";

import type { AreaRoutes } from "../../app/nav.ts";
import { withWords } from "../../i18n/index.ts";

export const area: AreaRoutes = {
  routes: [
    { path: "/recognition", lazy: withWords("recognition", () => import("./RecognitionPage.tsx")) },
    { path: "/recognition/moderation", lazy: withWords("recognition", () => import("./ModerationPage.tsx")) },
  ],
  nav: [
    { to: "/recognition", label: "common:nav.recognition", icon: IconHeartHandshake, order: 70, visible: () => true },
    {
      to: "/recognition/moderation",
      label: "common:nav.moderation",
      icon: IconShieldCheck,
      order: 72,
      visible: (viewer) => viewer.can.recognition,
    },
  ],
};
