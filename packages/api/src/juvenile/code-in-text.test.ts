// The matching of code-in-text.ts, without a database: a participant's code is found in any width,
// case and spacing, only where it stands on its own; a name next to a code is noticed.
import { describe, expect, it } from "vitest";

import { codesInText, nameNextToCode } from "./code-in-text.ts";

const CODES = ["GS-R7-01", "GS-R7-12"];

describe("a participant's code in free text", () => {
  it.each([
    ["as stored", "GS-R7-01 が牡蠣小屋を手伝った"],
    ["lower case", "gs-r7-01 helped"],
    ["full width", "ＧＳ－Ｒ７－０１が手伝った"],
    ["full-width lower case", "ｇｓ－ｒ７－０１"],
    ["without separators", "GSR701"],
    ["spaces", "G S R 7 0 1"],
    ["underscores", "gs_r7_01"],
    ["nakaguro", "GS・R7・01"],
    ["chōon and full-width space", "ＧＳーＲ７　０１"],
    ["zero-width space", "GS-\u200bR7-01"],
    ["inside Japanese text", "本日はgsr701くんとわかめ"],
  ])("recognises it %s", (_, text) => {
    expect(codesInText(text, CODES)).toEqual(["GS-R7-01"]);
  });

  it.each([
    ["another code that begins the same", "GS-R7-010"],
    ["letters before it", "XGS-R7-01"],
    ["an ordinary text", "12月に牡蠣小屋で GS の R7 を"],
    ["part of the code only", "R7-01"],
  ])("does not see it in %s", (_, text) => {
    expect(codesInText(text, CODES)).toEqual([]);
  });
});

describe("a personal name next to a code", () => {
  it.each([
    ["a name with an honorific before", "山田さん（GS-R7-01）が作業"],
    ["a name in brackets after", "GS-R7-01（山田）がわかめの袋詰め"],
    ["a full name set off by a space", "山田太郎 GS-R7-01"],
    ["a name after a colon", "GS-R7-01：タロウ"],
    ["a name after a space, then a particle", "gs-r7-12 佐藤 と一緒に"],
    ["in full width", "ＧＳ－Ｒ７－０１　山田"],
  ])("is noticed: %s", (_, text) => {
    expect(nameNextToCode(text, CODES)).toBe(true);
  });

  it.each([
    ["codes only", "GS-R7-01、GS-R7-12 がわかめの袋詰めをした。"],
    ["the code as the name", "GS-R7-01さんが牡蠣小屋で作業しました"],
    ["a noun in the sentence", "GS-R7-01 が牡蠣小屋で作業"],
    ["a name in another sentence", "GS-R7-01 が作業した。\n漁師の山田さんに感謝。"],
    ["no code", "山田さん（漁師）"],
  ])("is not noticed: %s", (_, text) => {
    expect(nameNextToCode(text, CODES)).toBe(false);
  });
});
