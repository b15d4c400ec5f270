import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * An exclusive lock on an embedded (PGlite) data folder.
 *
 * PGlite takes no lock of its own across processes, and a second process opening the same folder
 * silently overwrites the first one's writes (measured: docs/data-model.md). Every opener of the
 * folder therefore takes this lock first, and a second opener is refused with a message that names
 * the holder.
 *
 * The lock is a directory, `.tsunagu.lock`, created in one atomic step (a prepared directory renamed
 * into place) with `holder.json` inside: the holder's pid, host name, process start time and a
 * random token. A lock is stale only when its holder is provably gone: same host, and the pid is
 * not alive (`process.kill(pid, 0)` → ESRCH) or is alive but started at another time (a reused pid).
 * No clock decides: after `kill -9` the next opener proceeds at once, and a holder that is alive —
 * even stopped (Ctrl-Z, a paused VM) for any length of time — keeps its lock. A lock held from another
 * host (a shared folder) is never taken over.
 */
export interface FolderLock {
  release(): Promise<void>;
}

interface Holder {
  pid: number;
  hostname: string;
  /** the holder process's start time as the kernel counts it (Linux /proc/<pid>/stat), when known */
  startTime?: string;
  command: string;
  since: string;
  token: string;
}

export class DatabaseInUseError extends Error {
  readonly holder: Holder | undefined;
  constructor(dataDir: string, holder: Holder | undefined) {
    const host = holder && holder.hostname !== os.hostname() ? ` on ${holder.hostname}` : "";
    const who = holder ? `process ${holder.pid}${host} (${holder.command}), since ${holder.since}` : "another process";
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

const LOCK_DIR = ".tsunagu.lock";
const HOLDER_FILE = "holder.json";

/** this process's start time in clock ticks since boot (Linux), so a reused pid is told apart */
function processStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // the command name (field 2) may hold spaces and parentheses: count fields after the last ")"
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function readHolder(lockDir: string): Holder | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(lockDir, HOLDER_FILE), "utf8")) as Holder;
  } catch {
    return undefined;
  }
}

/** whether the holder is provably gone: on this host, and its pid is dead or belongs to a later process */
function holderIsGone(holder: Holder): boolean {
  if (holder.hostname !== os.hostname()) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    // EPERM: alive, another user's process
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
  const startTime = processStartTime(holder.pid);
  return Boolean(holder.startTime && startTime && holder.startTime !== startTime);
}

/** a lock without a readable holder.json was not made by this code (locks appear with their holder): stale */
function isStale(holder: Holder | undefined): boolean {
  return holder ? holderIsGone(holder) : true;
}

/** moves the lock directory aside in one step (the lock is free from that instant), then deletes it */
function removeLockDir(lockDir: string, expectToken: string | undefined): boolean {
  const aside = `${lockDir}.removed-${randomUUID()}`;
  try {
    fs.renameSync(lockDir, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw err;
  }
  if (expectToken !== undefined && readHolder(aside)?.token !== expectToken) {
    // another opener took the stale lock over between our look and our move: give it back
    fs.renameSync(aside, lockDir);
    return false;
  }
  fs.rmSync(aside, { recursive: true, force: true });
  return true;
}

export async function lockDataDir(dataDir: string, command: string): Promise<FolderLock> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockDir = path.join(dataDir, LOCK_DIR);
  const holder: Holder = {
    pid: process.pid,
    hostname: os.hostname(),
    startTime: processStartTime(process.pid),
    command,
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  // the lock appears with its holder inside, in one rename: no opener ever sees a lock without one
  const prepared = `${lockDir}.new-${holder.token}`;
  fs.mkdirSync(prepared);
  fs.writeFileSync(path.join(prepared, HOLDER_FILE), JSON.stringify(holder));
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        fs.renameSync(prepared, lockDir);
        break;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== "ENOTEMPTY" && code !== "EEXIST" && code !== "EISDIR") throw err;
      }
      const current = readHolder(lockDir);
      if (attempt >= 3 || !isStale(current)) throw new DatabaseInUseError(dataDir, current);
      removeLockDir(lockDir, current?.token);
    }
  } catch (err) {
    fs.rmSync(prepared, { recursive: true, force: true });
    throw err;
  }
  // leftovers of the previous lock format
  fs.rmSync(path.join(dataDir, ".tsunagu.holder.json"), { force: true });
  return {
    async release() {
      if (readHolder(lockDir)?.token === holder.token) removeLockDir(lockDir, holder.token);
    },
  };
}
