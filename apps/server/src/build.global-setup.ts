// The start and stop tests run the compiled server (dist/main.js, as `npm start` does): build it
// first, or restore it from turbo's cache when the sources have not changed (about a second).
import { execFileSync } from "node:child_process";

import { repoRoot } from "@tsunagu/db/env";

export default function setup(): void {
  execFileSync("npx", ["turbo", "run", "build", "--filter=@tsunagu/server", "--output-logs=errors-only"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
}
