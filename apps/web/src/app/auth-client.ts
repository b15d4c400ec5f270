// Better Auth's own browser client: sign-in, sign-out and password reset against /api/auth/*.
// Loaded when first used (the sign-in page asks for it once it shows, the sign-out button when
// pressed), so the first page renders without it (docs/web.md, "What loads when").
import type { createAuthClient } from "better-auth/client";

let client: ReturnType<typeof createAuthClient> | undefined;

export async function authClient() {
  if (!client) {
    const { createAuthClient } = await import("better-auth/client");
    client = createAuthClient({ baseURL: window.location.origin });
  }
  return client;
}
