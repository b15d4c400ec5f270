// The rules of a person's fields, shared by createPerson (../roster/schema.ts) and updatePerson
// (./schema.ts): one place says what a name, a ふりがな, a phone number or an e-mail may be, and how
// each is stored (kana in hiragana, the phone number NFKC-normalised, a blank as null).
import { z } from "zod";

import type { Bilingual } from "../errors.ts";
import { required } from "../required.ts";
import { normaliseKana } from "../roster/kana.ts";
import { bilingual } from "../validation.ts";

const optionalText = (max: number, what: Bilingual) =>
  z
    .string()
    .trim()
    .max(max, bilingual({ ja: `${what.ja}は${max}文字以内にしてください。`, en: `The ${what.en} is limited to ${max} characters.` }))
    .nullish();

/** zod rules of the fields a person is registered or edited with. */
export const personFieldRules = {
  legalName: z
    .string()
    .trim()
    .min(1, bilingual({ ja: "氏名を入力してください。", en: "Enter the legal name." }))
    .max(100, bilingual({ ja: "氏名は100文字以内にしてください。", en: "The legal name is limited to 100 characters." })),
  legalNameKana: z
    .string()
    .max(100, bilingual({ ja: "ふりがなは100文字以内にしてください。", en: "The kana is limited to 100 characters." }))
    .refine(
      (s) => normaliseKana(s) !== null,
      bilingual({ ja: "ふりがなは、ひらがなかカタカナで入力してください。", en: "Write the kana reading in hiragana or katakana." }),
    ),
  displayName: optionalText(50, { ja: "表示名", en: "display name" }),
  phone: z
    .string()
    .trim()
    .regex(/^$|^[0-9０-９+＋()（）\-－ ]{6,20}$/, bilingual({ ja: "電話番号の形式が正しくありません。", en: "Not a valid phone number." }))
    .nullish(),
  email: z
    .union([z.literal(""), z.email(bilingual({ ja: "メールアドレスの形式が正しくありません。", en: "Not a valid email address." }))])
    .nullish(),
  address: optionalText(200, { ja: "住所", en: "address" }),
  notes: optionalText(2000, { ja: "メモ", en: "notes" }),
};

/** "" from a form means "not given". */
export const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/** The stored form of a validated ふりがな: hiragana. */
export const storedKana = (kana: string) => required(normaliseKana(kana), "kana (validated by the input schema)");

/** The stored form of a phone number: NFKC (full-width digits to ASCII), null when blank. */
export const storedPhone = (phone: string | null | undefined) => blankToNull(phone)?.normalize("NFKC") ?? null;
