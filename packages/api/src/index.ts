// @tsunagu/api — the GraphQL schema and what a server needs to mount it.
export { schema } from "./schema.ts";
export { createApp, type App } from "./http.ts";
export { createAuth, type Auth } from "./auth/auth.ts";
export { createMailSender, startMailDelivery } from "./auth/mail-delivery.ts";
export { startReminders } from "./reminder/runner.ts";
export { loadViewer } from "./auth/viewer.ts";
export { readApiEnv, type ApiEnv } from "./env.ts";
export { AppError } from "./errors.ts";
export { createLogger } from "./log.ts";
export type { Context, Viewer } from "./context.ts";
