// A juvenile participant's code in free text (少年法61条). This module owns the matching; every
// free-text input of the API goes through `guardFreeText`:
//  - text that leaves the staff/liaison circle (anything not of the juvenile programme, and every
//    certificate, which is printed) may not carry a code in ANY form: the text is NFKC-normalised
//    and case-folded, and a code matches with or without separators between its characters
//    ('-', '_', spaces, '・', 'ー', dashes, dots, zero-width characters), so 「ｇｓ－ｒ７－０１」,
//    "gs r7 01" and "GSR701" are all GS-R7-01. A code must stand on its own: no ASCII letter or
//    digit right before or after it (GS-R7-010 is not GS-R7-01);
//  - text of the juvenile programme (seen by staff and the liaison only) may name codes, but text
//    that looks like a personal name next to a code is a CONFIRMATION_REQUIRED answer (nothing
//    saved) until the caller sends it again with `acknowledgeNameWarning: true`.
import type { Prisma } from "@tsunagu/db";

import { fieldIssue, InvalidInputError, type Bilingual, type FieldIssue } from "../errors.ts";

/** What may stand between a code's characters (after NFKC): spaces, dashes, '_', '・', 'ー', '.', invisible characters. */
const SEPARATOR = "[\\s\\p{Pd}_・ー.\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]*";

