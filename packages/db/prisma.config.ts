import { defineConfig } from "prisma/config";

// Used by `prisma generate` only: migrations run through the project's own commands over the
// WebAssembly schema engine (see src/migrate and docs/data-model.md).
export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
});
