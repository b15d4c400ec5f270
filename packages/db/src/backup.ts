// Backups: one logical format for both databases (README "Backups").
//
// A backup is a gzip-compressed file of JSON lines: a header (format, version, when, from which kind
// of database, the migrations applied), then for each table a line { table, rows } followed by its
// rows, each PostgreSQL's own `row_to_json` text (written as it comes, never parsed, so big numbers,
// timestamps, bytea and JSON columns come back exactly). Everything is read in one REPEATABLE READ
// transaction: a consistent snapshot. A restore applies exactly the backup's migrations to an empty
// database, loads every table (parents before children) with `json_populate_recordset` in one
// transaction, and sets the sequences past their highest value. So an embedded backup restores into
// PostgreSQL and back, and a later `npm run db:migrate` brings the restored database up to date.
import { once } from "node:events";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { createGunzip, createGzip } from "node:zlib";

import type { Database } from "./database.ts";
import { migrationsDir, schemaPath } from "./env.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { tableNames } from "./inspect.ts";
import { applyPendingMigrations, migrationStatus } from "./migrate/index.ts";

const FORMAT = "tsunagu-backup";
const VERSION = 1;

interface Header {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  source: Database["kind"];
  migrations: string[];
}

type Tx = Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export class BackupError extends Error {
  constructor(ja: string, en: string) {
    super(`${ja}\n${en}`);
    this.name = "BackupError";
  }
}

