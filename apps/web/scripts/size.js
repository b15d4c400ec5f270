// Prints the gzip size of the JavaScript each entry page downloads before it can render: the entry
// chunk with its static imports, plus a route's lazy chunk and its static imports, plus the chunk
// of its area's Japanese words (loaded beside it, src/i18n/index.ts), from Vite's manifest. Parts a
// screen loads after its first paint (src/lib/lazy.ts) are not counted: they are dynamic imports.
// `npm run -w @tsunagu/web size` after `npm run build`; `--check` (run by `npm run build`) fails
// when a page is over its budget (issue 9: first page ≤ 170 KB, roster ≤ 240 KB).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const manifest = JSON.parse(readFileSync(path.join(dist, ".vite/manifest.json"), "utf8"));

/** a chunk and everything it imports statically */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
  return seen;
}

function measure(keys) {
  let raw = 0;
  let gzip = 0;
  const files = new Set([...keys].map((k) => manifest[k].file).filter((f) => f.endsWith(".js")));
  for (const file of files) {
    const bytes = readFileSync(path.join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.size, raw, gzip };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
// signed-in pages also need the layout (Apollo Client, navigation)
const pages = {
  "first page (sign-in)": { chunks: ["src/routes/auth/SignInPage.tsx", "src/i18n/locales/ja/auth.json"], budgetKb: 170 },
  dashboard: { chunks: ["src/app/Layout.tsx", "src/routes/dashboard/DashboardPage.tsx", "src/i18n/locales/ja/dashboard.json"] },
  "roster page": { chunks: ["src/app/Layout.tsx", "src/routes/roster/RosterPage.tsx", "src/i18n/locales/ja/roster.json"], budgetKb: 240 },
};
const check = process.argv.includes("--check");
const over = [];
console.log("page                      | JS files | raw       | gzip     | budget");
for (const [name, { chunks, budgetKb }] of Object.entries(pages)) {
  const missing = chunks.filter((c) => !manifest[c]);
  // a page renamed without this list: the budget would silently stop applying
  if (missing.length) throw new Error(`${name}: ${missing.join(", ")} not in the build's manifest (scripts/size.js)`);
  const keys = closure(entry);
  for (const chunk of chunks) closure(chunk, keys);
  const m = measure(keys);
  const budget = budgetKb ? `≤ ${budgetKb} KB` : "";
  console.log(`${name.padEnd(25)} | ${String(m.files).padStart(8)} | ${kb(m.raw).padStart(9)} | ${kb(m.gzip).padEnd(8)} | ${budget}`);
  if (budgetKb && m.gzip > budgetKb * 1024) over.push(`${name}: ${kb(m.gzip)} gzip, over its budget of ${budgetKb} KB`);
}
const all = measure(new Set(Object.keys(manifest)));
console.log(`${"whole app (all routes)".padEnd(25)} | ${String(all.files).padStart(8)} | ${kb(all.raw).padStart(9)} | ${kb(all.gzip)}`);
if (check && over.length) {
  console.error(`JavaScript over budget (docs/web.md "Measured"):\n  ${over.join("\n  ")}`);
  process.exit(1);
}
