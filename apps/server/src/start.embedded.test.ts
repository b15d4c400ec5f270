// `npm start` on an empty embedded folder: migrates, loads the demo data, serves the demo accounts,
// and writes a backup for `npm run db:backup` while it runs.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { BACKUP_ENDPOINT_FILE } from "@tsunagu/db/backup-service";
import { runDbScript } from "@tsunagu/db/testing";

import { children, freePort, npmStart, signInAndAskMe, START_TIMEOUT, stop } from "./testing.ts";

let dataDir: string | undefined;
afterAll(async () => {
  for (const child of children) await stop(child);
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

describe("npm start on the embedded database", () => {
  it(
    "migrates and seeds an empty embedded folder on first start, then serves the demo accounts",
    async () => {
      dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "tsunagu-start-"));
      const port = await freePort();
      const { child, output, listening } = await npmStart({ TSUNAGU_DATA_DIR: dataDir, PORT: String(port) });
      expect(listening, output).toBe(true);
      expect(output).toContain("applied migrations to the embedded database");
      expect(output).toContain("loaded the Hannan demo data");
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toEqual({ ok: true });
      // the built web app on the same port, for any client-side route
      const page = await fetch(`http://127.0.0.1:${port}/groups`);
      expect(page.headers.get("content-type")).toContain("text/html");
      expect(await page.text()).toContain('<html lang="ja">');
      const body = await signInAndAskMe(port);
      expect(body.data).toEqual({ me: { email: "staff@hannan.example", isStaff: true }, organization: { name: "阪南市社会福祉協議会" } });
      // npm run db:backup while it runs: the server writes the backup (it holds the folder)
      const file = `${dataDir}-backup.json.gz`;
      const backup = await runDbScript("db:backup", ["--out", file], { TSUNAGU_DATA_DIR: dataDir });
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toContain("written by the running server");
      expect((await fs.stat(file)).size).toBeGreaterThan(1000);
      await fs.rm(file);
      await stop(child);
      await expect(fs.stat(path.join(dataDir, BACKUP_ENDPOINT_FILE))).rejects.toMatchObject({ code: "ENOENT" });
    },
    START_TIMEOUT,
  );
});
