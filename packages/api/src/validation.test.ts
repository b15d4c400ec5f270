// The shared validation schemas on their own (no database): what they accept, and the bilingual
// message of each refusal.
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { idListOf, issueText } from "./validation.ts";

describe("idListOf", () => {
  const ids = idListOf({ ja: "お知らせ", en: "notification", many: "notifications" }, 3);
  const refusal = (value: unknown) => {
    const result = ids.safeParse(value);
    return result.success ? undefined : result.error.issues.map((i) => issueText(i.message));
  };

  it("accepts 1 to max UUIDs", () => {
    expect(refusal([randomUUID()])).toBeUndefined();
    expect(refusal([randomUUID(), randomUUID(), randomUUID()])).toBeUndefined();
  });

  it("refuses none, more than max, and anything not a UUID, naming what was chosen in both languages", () => {
    expect(refusal([])).toEqual([{ ja: "お知らせを1件以上選んでください。", en: "Choose at least one notification." }]);
    expect(refusal([randomUUID(), randomUUID(), randomUUID(), randomUUID()])).toEqual([
      { ja: "一度に選べるお知らせは3件までです。", en: "At most 3 notifications at a time." },
    ]);
    expect(refusal([randomUUID(), "1; DROP TABLE"])).toEqual([
      { ja: "お知らせのIDの形式が正しくありません。", en: "A notification id is not valid." },
    ]);
  });
});
