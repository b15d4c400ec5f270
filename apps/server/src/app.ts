// The whole product on one port: the API (packages/api) and the built web app (apps/web/dist),
// gzip-compressed. Used by `npm start` (main.ts) and by the browser tests (tooling/e2e).
import { existsSync } from "node:fs";
import path from "node:path";

import compression from "compression";
import express from "express";
import type { Logger } from "pino";

import { createApp, type ApiEnv, type App } from "@tsunagu/api";

export async function createServer(apiEnv: ApiEnv, log: Logger, webDir: string): Promise<App> {
  const result = await createApp(apiEnv, log);
  const { app } = result;
  if (!existsSync(path.join(webDir, "index.html"))) {
    log.warn({ webDir }, "the web app is not built (npm run build): serving the API only");
    return result;
  }
  app.use(compression());
  // hashed file names under /assets never change: cache them for a year; index.html never
  app.use("/assets", express.static(path.join(webDir, "assets"), { immutable: true, maxAge: "1y", fallthrough: false }));
  app.use(express.static(webDir, { index: false, maxAge: 0 }));
  // client-side routes (/groups/…, /invite/accept?token=…) all get the app's index.html
  app.get(/^\/(?!api\/|graphql|healthz).*/, (_req, res) => {
    res.setHeader("cache-control", "no-cache");
    res.sendFile(path.join(webDir, "index.html"));
  });
  return result;
}
