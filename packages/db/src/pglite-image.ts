// A PGlite data folder read once from its tarball (a dumpDataDir() of the empty folder or of a test
// template) and written straight into each new in-memory PGlite. PGlite's own `loadDataDir` reads
// the Blob into a new buffer, parses the tar and looks every parent folder of every file up again,
// for every database it starts: about 0.6 s of CPU of a test file's one-second setup. Here the tar
// is parsed once per process; each database gets copies of the files (PostgreSQL writes into them)
// in folders made once each.
import { MemoryFS, PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { parseTar } from "nanotar";

/** where PGlite keeps its data folder in its in-memory file system */
const PGDATA = "/pglite/data";

interface ImageFile {
  path: string;
  data: Uint8Array;
  /** modification time, ms since the epoch (as PGlite's loader sets it) */
  mtime: number;
}

export interface DataDirImage {
  /** folders under the data folder, each after its parent */
  folders: string[];
  files: ImageFile[];
}

/** the folders and files of a data folder's tarball (uncompressed, as dumpDataDir("none") makes it) */
export function dataDirImage(tarball: ArrayBuffer): DataDirImage {
  const folders: string[] = [];
  const files: ImageFile[] = [];
  for (const entry of parseTar(tarball)) {
    const path = `${PGDATA}/${entry.name.replace(/\/+$/, "")}`;
    if (entry.type === "directory") folders.push(path);
    else if (entry.type === "file")
      files.push({ path, data: entry.data ?? new Uint8Array(0), mtime: (entry.attrs?.mtime ?? Date.now() / 1000) * 1000 });
    else throw new Error(`a PGlite data folder holds only folders and files, not ${entry.type} (${entry.name})`);
  }
  if (!files.some((f) => f.path === `${PGDATA}/PG_VERSION`)) throw new Error("not a PostgreSQL data folder: no PG_VERSION");
  return { folders, files };
}

/** the parts of an Emscripten MEMFS node used here (Emscripten's library_memfs.js) */
interface MemNode {
  node_ops: { mknod(parent: MemNode, name: string, mode: number, dev: number): MemNode };
  contents: Uint8Array;
  usedBytes: number;
  atime: number;
  mtime: number;
}

const REGULAR_FILE = 0o100600;

/** PGlite's in-memory file system, holding the image's data folder before PostgreSQL starts */
class ImageFS extends MemoryFS {
  constructor(private readonly image: DataDirImage) {
    super();
  }

  override async initialSyncFs(): Promise<void> {
    await super.initialSyncFs();
    if (!this.pg) throw new Error("PGlite syncs its file system only after init()");
    const FS = this.pg.Module.FS;
    FS.mkdirTree(PGDATA);
    // each file is made in its folder's node directly: FS.writeFile would look its whole path up
    // again for every file (most of the time PGlite's own loader takes)
    const folders = new Map<string, MemNode>([[PGDATA, FS.lookupPath(PGDATA, {}).node as unknown as MemNode]]);
    for (const folder of this.image.folders) folders.set(folder, FS.mkdir(folder) as unknown as MemNode);
    for (const file of this.image.files) {
      const slash = file.path.lastIndexOf("/");
      const parent = folders.get(file.path.slice(0, slash));
      if (!parent) throw new Error(`the data folder's image has ${file.path} but not its folder`);
      const node = parent.node_ops.mknod(parent, file.path.slice(slash + 1), REGULAR_FILE, 0);
      node.contents = file.data.slice(); // a copy: PostgreSQL writes into it, the image stays for the next database
      node.usedBytes = file.data.length;
      node.atime = node.mtime = file.mtime;
    }
  }
}

/** a new in-memory PGlite starting from the image (PGlite finds the folder and starts on it) */
export function pgliteFromImage(image: DataDirImage, options: Omit<PGliteOptions, "fs" | "loadDataDir" | "dataDir"> = {}): PGlite {
  return new PGlite({ ...options, fs: new ImageFS(image) });
}
