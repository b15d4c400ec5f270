// Database failures a request can meet through no fault of its own, told apart from every other
// error so the API can answer them as retryable (packages/api errors.ts BusyError, UnavailableError):
// - busy: a lock wait or statement ran past its bound (lock_timeout 55P03, statement_timeout 57014),
//   no pooled connection came free in time, or the server has no connection slot left (53300);
// - unavailable: the connection was lost (backend terminated 57P01/57P02, server starting or
//   stopping 57P03, class 08 connection exceptions, ECONNRESET, "Connection terminated"), or the
//   database takes no connections (55000 "is not currently accepting connections": ALTER DATABASE …
//   ALLOW_CONNECTIONS false during maintenance; told by its message, as 55000 also covers bugs).
// Prisma wraps driver errors (P2010 with meta.driverAdapterError.cause, or the driver's own Error),
// so the error and its causes are searched.

export type DatabaseFailure = "busy" | "unavailable";

const BUSY_CODES = new Set(["55P03", "57014", "53300", "P2024"]);
const UNAVAILABLE_CODES = new Set(["57P01", "57P02", "57P03", "P1001", "P1017", "ECONNRESET", "ECONNREFUSED", "EPIPE"]);
const BUSY_KINDS = new Set(["TooManyConnections", "SocketTimeout"]);
const UNAVAILABLE_KINDS = new Set(["ConnectionClosed", "DatabaseNotReachable"]);
const BUSY_MESSAGES = [/timeout exceeded when trying to connect/i, /Unable to start a transaction in the given time/i];
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /Client has encountered a connection error/i,
  /Client was closed and is not queryable/i,
  /Server has closed the connection/i,
  /Can't reach database server/i,
  /is not currently accepting connections/i,
];

/** "busy", "unavailable", or undefined for any other error (a bug, bad data, a constraint). */
export function databaseFailure(err: unknown): DatabaseFailure | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  let busy = false;
  while (queue.length > 0 && seen.size < 20) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const o = e as { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
    const codes = [o.code, o.originalCode].filter((c): c is string => typeof c === "string");
    const kind = typeof o.kind === "string" ? o.kind : "";
    const message = typeof o.message === "string" ? o.message : "";
    // a lost connection outranks a timeout met on the way (the retry advice is the same, the log differs)
    if (codes.some((c) => UNAVAILABLE_CODES.has(c) || c.startsWith("08")) || UNAVAILABLE_KINDS.has(kind)) return "unavailable";
    if (UNAVAILABLE_MESSAGES.some((m) => m.test(message))) return "unavailable";
    if (codes.some((c) => BUSY_CODES.has(c)) || BUSY_KINDS.has(kind) || BUSY_MESSAGES.some((m) => m.test(message))) busy = true;
    queue.push(o.cause);
    const meta = o.meta as { driverAdapterError?: unknown } | undefined;
    if (meta && typeof meta === "object") queue.push(meta.driverAdapterError);
  }
  return busy ? "busy" : undefined;
}
