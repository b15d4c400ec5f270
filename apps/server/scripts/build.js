// `turbo run build` of @tsunagu/server: the server (src/main.ts) and the workspace packages it
// imports (@tsunagu/api, @tsunagu/db with its generated Prisma client, @tsunagu/seed) compiled into
// dist/ as ES modules, so `npm start` runs plain JavaScript in node — no TypeScript loader. npm
// dependencies stay external: node loads them from node_modules as before, with their own files
// (PGlite's WASM and data, the Prisma engines) beside them. The demo data (@tsunagu/seed, imported
// only on an empty embedded database) is a separate chunk loaded on demand.
import { rm } from "node:fs/promises";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.join(here, "..", "dist");

/** every bare import except the workspace's own packages (TypeScript sources) is left to node */
const npmDependenciesExternal = {
  name: "npm-dependencies-external",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@tsunagu/")) return undefined;
      return { path: args.path, external: true };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
const result = await esbuild.build({
  entryPoints: { main: path.join(here, "..", "src", "main.ts") },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  sourcemap: "linked",
  // the sources' own file names in stack traces (pino's err serializer prints them)
  keepNames: true,
  metafile: true,
  logLevel: "warning",
  plugins: [npmDependenciesExternal],
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith(".js")).length;
process.stdout.write(`apps/server/dist: ${files} files, ${(bytes / 1e6).toFixed(1)} MB\n`);
