// 認証: sign-in, password reset and accepting an invitation, reachable signed out.
import type { AreaRoutes } from "../../app/nav.ts";
import { withWords } from "../../i18n/index.ts";

export const area: AreaRoutes = {
  publicRoutes: [
    { path: "/sign-in", lazy: withWords("auth", () => import("./SignInPage.tsx")) },
    { path: "/reset-password", lazy: withWords("auth", () => import("./ResetPasswordPage.tsx")) },
    { path: "/invite/accept", lazy: withWords("auth", () => import("./AcceptInvitationPage.tsx")) },
  ],
};
