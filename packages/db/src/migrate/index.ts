// Database migrations over Prisma's WebAssembly schema engine (no native engine binaries).
// See README.md in this folder for how it works and why.

export {
  applyPendingMigrations,
  createNextMigration,
  hasTransactionControl,
  markMigrationRolledBack,
  migrationStatus,
  resetDatabase,
} from "./migrate.ts";
export type { MigrateOptions, MigrationStatus } from "./migrate.ts";
export { MigrationError } from "./errors.ts";
export { migrationsUpToDate } from "./up-to-date.ts";
export { lastEnginePanic, loadSchemaEngine, openEngine, setEngineLogger, withEngine } from "./engine.ts";
export type { OpenedEngine, SchemaEngine, SchemaEngineModule, SchemaFile } from "./engine.ts";
export { closeMigrationCache, freshPGlite, wrapAdapterFactory } from "./adapter.ts";
export type { MigrationFactory, WrapOptions } from "./adapter.ts";
