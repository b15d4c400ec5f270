// The one place of the e2e harness that reads process.env.
export const e2eEnv = {
  /** Debian's chromium (installed by .ci/run); never a downloaded browser */
  chromium: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  /** the built web app to serve (default apps/web/dist): lets parallel builds not overwrite each other */
  webDir: process.env.E2E_WEB_DIST,
  /** E2E_HEADED=1 shows the browser (needs a display) */
  headed: process.env.E2E_HEADED === "1",
  /** E2E_SCREENSHOTS=1 saves the journeys' screenshots (no test reads them: off by default, for speed) */
  screenshots: process.env.E2E_SCREENSHOTS === "1",
};
