// A PostgreSQL LISTEN on a connection of its own (not one of Prisma's pool: a pooled connection is
// handed to other work and may be closed at any time), which comes back after a loss. Whoever
// relies on its notifications is told the moment it stops listening and the moment it listens
// again, because every notification sent in between is lost for good (PostgreSQL keeps none for a
// listener that is not connected). The driver is loaded by the first attempt: the embedded database
// never listens, and its server need not load pg at start.
import type pg from "pg";

import { CONNECT_TIMEOUT_MS } from "./database.ts";

/** the first retry after a loss, doubled after each failed attempt up to LISTEN_RETRY_MAX_MS */
const LISTEN_RETRY_MIN_MS = 200;
const LISTEN_RETRY_MAX_MS = 10_000;

export interface ListenOptions {
  /** the PostgreSQL URL the process's database was opened with */
  url: string;
  channel: string;
  /** names the connection in pg_stat_activity */
  applicationName: string;
  onNotification(payload: string): void;
  /** true once LISTEN is in force (at start and after each reconnection); false the moment the connection is lost */
  onListening(listening: boolean): void;
  /** the connection was lost or could not be made: once per loss, not once per failed retry */
  onLost(err: unknown): void;
}

export interface Listener {
  /** resolves after the first attempt to listen, whether it succeeded (retries go on in the background) */
  ready: Promise<void>;
  /** ends the connection and any retry */
  close(): Promise<void>;
}

export function listen(options: ListenOptions): Listener {
  let client: pg.Client | undefined;
  let closed = false;
  let listening = false;
  let lossReported = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = LISTEN_RETRY_MIN_MS;

  const lost = (err: unknown) => {
    if (listening) {
      listening = false;
      options.onListening(false);
    }
    if (!lossReported) {
      lossReported = true;
      options.onLost(err);
    }
  };

  const scheduleRetry = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void attempt();
    }, delay);
    delay = Math.min(delay * 2, LISTEN_RETRY_MAX_MS);
  };

  async function attempt(): Promise<void> {
    const { default: driver } = await import("pg");
    if (closed) return;
    const c = new driver.Client({
      connectionString: options.url,
      application_name: options.applicationName,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // a peer that vanished without closing the connection is noticed by TCP keep-alive
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client = c;
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      if (client === c) client = undefined;
      c.removeAllListeners("notification");
      void c.end().catch(() => undefined);
      if (closed) return;
      lost(err);
      scheduleRetry();
    };
    c.on("error", fail);
    c.on("end", () => fail(new Error("the LISTEN connection ended")));
    c.on("notification", (message) => {
      if (message.channel === options.channel && message.payload !== undefined) options.onNotification(message.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${c.escapeIdentifier(options.channel)}`);
    } catch (err) {
      fail(err);
      return;
    }
    if (failed) return;
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    delay = LISTEN_RETRY_MIN_MS;
    lossReported = false;
    listening = true;
    options.onListening(true);
  }

  return {
    ready: attempt(),
    async close() {
      closed = true;
      clearTimeout(retry);
      retry = undefined;
      if (listening) {
        listening = false;
        options.onListening(false);
      }
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
