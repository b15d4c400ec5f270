// Japanese type for the certificates, from the npm package @fontsource/noto-serif-jp: no download
// at run time. Fontsource ships Noto Serif JP split into ~120 numbered subsets, each covering a
// unicode-range listed in its CSS (as browsers load them). We pick, for every character, the subset
// that covers it and register each needed subset with pdfkit (fontkit reads WOFF), so a PDF embeds
// only the glyphs it prints.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { inflateSync } from "node:zlib";

import { required } from "../required.ts";

const require = createRequire(import.meta.url);

export type Weight = 400 | 700;

interface Subset {
  /** file name under the package's files/, e.g. noto-serif-jp-117-400-normal.woff */
  file: string;
  /** font name registered with pdfkit */
  name: string;
}

interface Face {
  dir: string;
  subsets: Subset[];
  /** code point → index of the first subset covering it, as in a browser's @font-face order */
  cover: Map<number, number>;
}

const faces = new Map<Weight, Face>();
const fileCache = new Map<string, Buffer>();

/** Parses a Fontsource CSS file: one @font-face per subset with its WOFF file and unicode-range. */
function parseFontsourceCss(css: string): Array<{ file: string; ranges: Array<[number, number]> }> {
  const out: Array<{ file: string; ranges: Array<[number, number]> }> = [];
  for (const block of css.split("@font-face").slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(",").map((r): [number, number] => {
      const [first, last] = r.trim().replace(/^U\+/i, "").split("-");
      const a = required(first, "start of a unicode-range");
      return [parseInt(a, 16), parseInt(last ?? a, 16)];
    });
    out.push({ file, ranges });
  }
  return out;
}

function face(weight: Weight): Face {
  let f = faces.get(weight);
  if (f) return f;
  const cssPath = require.resolve(`@fontsource/noto-serif-jp/${weight}.css`);
  const parsed = parseFontsourceCss(readFileSync(cssPath, "utf8"));
  const cover = new Map<number, number>();
  parsed.forEach((s, i) => {
    for (const [a, b] of s.ranges) for (let cp = a; cp <= b; cp++) if (!cover.has(cp)) cover.set(cp, i);
  });
  const prefix = "noto-serif-jp-";
  const suffix = `-${weight}-normal.woff`;
  f = {
    dir: path.join(path.dirname(cssPath), "files"),
    subsets: parsed.map((s) => ({ file: s.file, name: `NotoSerifJP-${weight}-${s.file.slice(prefix.length, -suffix.length)}` })),
    cover,
  };
  faces.set(weight, f);
  return f;
}

/** Stands in for a character no subset covers (an emoji, say): 〓 (geta), as typesetters do. */
const MISSING = "〓";
const MISSING_CODE_POINT = 0x3013; // 〓

export interface Run {
  /** the pdfkit font name (registered by `fontFor`) */
  font: string;
  text: string;
}

/** Splits text into runs of one subset each; characters no subset covers become 〓. */
export function runsOf(text: string, weight: Weight): Run[] {
  const f = face(weight);
  const runs: Run[] = [];
  for (const ch of text) {
    let i = f.cover.get(required(ch.codePointAt(0), "code point of a character"));
    let c = ch;
    if (i === undefined) {
      c = MISSING;
      i = required(f.cover.get(MISSING_CODE_POINT), `a subset covering ${MISSING}`);
    }
    const name = required(f.subsets[i], "subset of a covered character").name;
    const last = runs.at(-1);
    if (last && last.font === name) last.text += c;
    else runs.push({ font: name, text: c });
  }
  return runs;
}

/**
 * WOFF 1.0 → the plain TrueType/OpenType file it wraps (W3C WOFF §4–5): fontkit can read WOFF,
 * but inflates it in pure JavaScript (about a second per certificate); node's zlib does it once.
 */
function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error("not a WOFF file");
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.readUInt32BE(at),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < origLength ? inflateSync(raw) : raw,
    };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    header.writeUInt32BE(t.tag, 12 + i * 16);
    header.writeUInt32BE(t.checksum, 16 + i * 16);
    header.writeUInt32BE(offset, 20 + i * 16);
    header.writeUInt32BE(t.data.length, 24 + i * 16);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/** The font file (sfnt) of a registered subset name, read and unwrapped once per process. */
export function subsetFile(name: string): Buffer {
  const weight = Number(name.split("-")[1]) as Weight;
  const f = face(weight);
  const subset = f.subsets.find((s) => s.name === name);
  if (!subset) throw new Error(`unknown font subset ${name}`);
  let buf = fileCache.get(subset.file);
  if (!buf) {
    buf = woffToSfnt(readFileSync(path.join(f.dir, subset.file)));
    fileCache.set(subset.file, buf);
  }
  return buf;
}
