// 認証: sign-in, password reset and accepting an invitation, reachable signed out.
import type { AreaRoutes } from "../../app/nav.ts";

export const area: AreaRoutes = {
  publicRoutes: [
    { path: "/sign-in", lazy: () => import("./SignInPage.tsx") },
    { path: "/reset-password", lazy: () => import("./ResetPasswordPage.tsx") },
    { path: "/invite/accept", lazy: () => import("./AcceptInvitationPage.tsx") },
  ],
};
