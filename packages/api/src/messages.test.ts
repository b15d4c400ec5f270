// Every bilingual text the API can answer with is written as a `{ ja, en }` pair (a name, a zod
// message, an error) or as a `message` / `messageEn` pair (a field issue): this reads them all from
// the source and checks that no English text holds kana or kanji and no Japanese text is empty.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

import ts from "typescript";
import { expect, it } from "vitest";

const SRC = import.meta.dirname;
const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const ENGLISH = new Set(["en", "messageEn"]);
const JAPANESE = new Set(["ja", "message"]);

interface Text {
  where: string;
  key: string;
  /** the literal parts of the text; interpolated values are left out */
  parts: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The literal parts of a string-valued expression, or null when it is not written in place. */
function literalParts(node: ts.Expression): string[] | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
  if (ts.isParenthesizedExpression(node)) return literalParts(node.expression);
  if (ts.isConditionalExpression(node)) {
    const whenTrue = literalParts(node.whenTrue);
    const whenFalse = literalParts(node.whenFalse);
    return whenTrue && whenFalse ? [...whenTrue, ...whenFalse] : (whenTrue ?? whenFalse);
  }
  return null;
}

/** Every `en:` / `messageEn:` / `ja:` / `message:` property written as a literal in `source`. */
function textsOf(fileName: string, source: string): Text[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const texts: Text[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
      const key = node.name.text;
      const parts = ENGLISH.has(key) || JAPANESE.has(key) ? literalParts(node.initializer) : null;
      if (parts) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        texts.push({ where: `${fileName}:${line + 1}`, key, parts });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return texts;
}

/** What is wrong with the texts: English holding kana or kanji, Japanese left empty. */
function problemsOf(texts: Text[]): string[] {
  return texts.flatMap(({ where, key, parts }) => {
    if (ENGLISH.has(key) && parts.some((p) => JAPANESE_SCRIPT.test(p))) return [`${where}: ${key} holds Japanese: ${parts.join("…")}`];
    if (JAPANESE.has(key) && parts.every((p) => p.trim() === "")) return [`${where}: ${key} is empty`];
    return [];
  });
}

const texts = sourceFiles(SRC).flatMap((path) => textsOf(relative(SRC, path), readFileSync(path, "utf8")));

it("reads the API's bilingual texts: names, zod messages, errors and field issues in every domain", () => {
  expect(texts.filter((t) => ENGLISH.has(t.key)).length).toBeGreaterThan(200);
  const files = new Set(texts.map((t) => t.where.split(/[/:]/)[0]));
  for (const domain of ["errors.ts", "validation.ts", "event", "roster", "child-volunteer", "recognition", "activity-log"]) {
    expect(files).toContain(domain);
  }
});

it("no English text (en, messageEn) holds kana or kanji, and no Japanese text (ja, message) is empty", () => {
  expect(problemsOf(texts)).toEqual([]);
});

it("finds kana or kanji in English and empty Japanese when they are there", () => {
  const bad = textsOf(
    "bad.ts",
    [
      `new NotFoundError({ ja: "シフト", en: "シフト" });`,
      "const a = bilingual({ ja: ``, en: `The ${what} was not found (見つかりません).` });",
      `const b = { path: "x", message: "", messageEn: cond ? "fine" : "漢字" };`,
      `const c = { ja: "団体", en: "group" };`,
    ].join("\n"),
  );
  expect(problemsOf(bad)).toEqual([
    "bad.ts:1: en holds Japanese: シフト",
    "bad.ts:2: ja is empty",
    "bad.ts:2: en holds Japanese: The … was not found (見つかりません).",
    "bad.ts:3: message is empty",
    "bad.ts:3: messageEn holds Japanese: fine…漢字",
  ]);
});
