// The HTTP app: Better Auth at /api/auth/*, GraphQL at /graphql (Apollo Server 5). apps/server
// listens with it (and serves the web app beside it); the tests drive it over HTTP.
import { randomUUID } from "node:crypto";

import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { toNodeHandler } from "better-auth/node";
import express from "express";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import helmet from "helmet";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";

import { getDatabase, prisma } from "@tsunagu/db/client";

import { CLIENT_ADDRESS_HEADER, createAuth } from "./auth/auth.ts";
import { ViewerCache } from "./auth/viewer.ts";
import { calendarFeedRoute } from "./calendar/ics.ts";
import { certificateRoute } from "./certificate/pdf.ts";
import type { Context } from "./context.ts";
import type { ApiEnv } from "./env.ts";
import { AppError, InvalidInputError, retryableError } from "./errors.ts";
import { causeOf, logSerializers, withRedaction } from "./log.ts";
import { requestChecks } from "./request-checks.ts";
import { schema } from "./schema.ts";

export interface App {
  app: express.Express;
  apollo: ApolloServer<Context>;
  auth: ReturnType<typeof createAuth>;
  viewers: ViewerCache;
}

/** codes of errors that describe the client's request, not a fault of the server */
const CLIENT_ERROR_CODES = new Set([
  "FORBIDDEN",
  "NOT_FOUND",
  "INVALID_INPUT",
  "CONFLICT",
  "STALE_VERSION",
  "UNAUTHENTICATED",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "OPERATION_RESOLUTION_FAILURE",
  "QUERY_TOO_COMPLEX",
]);

/** how long GET /readyz waits for the database's answer to SELECT 1 */
const READY_TIMEOUT_MS = 2_000;

/** the database's answer to SELECT 1 within `ms`, or the reason it gave none */
async function databaseReady(ms: number): Promise<{ ok: true } | { ok: false; reason: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([prisma().$queryRaw`SELECT 1`, timeout]);
    return { ok: true };
  } catch (err) {
    const failure = retryableError(err);
    const reason = failure ? failure.code : err instanceof Error && err.message.startsWith("no answer") ? "TIMEOUT" : "ERROR";
    return { ok: false, reason };
  } finally {
    clearTimeout(timer);
  }
}

/** Masks unexpected errors in production: no SQL, no stack; the request id leads to the log. */
function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // duck-typed: graphql may be loaded twice (ESM and CommonJS), so instanceof GraphQLError can lie
    const thrown = (error as { originalError?: unknown } | null)?.originalError ?? error;
    // a busy or lost database is told as BUSY / UNAVAILABLE, never with the driver's or Prisma's text
    const original = thrown instanceof AppError ? thrown : (retryableError(thrown) ?? thrown);
    if (original instanceof AppError) {
      // our own errors: their code and both languages, in production too (no internals in them)
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: original.code,
          messageEn: original.messageEn,
          ...(original instanceof InvalidInputError ? { issues: original.issues } : {}),
        },
      };
    }
    const code = formatted.extensions?.code;
    const expected = typeof code === "string" && CLIENT_ERROR_CODES.has(code);
    if (!production || expected) return formatted;
    return {
      message: "サーバーでエラーが発生しました。 / An internal error occurred.",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}

/**
 * Logs every error with the request id (the request logger's binding): the client's own errors (bad
 * input, FORBIDDEN, not found, …) at info with their code only; unexpected ones at error with the
 * error itself. The request's cookies and headers never come along (see log.ts).
 */
function errorLogging(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          let retryableLogged = false;
          for (const err of errors) {
            const retryable = retryableError(err.originalError);
            if (retryable) {
              // once per request: every field of a query may meet the same lost connection
              if (!retryableLogged)
                contextValue.log.warn({ code: retryable.code, path: err.path, cause: causeOf(err.originalError) }, "database failure");
              retryableLogged = true;
              continue;
            }
            const original = err.originalError as { code?: unknown } | undefined;
            const code = typeof original?.code === "string" ? original.code : err.extensions.code;
            if (typeof code === "string" && CLIENT_ERROR_CODES.has(code)) {
              contextValue.log.info({ code, path: err.path }, "client error");
            } else {
              contextValue.log.error({ err: original ?? err, code, path: err.path }, "resolver error");
            }
          }
        },
      };
    },
  };
}

/**
 * Security headers on every response (helmet): a Content-Security-Policy without inline script (the
 * built web app loads only its own files; Mantine sets inline styles), nosniff, no framing, no
 * referrer (links carry invitation and reset tokens), and HSTS when the public URL is https.
 */
