// zod rules shared by every domain's inputs (ids, days, texts), named in both languages. zod keeps one
// string per issue, so a message travels through it as `bilingual(...)` and builder.ts reads it back
// with `issueText`.
import { z } from "zod";

import { addDays, todayInJapan } from "@tsunagu/db";

import type { Bilingual } from "./errors.ts";

/** What an input is, in both languages, for its messages: `{ ja: "団体", en: "group" }`. */
type Name = Bilingual;

/** A zod message in both languages (zod's issues carry it as JSON; see `issueText`). */
export function bilingual(text: Bilingual): string {
  return JSON.stringify({ ja: text.ja, en: text.en });
}

/** The two texts of a zod issue's message; a message zod wrote itself is used for both. */
export function issueText(message: string): Bilingual {
  try {
    const text: unknown = JSON.parse(message);
    if (isBilingual(text)) return text;
  } catch {
    // not one of ours
  }
  return { ja: message, en: message };
}

function isBilingual(value: unknown): value is Bilingual {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Bilingual).ja === "string" &&
    typeof (value as Bilingual).en === "string"
  );
}

/** A UUID, the form of every id; anything else is refused with `message`. */
export function uuid(message: Bilingual) {
  return z.uuid(bilingual(message));
}

/** The id of `what`. */
export function uuidOf(what: Name) {
  return uuid({ ja: `${what.ja}のIDの形式が正しくありません。`, en: `The ${what.en} id is not valid.` });
}

const UUID = z.uuid();

/** Whether `value` can be an id at all (what cannot be is not looked up). */
export function isUuid(value: string): boolean {
  return UUID.safeParse(value).success;
}

/**
 * 1 to `max` ids chosen at once (a bulk action on a list's selection), each a UUID: `what` names
 * one of them, and `many` the English plural.
 */
export function idListOf(what: Name & { many: string }, max: number) {
  return z
    .array(z.unknown())
    .min(1, { message: bilingual({ ja: `${what.ja}を1件以上選んでください。`, en: `Choose at least one ${what.en}.` }) })
    .max(max, { message: bilingual({ ja: `一度に選べる${what.ja}は${max}件までです。`, en: `At most ${max} ${what.many} at a time.` }) })
    .refine((ids) => ids.every((id) => isUuid(String(id))), {
      message: bilingual({ ja: `${what.ja}のIDの形式が正しくありません。`, en: `A ${what.en} id is not valid.` }),
    });
}

/** Text that is not blank once trimmed and at most `max` characters. */
export function textOf(what: Name, max: number) {
  return z
    .string()
    .refine((s) => s.trim().length > 0, { message: bilingual({ ja: `${what.ja}を入力してください。`, en: `Enter the ${what.en}.` }) })
    .refine((s) => s.trim().length <= max, {
      message: bilingual({
        ja: `${what.ja}は${max}文字以内にしてください。`,
        en: `Keep the ${what.en} to ${max.toLocaleString("en")} characters.`,
      }),
    });
}

/** Optional text of at most `max` characters. */
export function optionalTextOf(what: Name, max: number) {
  return z.string().refine((s) => s.trim().length <= max, {
    message: bilingual({
      ja: `${what.ja}は${max}文字以内にしてください。`,
      en: `Keep the ${what.en} to ${max.toLocaleString("en")} characters.`,
    }),
  });
}

/** A day up to today in Japan plus `daysAhead`; a later one is refused with `message`. */
export function dayUntil(message: Bilingual, daysAhead = 0) {
  return z.date().refine((d) => d.getTime() <= addDays(todayInJapan(), daysAhead).getTime(), bilingual(message));
}

/** A day that has come: today in Japan or before. */
export function pastDayOf(what: Name) {
  return dayUntil({ ja: `${what.ja}に未来の日付は指定できません。`, en: `The ${what.en} cannot be in the future.` });
}

/** The earliest day `dayOf` accepts; earlier is a typing mistake. */
const EARLIEST = new Date("2000-01-01T00:00:00Z");

/** A day from 2000 up to today in Japan, plus `daysAhead` (a certificate dated for a ceremony). */
export function dayOf(what: Name, daysAhead = 0) {
  const until =
    daysAhead === 0
      ? pastDayOf(what)
      : dayUntil(
          { ja: `${what.ja}は${daysAhead}日先までにしてください。`, en: `The ${what.en} can be at most ${daysAhead} days ahead.` },
          daysAhead,
        );
  return until.refine((d) => d.getTime() >= EARLIEST.getTime(), {
    message: bilingual({ ja: `${what.ja}は2000年1月1日以降にしてください。`, en: `The ${what.en} must be on or after 2000-01-01.` }),
  });
}

/** The description of every `acknowledgeNameWarning` input (../juvenile/code-in-text.ts). */
export const ACKNOWLEDGE_NAME_WARNING =
  "Juvenile programme only: save although the text seems to have a personal name next to a participant's code (the answer was CONFIRMATION_REQUIRED)";
