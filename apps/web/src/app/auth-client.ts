// Better Auth's own browser client: sign-in, sign-out and password reset against /api/auth/*.
import { createAuthClient } from "better-auth/client";

export const authClient = createAuthClient({ baseURL: window.location.origin });
