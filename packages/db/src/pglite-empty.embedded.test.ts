// The cached empty PGlite (pglite-empty.ts): a database started from it is a working, empty one.
import fs from "node:fs";

import { describe, expect, it } from "vitest";

import { emptyPGliteArchivePath, newEmptyPGlite } from "./pglite-empty.ts";

describe("the cached empty PGlite", () => {
  it("is kept per PGlite version and starts an empty, writable database", async () => {
    const file = emptyPGliteArchivePath();
    expect(file).toMatch(/node_modules\/\.cache\/tsunagu\/pglite-\d+\.\d+\.\d+[^/]*-empty\.tar$/);
    const pglite = await newEmptyPGlite();
    try {
      expect(fs.existsSync(file!)).toBe(true);
      const tables = await pglite.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
      expect(tables.rows).toEqual([]);
      await pglite.exec("CREATE TABLE t (x int); INSERT INTO t VALUES (1), (2);");
      expect((await pglite.query<{ n: number }>("SELECT sum(x)::int AS n FROM t")).rows).toEqual([{ n: 3 }]);
    } finally {
      await pglite.close();
    }
    // the next one starts empty again: nothing written to a copy reaches the tarball
    const next = await newEmptyPGlite();
    try {
      expect((await next.query("SELECT 1 FROM information_schema.tables WHERE table_name = 't'")).rows).toEqual([]);
    } finally {
      await next.close();
    }
  });
});
