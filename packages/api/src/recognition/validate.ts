// zod rules shared by the recognition mutations; messages are "日本語 / English" (see builder.ts).
import { z } from "zod";

import { addDays, todayInJapan } from "@tsunagu/db";

type Name = { ja: string; en: string };

/** The earliest day recognition records may carry; earlier is a typing mistake. */
const EARLIEST = new Date("2000-01-01T00:00:00Z");

export function uuidOf(what: Name) {
  return z.uuid({ message: `${what.ja}のIDの形式が正しくありません。 / The ${what.en} id is not valid.` });
}

/** Text that is not blank once trimmed and at most `max` characters. */
export function textOf(what: Name, max: number) {
  return z
    .string()
    .refine((s) => s.trim().length > 0, { message: `${what.ja}を入力してください。 / Enter the ${what.en}.` })
    .refine((s) => s.trim().length <= max, {
      message: `${what.ja}は${max}文字以内にしてください。 / Keep the ${what.en} to ${max.toLocaleString("en")} characters.`,
    });
}

/** Optional text of at most `max` characters. */
export function optionalTextOf(what: Name, max: number) {
  return z.string().refine((s) => s.trim().length <= max, {
    message: `${what.ja}は${max}文字以内にしてください。 / Keep the ${what.en} to ${max.toLocaleString("en")} characters.`,
  });
}

/** A day from 2000 up to today in Japan, plus `daysAhead` (a certificate dated for a ceremony). */
export function dayOf(what: Name, daysAhead = 0) {
  return z
    .date()
    .refine((d) => d.getTime() >= EARLIEST.getTime(), {
      message: `${what.ja}は2000年1月1日以降にしてください。 / The ${what.en} must be on or after 2000-01-01.`,
    })
    .refine((d) => d.getTime() <= addDays(todayInJapan(), daysAhead).getTime(), {
      message:
        daysAhead === 0
          ? `${what.ja}に未来の日付は指定できません。 / The ${what.en} cannot be in the future.`
          : `${what.ja}は${daysAhead}日先までにしてください。 / The ${what.en} can be at most ${daysAhead} days ahead.`,
    });
}
