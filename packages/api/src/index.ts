// @tsunagu/api — the GraphQL schema and what a server needs to mount it.
export { schema } from "./schema.ts";
export { createApp, type App } from "./http.ts";
export { createAuth, type Auth } from "./auth/auth.ts";
export { deliverPendingMail } from "./auth/mail.ts";
export { loadViewer } from "./auth/viewer.ts";
export { readApiEnv, type ApiEnv } from "./env.ts";
export { AppError } from "./errors.ts";
export type { Context, Viewer } from "./context.ts";