function securityHeaders(env: ApiEnv): express.RequestHandler {
  const https = env.publicUrl.startsWith("https:");
  const headers = (csp: boolean) =>
    helmet({
      contentSecurityPolicy: csp && {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'"],
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:", "blob:"],
          "font-src": ["'self'", "data:"],
          "connect-src": ["'self'"],
          "object-src": ["'none'"],
          "base-uri": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          ...(https ? { "upgrade-insecure-requests": [] } : {}),
        },
      },
      referrerPolicy: { policy: "no-referrer" },
      strictTransportSecurity: https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
      xFrameOptions: { action: "deny" },
    });
  const withPolicy = headers(true);
  // (outside production, GET /graphql is Apollo's landing page, which runs inline script)
  const landingPage = env.production ? withPolicy : headers(false);
  return (req, res, next) => (req.path === "/graphql" ? landingPage : withPolicy)(req, res, next);
}

/** Closes the viewer cache's LISTEN connection when Apollo stops. */
function closing(viewers: ViewerCache): ApolloServerPlugin<Context> {
  return {
    async serverWillStart() {
      return {
        async serverWillStop() {
          await viewers.close();
        },
      };
    },
  };
}

export interface AppOptions {
  /** how long a session's viewer is reused (default VIEWER_CACHE_TTL_MS; tests use a long one to prove invalidation) */
  viewerCacheTtlMs?: number;
}

export async function createApp(env: ApiEnv, parentLog: Logger, options: AppOptions = {}): Promise<App> {
  // whatever logger the caller passes, the app's lines go through the redacting serializers
  const log = withRedaction(parentLog);
  // signed-in requests reuse their session's viewer for a few seconds (auth/viewer.ts, docs/api.md)
  // — on PostgreSQL while it LISTENs for the changes every instance announces; it stops listening
  // when Apollo stops (the server's one stop path, apps/server main.ts)
  const viewers = new ViewerCache(options.viewerCacheTtlMs);
  await viewers.listenForChanges(await getDatabase(), log);
  const auth = createAuth(env, log, viewers);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !env.production,
    hideSchemaDetailsFromClientErrors: env.production,
    includeStacktraceInErrorResponses: !env.production,
    formatError: formatError(env.production),
    // the server process (apps/server main.ts) owns SIGINT/SIGTERM: one shutdown path, not two
    stopOnTerminationSignals: false,
    // limits and arguments are checked before anything runs (request-checks.ts)
    // Apollo's cache-control plugin is off: no field has a cache hint (every answer is per viewer),
    // and it hooked every field of every request for nothing (issue 9: 11 % of a roster's allocations)
    plugins: [requestChecks(), errorLogging(), ApolloServerPluginCacheControlDisabled(), closing(viewers)],
    // csrfPrevention is on by default in Apollo Server 5
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.trustProxy);
  app.use(securityHeaders(env));
  app.use(
    pinoHttp({
      logger: log,
      serializers: logSerializers,
      genReqId: (req, res) => {
        const id = randomUUID();
        res.setHeader("x-request-id", id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
    }),
  );
  // liveness: the process answers (a load balancer restarts it when not)
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  // readiness: the database answers SELECT 1 within READY_TIMEOUT_MS (a load balancer sends no
  // requests while not); 503 with the reason (BUSY, UNAVAILABLE, TIMEOUT or ERROR) when it does not
  app.get("/readyz", async (req, res) => {
    const ready = await databaseReady(READY_TIMEOUT_MS);
    if (ready.ok) {
      res.json({ ok: true, database: "ok" });
      return;
    }
    req.log.warn({ reason: ready.reason }, "not ready: the database did not answer");
    res.status(503).json({ ok: false, database: ready.reason });
  });
  // Better Auth rate-limits by the client address it reads from this header: the connection's, or a
  // trusted proxy's X-Forwarded-For (env.trustProxy) — never a value the client sent itself
  app.all("/api/auth/{*rest}", (req, _res, next) => {
    req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? "unknown";
    next();
  });
  app.all("/api/auth/{*rest}", toNodeHandler(auth));
  app.get("/api/certificates/:id.pdf", certificateRoute(auth, viewers));
  // iCal subscription feeds: the secret token in the path is the key (calendar/ics.ts; log.ts cuts it out)
  app.get("/calendar/:file", calendarFeedRoute());
  app.use(
    "/graphql",
    express.json({ limit: "2mb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          const viewer = await viewers.viewerFor(auth, req.headers);
          return { requestId: String(req.id), viewer, viewers, log: req.log, memo: new Map() };
        } catch (err) {
          // a busy or lost database while reading the session: a retryable 503 with BUSY or
          // UNAVAILABLE (formatError), not "Context creation failed" with the driver's text
          const retryable = retryableError(err);
          if (!retryable) throw err;
          req.log.warn({ code: retryable.code, cause: causeOf(err) }, "database failure");
          throw new GraphQLError(retryable.message, {
            originalError: retryable,
            extensions: { code: retryable.code, http: { status: 503 } },
          });
        }
      },
    }),
  );
  return { app, apollo, auth, viewers };
}
