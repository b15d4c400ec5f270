// @tsunagu/api — the GraphQL schema and what a server needs to mount it.
export { schema } from "./schema/index.ts";
export { createApp, type App } from "./http.ts";
export { createAuth, type Auth } from "./auth/auth.ts";
export { deliverPendingMail } from "./auth/mail.ts";
export { loadViewer } from "./access.ts";
export { readApiEnv, type ApiEnv } from "./env.ts";
export { AppError } from "./errors.ts";
export type { Context, Viewer } from "./context.ts";
