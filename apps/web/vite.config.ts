// The web client. `npm run dev` proxies the API to `npm start`'s port; `npm run build` writes dist/,
// which apps/server serves beside the API on one port, and checks the pages' JavaScript against
// their budgets (scripts/size.js).
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

const api = "http://localhost:4000";

// react-router publishes only its development build in its exports; the production one beside it
// drops the dev-only warnings (0.6 KB gzip, which the roster's budget needs: issue 9)
const reactRouterProduction = path.join(path.dirname(createRequire(import.meta.url).resolve("react-router")), "../production/index.mjs");

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Apollo Client's `graphql` imports: graphql-js with graphql.web's printer (src/graphql-client.ts;
    // issue 9). Tests and the API keep graphql-js as it is (vitest.config.ts).
    alias: [
      { find: /^graphql$/, replacement: fileURLToPath(new URL("src/graphql-client.ts", import.meta.url)) },
      { find: /^react-router$/, replacement: reactRouterProduction },
    ],
    // rxjs (Apollo Client's) in its ES2015 build, not the ES5 one with tslib's helpers
    conditions: ["es2015", ...defaultClientConditions],
  },
  // (the calendar feeds, /calendar/<token>.ics, are the API's; /calendar itself is the month view)
  server: { proxy: { "/graphql": api, "/api": api, "^/calendar/.+\\.ics$": api } },
  build: {
    target: "es2022",
    sourcemap: false,
    manifest: true,
    reportCompressedSize: true,
    // every browser the build targets preloads modules itself (Vite's polyfill is for older ones)
    modulePreload: { polyfill: false },
  },
});
