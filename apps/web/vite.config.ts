// The web client. `npm run dev` proxies the API to `npm start`'s port; `npm run build` writes dist/,
// which apps/server serves beside the API on one port.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = "http://localhost:4000";

export default defineConfig({
  plugins: [react()],
  // (the calendar feeds, /calendar/<token>.ics, are the API's; /calendar itself is the month view)
  server: { proxy: { "/graphql": api, "/api": api, "^/calendar/.+\\.ics$": api } },
  build: { target: "es2022", sourcemap: false, manifest: true, reportCompressedSize: true },
});