/** the application's tables, every parent before the tables whose foreign keys point at it */
async function tablesParentsFirst(tx: Tx): Promise<string[]> {
  const names = await tableNames(tx);
  const edges = await tx.$queryRawUnsafe<Array<{ child: string; parent: string }>>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema() AND c.conrelid <> c.confrelid`,
  );
  const unquote = (name: string) => name.replace(/^"(.*)"$/, "$1").replaceAll('""', '"');
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges) parents.get(unquote(e.child))?.add(unquote(e.parent));
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    if (visiting.has(name)) throw new Error(`foreign keys form a cycle through ${name}: cannot order the tables`);
    visiting.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent);
    visiting.delete(name);
    ordered.push(name);
  };
  for (const name of names) visit(name);
  return ordered;
}

/** `<dir>/tsunagu-<UTC timestamp>.json.gz` */
export function defaultBackupFile(dir: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return path.join(dir, `tsunagu-${stamp}.json.gz`);
}

/** Writes a backup of `db` to `file` (default: `<dir>/tsunagu-<UTC timestamp>.json.gz`); resolves to the file and the row counts. */
export async function writeBackup(
  db: Database,
  target: { file?: string; dir: string },
): Promise<{ file: string; tables: Record<string, number> }> {
  const status = await migrationStatus({ adapterFactory: db.adapterFactory, schemaPath, migrationsDir, checkDrift: false });
  const file = path.resolve(target.file ?? defaultBackupFile(target.dir));
  await fsp.mkdir(path.dirname(file), { recursive: true });
  // written beside the target and renamed at the end: a file with the final name is always whole
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = fs.createWriteStream(partial);
  const piped = new Promise<void>((resolve, reject) => {
    gzip.pipe(out).on("finish", resolve).on("error", reject);
    gzip.on("error", reject);
  });
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
  };
  const tables: Record<string, number> = {};
  try {
    const header: Header = {
      format: FORMAT,
      version: VERSION,
      createdAt: new Date().toISOString(),
      source: db.kind,
      migrations: status.applied,
    };
    await write(JSON.stringify(header));
    await db.prisma.$transaction(
      async (tx) => {
        for (const table of await tablesParentsFirst(tx)) {
          const rows = await tx.$queryRawUnsafe<Array<{ row: string }>>(`SELECT row_to_json(t)::text AS row FROM ${quote(table)} t`);
          tables[table] = rows.length;
          await write(JSON.stringify({ table, rows: rows.length }));
          for (const { row } of rows) await write(row);
        }
      },
      { isolationLevel: "RepeatableRead", timeout: 600_000, maxWait: 60_000 },
    );
    gzip.end();
    await piped;
    const handle = await fsp.open(partial, "r");
    await handle.sync();
    await handle.close();
    await fsp.rename(partial, file);
  } catch (err) {
    gzip.destroy();
    await fsp.rm(partial, { force: true });
    throw err;
  }
  return { file, tables };
}

async function* readLines(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file).pipe(createGunzip());
  yield* readline.createInterface({ input, crlfDelay: Infinity });
}

async function readHeader(lines: AsyncGenerator<string>, file: string): Promise<Header> {
  const first = await lines.next();
  let header: Partial<Header> | undefined;
  try {
    header = first.done ? undefined : (JSON.parse(first.value) as Partial<Header>);
  } catch {
    header = undefined;
  }
  if (header?.format !== FORMAT || header.version !== VERSION || !Array.isArray(header.migrations)) {
    throw new BackupError(
      `${file} はツナグのバックアップではありません（npm run db:backup で作ったファイルを指定してください）。`,
      `${file} is not a Tsunagu backup (give a file made by npm run db:backup).`,
    );
  }
  return header as Header;
}

/** a migrations folder holding exactly the backup's migrations (from the repository's folder) */
async function migrationsOf(header: Header): Promise<string> {
  const known = new Set(await fsp.readdir(migrationsDir));
  const missing = header.migrations.filter((m) => !known.has(m));
  if (missing.length) {
    throw new BackupError(
      `このバックアップは新しい版のツナグで作られています（不明なマイグレーション: ${missing.join(", ")}）。その版で復元してください。`,
      `This backup was made by a newer version of Tsunagu (unknown migrations: ${missing.join(", ")}): restore it with that version.`,
    );
  }
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "tsunagu-restore-migrations-"));
  await fsp.copyFile(path.join(migrationsDir, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
  for (const name of header.migrations) await fsp.cp(path.join(migrationsDir, name), path.join(dir, name), { recursive: true });
  return dir;
}

/**
 * Restores `file` into `db`, which must be empty (no tables) — unless `reset` is given, which then
 * empties it first (db:restore --force). Resolves to the header and the row count of every table.
 */
export async function restoreBackup(
  db: Database,
  file: string,
  options: { reset?: () => Promise<void> } = {},
): Promise<{ header: Header; tables: Record<string, number> }> {
  const lines = readLines(file);
  try {
    const header = await readHeader(lines, file);
    // empty: no table at all, not even Prisma's migration table
    const existing = await db.prisma.$queryRawUnsafe<Array<{ n: bigint | number }>>(
      `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()`,
    );
    if (Number(existing[0]?.n ?? 0) > 0) {
      if (!options.reset) {
        throw new BackupError(
          `復元先のデータベース ${db.location} は空ではありません。何も変更していません。上書きするには --force を付けてください（今のデータはすべて消えます）。`,
          `The database at ${db.location} is not empty. Nothing was changed. To replace everything in it, add --force (all its current data is lost).`,
        );
      }
      await options.reset();
    }
    const dir = await migrationsOf(header);
    try {
      await applyPendingMigrations({ adapterFactory: db.adapterFactory, schemaPath, migrationsDir: dir });
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
    const tables: Record<string, number> = {};
    await db.prisma.$transaction(
      async (tx) => {
        const known = new Set(await tableNames(tx));
        for (let next = await lines.next(); !next.done; next = await lines.next()) {
          const { table, rows: count } = JSON.parse(next.value) as { table: string; rows: number };
          if (!known.has(table)) throw new Error(`the backup has a table the database does not: ${table}`);
          const rows: string[] = [];
          for (let i = 0; i < count; i++) {
            const row = await lines.next();
            if (row.done) throw new Error(`the backup ends inside table ${table}: the file is cut short`);
            rows.push(row.value);
          }
          // one statement per table: a row pointing at another row of the same table is checked at its end
          if (count) {
            await tx.$executeRawUnsafe(
              `INSERT INTO ${quote(table)} SELECT * FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`,
              `[${rows.join(",")}]`,
            );
          }
          tables[table] = count;
        }
        // serial columns continue after the highest restored value
        const serials = await tx.$queryRawUnsafe<Array<{ table_name: string; column_name: string }>>(
          `SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
        );
        for (const { table_name: t, column_name: c } of serials) {
          await tx.$queryRawUnsafe(
            `SELECT setval(pg_get_serial_sequence('${quote(t).replaceAll("'", "''")}', '${c.replaceAll("'", "''")}'), coalesce(max(${quote(c)}), 0) + 1, false) FROM ${quote(t)}`,
          );
        }
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    return { header, tables };
  } finally {
    await lines.return(undefined);
  }
}
