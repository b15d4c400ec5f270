import fs from "node:fs";
import path from "node:path";

import lockfile from "proper-lockfile";

/**
 * An exclusive lock on an embedded (PGlite) data folder.
 *
 * PGlite takes no lock of its own across processes, and a second process opening the same folder
 * silently overwrites the first one's writes (measured: docs/data-model.md). Every opener of the
 * folder therefore takes this lock first, and a second opener is refused with a message that names
 * the holder.
 */
export interface FolderLock {
  release(): Promise<void>;
}

interface Holder {
  pid: number;
  command: string;
  since: string;
}

export class DatabaseInUseError extends Error {
  readonly holder: Holder | undefined;
  constructor(dataDir: string, holder: Holder | undefined) {
    const who = holder ? `process ${holder.pid} (${holder.command}), since ${holder.since}` : "another process";
    super(
      [
        `組み込みデータベース ${dataDir} は別のプロセスが使用中です: ${who}。`,
        "そのプロセス（npm start など）を止めてから、もう一度実行してください。何も変更していません。",
        `The embedded database at ${dataDir} is in use by ${who}.`,
        "Stop that process (e.g. npm start) and run this again. Nothing was changed.",
      ].join("\n"),
    );
    this.name = "DatabaseInUseError";
    this.holder = holder;
  }
}

const STALE_MS = 30_000;

function lockTarget(dataDir: string) {
  return {
    lockfilePath: path.join(dataDir, ".tsunagu.lock"),
    holderPath: path.join(dataDir, ".tsunagu.holder.json"),
  };
}

function readHolder(holderPath: string): Holder | undefined {
  try {
    return JSON.parse(fs.readFileSync(holderPath, "utf8")) as Holder;
  } catch {
    return undefined;
  }
}

export async function lockDataDir(dataDir: string, command: string): Promise<FolderLock> {
  fs.mkdirSync(dataDir, { recursive: true });
  const { lockfilePath, holderPath } = lockTarget(dataDir);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath,
      realpath: false,
      stale: STALE_MS,
      // A lost lock means another process may be writing: stop rather than risk the data.
      onCompromised: (err) => {
        console.error(`Lost the lock on ${dataDir}: ${err.message}. Stopping to protect the data.`);
        process.exit(70);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new DatabaseInUseError(dataDir, readHolder(holderPath));
    }
    throw err;
  }
  const holder: Holder = { pid: process.pid, command, since: new Date().toISOString() };
  fs.writeFileSync(holderPath, JSON.stringify(holder));
  return {
    async release() {
      fs.rmSync(holderPath, { force: true });
      await release();
    },
  };
}
