// The web client. `npm run dev` proxies the API to `npm start`'s port; `npm run build` writes dist/,
// which apps/server serves beside the API on one port, and checks the pages' JavaScript against
// their budgets (scripts/size.js).
import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

const api = "http://localhost:4000";

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Apollo Client's document tools (print, visit, Kind) from @0no-co/graphql.web, the small
    // client-side GraphQL that gql.tada already brings, rather than graphql-js's language module
    // (issue 9). Tests and the API keep graphql-js (vitest.config.ts).
    alias: [{ find: /^graphql$/, replacement: "@0no-co/graphql.web" }],
    // rxjs (Apollo Client's) in its ES2015 build, not the ES5 one with tslib's helpers
    conditions: ["es2015", ...defaultClientConditions],
  },
  server: { proxy: { "/graphql": api, "/api": api } },
  build: {
    target: "es2022",
    sourcemap: false,
    manifest: true,
    reportCompressedSize: true,
    // every browser the build targets preloads modules itself (Vite's polyfill is for older ones)
    modulePreload: { polyfill: false },
  },
});
