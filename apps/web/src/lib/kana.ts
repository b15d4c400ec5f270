// 五十音順: Japanese collation by reading (ふりがな), as the API orders rosters.
const collator = new Intl.Collator("ja", { sensitivity: "base", numeric: true });

export function compareKana(a: string, b: string): number {
  return collator.compare(a, b);
}

/** sorts by a reading (ふりがな), falling back to the displayed name */
export function sortByKana<T>(items: readonly T[], reading: (item: T) => string | null | undefined): T[] {
  return [...items].sort((x, y) => compareKana(reading(x) ?? "", reading(y) ?? ""));
}

/** katakana → hiragana, so a search typed either way matches ふりがな */
export function toHiragana(text: string): string {
  return text.normalize("NFKC").replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}
