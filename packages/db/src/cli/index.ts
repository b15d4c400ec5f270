// `npm run db:<command>` — the project's own migration and seed commands (see README).
// They work on the embedded database (DATABASE_URL unset) and on PostgreSQL alike, and refuse to
// touch an embedded database that another process (a running server) holds. The commands
// themselves are in main.ts (runCli); this file gives them the process's streams and exit code.
import readline from "node:readline/promises";

import { runCli } from "./main.ts";

async function ask(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

const code = await runCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  ask: process.stdin.isTTY ? ask : undefined,
});
process.exit(code);
