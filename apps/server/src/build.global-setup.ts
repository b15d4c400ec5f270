// The start and stop tests run the compiled server (dist/main.js, as `npm start` does): build it
// first, or restore it from turbo's cache when the sources have not changed (about a second).
// Vitest runs a global setup once per project, all before the first test: the build runs once.
import { execFileSync } from "node:child_process";

import { repoRoot } from "@tsunagu/db/env";

export default function setup(): void {
  // eslint-disable-next-line no-restricted-properties -- marks this Vitest process, not a setting
  if (process.env.TSUNAGU_SERVER_BUILT === "1") return;
  execFileSync("npx", ["turbo", "run", "build", "--filter=@tsunagu/server", "--output-logs=errors-only"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  // eslint-disable-next-line no-restricted-properties -- as above
  process.env.TSUNAGU_SERVER_BUILT = "1";
}
