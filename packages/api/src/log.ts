// The server's logger: pino, with secrets kept out at the logger itself. Requests and responses are
// written through serializers that keep only what an operator needs (method, URL without token
// values, a few harmless headers, the status), so no cookie, authorization header, set-cookie or
// token in a URL reaches the log; and pino's `redact` censors secrets logged by name anywhere else
// (a `password`, `token`, `cookie` … up to three levels deep). Mail bodies (which carry links with
// tokens) are never logged (see auth/mail-delivery.ts).
import type { IncomingMessage, ServerResponse } from "node:http";

import { pino, stdSerializers, type DestinationStream, type Logger, type LoggerOptions } from "pino";

const CENSOR = "[redacted]";

/** property names whose values are secrets wherever they appear in a logged object */
const SECRET_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "secret",
  "cookie",
  "cookies",
  "authorization",
  '"proxy-authorization"',
  '"set-cookie"',
  "text",
  "html",
];
const redactPaths = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);

/** request headers worth logging; every other header (cookie, authorization, …) is left out */
const LOGGED_REQUEST_HEADERS = [
  "host",
  "user-agent",
  "content-type",
  "content-length",
  "origin",
  "referer",
  "x-forwarded-for",
  "accept-language",
];
const LOGGED_RESPONSE_HEADERS = ["content-type", "content-length"];

/**
 * A URL (or path) with every query value, the token segment of Better Auth's
 * `/reset-password/:token` and the secret of a calendar feed's `/calendar/<token>.ics` replaced:
 * `/invite/accept?token=[redacted]`, `/calendar/[redacted]`.
 */
export function redactUrlSecrets(url: string): string {
  const hash = url.indexOf("#");
  const withoutHash = hash === -1 ? url : url.slice(0, hash);
  const q = withoutHash.indexOf("?");
  let pathPart = q === -1 ? withoutHash : withoutHash.slice(0, q);
  pathPart = pathPart
    .replace(/(\/reset-password\/)[^/?#]+/gi, `$1${CENSOR}`)
    .replace(/(\/verify-email\/)[^/?#]+/gi, `$1${CENSOR}`)
    .replace(/(\/calendar\/)[^/?#]+/gi, `$1${CENSOR}`);
  if (q === -1) return pathPart;
  const query = withoutHash
    .slice(q + 1)
    .split("&")
    .filter(Boolean)
    .map((pair) => `${pair.split("=")[0]}=${CENSOR}`)
    .join("&");
  return `${pathPart}?${query}`;
}

function pickHeaders(headers: Record<string, unknown> | undefined, names: string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  if (!headers) return picked;
  for (const name of names) {
    const value = headers[name];
    if (value === undefined) continue;
    picked[name] = name === "referer" && typeof value === "string" ? redactUrlSecrets(value) : value;
  }
  return picked;
}

interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
}

function serializeRequest(req: SerializedRequest | IncomingMessage): SerializedRequest {
  // pino-http hands over pino-std-serializers' wrapped request (with `raw`); a plain object works too
  const r = req as SerializedRequest & { originalUrl?: string; socket?: { remoteAddress?: string } };
  const url = r.originalUrl ?? r.url ?? "";
  return {
    id: r.id,
    method: r.method,
    url: redactUrlSecrets(url),
    headers: pickHeaders(r.headers, LOGGED_REQUEST_HEADERS),
    remoteAddress: r.remoteAddress ?? r.socket?.remoteAddress,
  };
}

function serializeResponse(res: { statusCode?: number; headers?: Record<string, unknown> } | ServerResponse) {
  const r = res as { statusCode?: number; headers?: Record<string, unknown> };
  return { statusCode: r.statusCode, headers: pickHeaders(r.headers, LOGGED_RESPONSE_HEADERS) };
}

/** the request, response and error serializers (pino-http takes them too: it replaces the logger's) */
export const logSerializers = { req: serializeRequest, res: serializeResponse, err: stdSerializers.err };

/** pino options of every logger of the server: serializers and redaction */
function loggerOptions(level: string): LoggerOptions {
  return { level, serializers: logSerializers, redact: { paths: redactPaths, censor: CENSOR } };
}

/** The server's logger (stdout unless a destination is given, e.g. a test capturing lines). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}

/** the same serializers and redaction on a logger created elsewhere (createApp's caller) */
export function withRedaction(log: Logger): Logger {
  const { serializers, redact } = loggerOptions(log.level);
  return log.child({}, { serializers, redact });
}

/** the database's own code and message behind a failure (for the log: no query text, no values) */
export function causeOf(err: unknown): { code?: string; message?: string } {
  const e = err as {
    code?: unknown;
    message?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; originalMessage?: unknown; kind?: unknown } } };
  };
  const cause = e?.meta?.driverAdapterError?.cause;
  if (cause) return { code: String(cause.originalCode ?? cause.kind), message: String(cause.originalMessage ?? "") };
  return {
    code: typeof e?.code === "string" ? e.code : undefined,
    message: typeof e?.message === "string" ? e.message.split("\n").filter(Boolean).at(-1) : undefined,
  };
}