/** The form texts and codes are compared in: NFKC (full-width → ASCII), lower case. */
function foldForCodes(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** A pattern matching `code` in folded text, in any width and case, with or without separators. */
function codePattern(code: string): RegExp {
  const chars = [...foldForCodes(code)].filter((c) => /[a-z0-9]/.test(c));
  const body = chars.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(SEPARATOR);
  return new RegExp(`(?<![a-z0-9])${body}(?![a-z0-9])`, "gu");
}

/** The codes among `codes` that `text` carries, in any form. */
export function codesInText(text: string, codes: readonly string[]): string[] {
  const folded = foldForCodes(text);
  return codes.filter((code) => codePattern(code).test(folded));
}

// ── a personal name next to a code (a warning, not a refusal: the heuristics are deliberately broad)

/** letters a name is written in: kanji, katakana (a name in hiragana or romaji is not looked for) */
const NAME = "[\\p{Script=Han}\\p{Script=Katakana}]";
const HONORIFICS = "(さん|くん|君|ちゃん|様|さま|氏|殿)";
/** a name with an honorific: 山田さん, タロウくん (not the code's own 「GS-R7-01さん」) */
const WITH_HONORIFIC = new RegExp(`${NAME}\\s*${HONORIFICS}`, "u");
/** a name in brackets: (山田), 「タロウ」 */
const BRACKETED = new RegExp(`[(（「『【\\[]\\s*${NAME}{2,12}\\s*[)）」』】\\]]`, "u");
/** a name set off before the code by a space or punctuation: 山田太郎 GS-R7-01, 山田：GS-R7-01 */
const SET_OFF_BEFORE = new RegExp(`(^|[\\s、,(（「『【\\[])${NAME}{2,12}[\\s:=/・(（「『【\\[]+$`, "u");
/** a name set off after the code: GS-R7-01 山田, GS-R7-01：山田太郎 */
const SET_OFF_AFTER = new RegExp(`^[\\s:=/・)）」』】\\]]+${NAME}{2,12}($|[\\s、,)）」』】\\]]|${HONORIFICS})`, "u");
/** a clause ends here: a name beyond it is not "next to" the code */
const CLAUSE_END = /[。.!?！？\n]/u;

/** How far around a code a name is looked for, in characters (within the same clause). */
const REACH = 16;

/**
 * Whether `text` looks like it names a person next to a code: around each code (within REACH
 * characters, not across 。 or a line break) there is a kanji/katakana name with an honorific, a
 * name in brackets, or a run of kanji/katakana set off from the code by a space or punctuation.
 * Deliberately broad (it only asks for a confirmation): 「GS-R7-01 漁師さんと」 also asks.
 */
export function nameNextToCode(text: string, codes: readonly string[]): boolean {
  const folded = foldForCodes(text);
  for (const code of codes) {
    for (const match of folded.matchAll(codePattern(code))) {
      const start = match.index;
      const end = start + match[0].length;
      // ^ in a window means the start of the text or of a clause, not where the window was cut
      const clauses = folded.slice(Math.max(0, start - REACH), start).split(CLAUSE_END);
      const before = (clauses.length === 1 && start > REACH ? "x" : "") + (clauses.pop() ?? "");
      const after = folded.slice(end, end + REACH).split(CLAUSE_END)[0] ?? "";
      if (WITH_HONORIFIC.test(before) || WITH_HONORIFIC.test(after)) return true;
      if (BRACKETED.test(before) || BRACKETED.test(after)) return true;
      if (SET_OFF_BEFORE.test(before) || SET_OFF_AFTER.test(after)) return true;
    }
  }
  return false;
}

// ── the guard every free-text input uses

interface FreeText {
  /** the input path, e.g. "input.body" */
  path: string;
  text: string | null | undefined;
  /** the field, in both languages: `{ ja: "本文", en: "body" }` */
  what: Bilingual;
}

interface FreeTextAudience {
  /**
   * true when the text stays within staff and the institution liaison (a record of the juvenile
   * programme); false when anyone else may read it or it is printed (a certificate)
   */
  juvenile: boolean;
  /** the caller has seen the name warning and saves anyway */
  acknowledgeNameWarning?: boolean | null;
}

/** The organisation's juvenile participants' codes (current and past). */
async function organisationCodes(tx: Prisma.TransactionClient, orgId: string): Promise<string[]> {
  const rows = await tx.juvenileParticipant.findMany({ where: { orgId }, select: { code: true } });
  return rows.map((r) => r.code);
}

/**
 * Refuses (INVALID_INPUT) a participant's code in text that leaves the staff/liaison circle;
 * for juvenile-programme text, answers CONFIRMATION_REQUIRED when a name seems to stand next to a
 * code, unless acknowledged. Call inside the mutation's transaction, before anything is written.
 */
export async function guardFreeText(
  tx: Prisma.TransactionClient,
  orgId: string,
  audience: FreeTextAudience,
  fields: readonly FreeText[],
): Promise<void> {
  const texts = fields.filter((f): f is FreeText & { text: string } => typeof f.text === "string" && f.text.trim() !== "");
  if (texts.length === 0) return;
  const codes = await organisationCodes(tx, orgId);
  if (codes.length === 0) return;
  if (!audience.juvenile) {
    const issues = texts
      .filter((f) => codesInText(f.text, codes).length > 0)
      .map((f) =>
        fieldIssue(f.path, {
          ja: `${f.what.ja}に少年院ボランティアの参加者コードは書けません（全角・小文字・区切りを変えたものも同じです。少年法61条）。`,
          en: `The ${f.what.en} may not contain a juvenile participant's code, in any width, case or spacing (Juvenile Act, art. 61).`,
        }),
      );
    if (issues.length > 0) throw new InvalidInputError(issues);
    return;
  }
  if (audience.acknowledgeNameWarning) return;
  const issues: FieldIssue[] = texts
    .filter((f) => nameNextToCode(f.text, codes))
    .map((f) =>
      fieldIssue(f.path, {
        ja: `${f.what.ja}で、参加者コードのそばに人の名前のような言葉があります。少年院ボランティアの参加者の名前は書かないでください。名前でなければ、確認のうえもう一度保存してください。`,
        en: `The ${f.what.en} seems to have a personal name next to a participant's code. Never write a juvenile participant's name; if it is not a name, confirm and save again.`,
      }),
    );
  if (issues.length > 0) throw new InvalidInputError(issues, "CONFIRMATION_REQUIRED");
}

/** Whether a group's records stay with staff and the liaison (a cohort of the juvenile programme). */
export async function isJuvenileGroup(tx: Prisma.TransactionClient, orgId: string, groupId: string): Promise<boolean> {
  const group = await tx.group.findFirst({ where: { id: groupId, orgId }, select: { programme: { select: { privacyTier: true } } } });
  return group?.programme.privacyTier === "JUVENILE";
}
