// The one place of @tsunagu/api that reads process.env.
export interface ApiEnv {
  production: boolean;
  /** secret for session cookies and tokens; a fixed development secret when unset outside production */
  authSecret: string;
  /** where the app is reached, for links in mail (invitations, password reset) */
  publicUrl: string;
  /** smtp://user:pass@host:port — unset: mail is printed to the log (console transport) */
  smtpUrl: string | undefined;
  logLevel: string;
}

export function readApiEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  const production = env.NODE_ENV === "production";
  const authSecret = env.BETTER_AUTH_SECRET ?? (production ? "" : "tsunagu-development-secret-do-not-use-in-production");
  if (!authSecret) throw new Error("BETTER_AUTH_SECRET must be set in production");
  const port = env.PORT ?? "4000";
  return {
    production,
    authSecret,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    smtpUrl: env.SMTP_URL || undefined,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
  };
}
