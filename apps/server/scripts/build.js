// `turbo run build` of @tsunagu/server: the server (src/main.ts), the workspace packages it imports
// (@tsunagu/api, @tsunagu/db with its generated Prisma client, @tsunagu/seed) and most of its npm
// dependencies compiled into dist/ as ES modules, so `npm start` runs plain JavaScript in node — no
// TypeScript loader, and no resolving and reading of hundreds of files in node_modules at start
// (README, "The compiled server, its start time and memory"). The packages in EXTERNAL stay in
// node_modules, with their own files (PGlite's WASM and data, the Prisma engines) beside them. The
// demo data (@tsunagu/seed, imported only on an empty embedded database) is a separate chunk loaded
// on demand.
import { rm } from "node:fs/promises";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.join(here, "..", "dist");

/**
 * npm packages node loads from node_modules: those that read files beside their own code (PGlite's
 * WASM and data, Prisma's engines, pdfkit's fonts, pino's transport worker), those loaded only
 * when needed (nodemailer, pg, the demo data's faker, iconv-lite's tables) and Prisma's runtime.
 * Every other npm dependency is bundled.
 */
const EXTERNAL = [
  "@electric-sql/pglite",
  "pglite-prisma-adapter",
  "@prisma/*",
  "pdfkit",
  "pino",
  "pino-http",
  "nodemailer",
  "pg",
  "@faker-js/faker",
  // its encoding tables (half a megabyte of code) are read when a Shift_JIS CSV is first imported
  "iconv-lite",
];

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
  // no comments or indentation, and non-ASCII characters escaped: node keeps each module's source
  // text in memory, and one Japanese character in a comment makes the whole text two bytes a
  // character (8 MB for the main chunk instead of 2.5); names are kept for stack traces
  minifyWhitespace: true,
  charset: "ascii",
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
  external: EXTERNAL,
  // bundled CommonJS packages (express, Apollo Server's dependencies) call require() for node's own
  // modules: an ES module has no require, so each chunk gets one
  banner: {
    js: 'import { createRequire as __tsunaguCreateRequire } from "node:module"; const require = __tsunaguCreateRequire(import.meta.url);',
  },
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith(".js")).length;
process.stdout.write(`apps/server/dist: ${files} files, ${(bytes / 1e6).toFixed(1)} MB\n`);
