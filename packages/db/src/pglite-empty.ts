// An empty PGlite data folder as a tarball, cached per PGlite version in the checkout's
// node_modules/.cache/tsunagu: starting an in-memory PGlite from it skips initdb (3–7 s on a busy
// machine; starting from it takes well under a second). Scratch, shadow and test databases start
// from it: the tarball is read once per process into an image of its files (pglite-image.ts). When
// it is absent it is made once (the first caller pays one initdb); when it cannot be read or
// written, callers start PGlite the ordinary way.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";

import { repoRoot } from "./env.ts";
import { dataDirImage, pgliteFromImage, type DataDirImage } from "./pglite-image.ts";

function pgliteVersion(): string | undefined {
  try {
    let dir = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
    for (;;) {
      const file = path.join(dir, "package.json");
      if (fs.existsSync(file)) {
        const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
        if (pkg.name === "@electric-sql/pglite") return pkg.version;
      }
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  } catch {
    return undefined;
  }
}

/** where the tarball of this PGlite version lives (undefined when the version cannot be read) */
export function emptyPGliteArchivePath(): string | undefined {
  const version = pgliteVersion();
  return version ? path.join(repoRoot, "node_modules", ".cache", "tsunagu", `pglite-${version}-empty.tar`) : undefined;
}

let image: Promise<DataDirImage | undefined> | undefined;

/** The empty data folder (from its tarball, made on first use); undefined when it cannot be had. */
export function emptyPGliteImage(): Promise<DataDirImage | undefined> {
  image ??= loadOrMake()
    .then((tarball) => tarball && dataDirImage(tarball))
    .catch(() => undefined);
  return image;
}

async function loadOrMake(): Promise<ArrayBuffer | undefined> {
  const file = emptyPGliteArchivePath();
  if (!file) return undefined;
  if (fs.existsSync(file)) return new Uint8Array(fs.readFileSync(file)).buffer;
  const pglite = new PGlite();
  try {
    await pglite.waitReady;
    await pglite.query("CHECKPOINT"); // the files complete, with no write-ahead log to replay
    const tarball = await pglite.dumpDataDir("none");
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // written under a name of its own, then renamed: a reader never sees half a tarball
      const partial = `${file}.${process.pid}.${Date.now()}.partial`;
      fs.writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
      fs.renameSync(partial, file);
    } catch {
      // a read-only checkout: this process still uses the tarball it made
    }
    return await tarball.arrayBuffer();
  } finally {
    await pglite.close();
  }
}

/** A new, empty in-memory PGlite: from the cached tarball when there is one, else by initdb. */
export async function newEmptyPGlite(): Promise<PGlite> {
  const empty = await emptyPGliteImage();
  if (empty) {
    try {
      const pglite = pgliteFromImage(empty);
      await pglite.waitReady;
      return pglite;
    } catch {
      // an unusable tarball: start the ordinary way
    }
  }
  const pglite = new PGlite();
  await pglite.waitReady;
  return pglite;
}
