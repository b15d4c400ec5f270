// Kana (ふりがな) for 五十音 order and search. The database keeps legalNameKana in hiragana (a CHECK
// constraint), but people type katakana as often as hiragana, and sometimes half-width katakana:
// both are folded to hiragana here. Only the katakana block's letters with a hiragana twin
// (ァ U+30A1 … ヶ U+30F6 ↔ ぁ U+3041 … ゖ U+3096) are mapped; ー stays as it is.
import { required } from "../required.ts";

const KATAKANA_FIRST = 0x30a1;
const KATAKANA_LAST = 0x30f6;
const HIRAGANA_FIRST = 0x3041;
const HIRAGANA_LAST = 0x3096;
const OFFSET = KATAKANA_FIRST - HIRAGANA_FIRST;

/** Katakana letters → hiragana; everything else unchanged. NFKC first, so ｶﾞ becomes が. */
export function toHiragana(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFKC")) {
    const c = required(ch.codePointAt(0), "code point of a character");
    out += c >= KATAKANA_FIRST && c <= KATAKANA_LAST ? String.fromCodePoint(c - OFFSET) : ch;
  }
  return out;
}

/** Hiragana letters → katakana (to find a nickname written in katakana from hiragana input). */
export function toKatakana(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFKC")) {
    const c = required(ch.codePointAt(0), "code point of a character");
    out += c >= HIRAGANA_FIRST && c <= HIRAGANA_LAST ? String.fromCodePoint(c + OFFSET) : ch;
  }
  return out;
}

/** What the database accepts in a kana column: hiragana, ー and spaces. */
const STORED_KANA = /^[ぁ-ゖー ]+$/;

/**
 * A ふりがな as typed (hiragana or katakana, full- or half-width, with ・ or spaces between family
 * and given name) → the stored form: hiragana, single half-width spaces. Null when it is not kana.
 */
export function normaliseKana(input: string): string | null {
  const kana = toHiragana(input).replace(/[・･]/g, " ").replace(/\s+/g, " ").trim();
  return kana.length > 0 && STORED_KANA.test(kana) ? kana : null;
}
