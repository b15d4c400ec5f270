// Loads Prisma's WebAssembly schema engine (the same engine `prisma migrate` uses, compiled to
// wasm) and opens engine instances on a driver adapter.
//
// `@prisma/schema-engine-wasm`'s main entry does `import * as wasm from "./schema_engine_bg.wasm"`,
// which Node 20 cannot import. So we import the JS glue (`schema_engine_bg`), instantiate the
// `.wasm` that sits next to it ourselves, and hand the exports to the glue — what the main entry
// would have done. This happens once per process.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

export type { SchemaEngine };

/** The loaded wasm module's API: the `SchemaEngine` class and the engine's version. */
export interface SchemaEngineModule {
  SchemaEngine: typeof glue.SchemaEngine;
  version: string;
}

let loading: Promise<SchemaEngineModule> | undefined;

/** Instantiates the wasm schema engine once per process; later calls return the same module. */
export function loadSchemaEngine(): Promise<SchemaEngineModule> {
  loading ??= instantiate().catch((err: unknown) => {
    loading = undefined; // let a later call retry
    throw err;
  });
  return loading;
}

/** The wasm glue reports Rust panics to this global (the prisma CLI installs the same one). */
interface PanicRegistry {
  get(): string;
  set_message(message: string): void;
}

function installPanicRegistry(): void {
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
  if (g.PRISMA_WASM_PANIC_REGISTRY) return;
  let message = "";
  g.PRISMA_WASM_PANIC_REGISTRY = {
    get: () => message,
    set_message(m: string) {
      message = `RuntimeError: ${m}`;
    },
  };
}

/** The last Rust panic message the engine reported, if any. */
export function lastEnginePanic(): string {
  return (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry }).PRISMA_WASM_PANIC_REGISTRY?.get() ?? "";
}

async function instantiate(): Promise<SchemaEngineModule> {
  installPanicRegistry();
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(gluePath), "schema_engine_bg.wasm");
  const bytes = await readFile(wasmPath);
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports["__wbindgen_start"] as () => void)();
  return { SchemaEngine: glue.SchemaEngine, version: glue.version() };
}

/** A schema file as the engine wants it: its path and its text. */
export interface SchemaFile {
  path: string;
  content: string;
}

export interface OpenedEngine {
  engine: SchemaEngine;
  /** Frees the engine (wasm memory). Safe to call twice. */
  free(): void;
}

let logger: ((line: string) => void) | undefined;

/**
 * Sends the engine's log lines (JSON, one per line) to `log`, or nowhere with undefined
 * (the default). For debugging: `setEngineLogger((l) => process.stderr.write(l + "\n"))`.
 */
export function setEngineLogger(log: ((line: string) => void) | undefined): void {
  logger = log;
}

/**
 * Opens an engine on `adapterFactory` for the given schema files. Free it with `free()` when
 * done — `withEngine` does that for you.
 */
export async function openEngine(schemaFiles: SchemaFile[], adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<OpenedEngine> {
  const { SchemaEngine } = await loadSchemaEngine();
  const engine = await SchemaEngine.new(
    { datamodels: schemaFiles.map((f): [string, string] => [f.path, f.content]) },
    (line: string) => logger?.(line),
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  let freed = false;
  return {
    engine,
    free() {
      if (freed) return;
      freed = true;
      engine.free();
    },
  };
}

/** Opens an engine, runs `fn`, and frees the engine afterwards (also on error). */
export async function withEngine<T>(
  schemaFiles: SchemaFile[],
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const opened = await openEngine(schemaFiles, adapterFactory);
  try {
    return await fn(opened.engine);
  } catch (err) {
    if (err instanceof Error && err.name === "RuntimeError") {
      // a Rust panic (wasm trap): this wasm instance may be corrupt, load a fresh one next time
      loading = undefined;
      const panic = lastEnginePanic();
      if (panic) err.message = `${panic}\n${err.message}`;
    }
    throw err;
  } finally {
    try {
      opened.free();
    } catch {
      // freeing after a trap can fail; nothing more to release
    }
  }
}
