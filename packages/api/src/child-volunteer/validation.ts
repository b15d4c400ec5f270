// Input rules for 子ども福祉委員 and their guardians, shared by the registration form and the CSV
// import so both accept and refuse the same things. Messages are `bilingual({ ja, en })` (the
// builder and the CSV import read them back with `issueText`).
import { z } from "zod";

import type { SchoolKind } from "@tsunagu/db";

import type { Bilingual } from "../errors.ts";
import { bilingual, dayUntil } from "../validation.ts";

/** ふりがな: hiragana, ー and spaces (the database checks the same). */
const KANA = /^[ぁ-ゖー ]+$/;

/** NFKC (half-width katakana, full-width digits and letters …) and single spaces between words. */
export function normalizeText(value: string): string {
  return value.normalize("NFKC").replace(/\s+/g, " ").trim();
}

/** Kana as people type it (katakana, half-width カナ, ふりがな) → hiragana. */
function toHiragana(value: string): string {
  return normalizeText(value).replace(/[ァ-ヶ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Same name and reading, however spaced: for finding duplicates. */
export function nameKey(legalName: string, legalNameKana: string): string {
  return `${normalizeText(legalName).replace(/ /g, "")}\u0000${toHiragana(legalNameKana).replace(/ /g, "")}`;
}

/** A Japanese phone number (fixed line or mobile): 10–11 digits from 0, hyphens optional. */
function normalizePhone(value: string): string {
  return normalizeText(value)
    .replace(/[‐‑‒–—―−ー－]/g, "-")
    .replace(/[ ()]/g, "");
}

function isPhone(value: string): boolean {
  const digits = value.replace(/-/g, "");
  return /^0[0-9-]+$/.test(value) && !value.includes("--") && !value.endsWith("-") && /^\d{10,11}$/.test(digits);
}

const blankToUndefined = (v: unknown) => (v === null || v === undefined || (typeof v === "string" && v.trim() === "") ? undefined : v);

const name = (what: Bilingual) =>
  z
    .string()
    .transform(normalizeText)
    .pipe(
      z
        .string()
        .min(1, bilingual({ ja: `${what.ja}を入力してください。`, en: `Enter the ${what.en}.` }))
        .max(60, bilingual({ ja: `${what.ja}は60文字以内で入力してください。`, en: `The ${what.en} is at most 60 characters.` })),
    );

const kana = (what: Bilingual) =>
  z
    .string()
    .transform(toHiragana)
    .pipe(
      z
        .string()
        .min(1, bilingual({ ja: `${what.ja}を入力してください。`, en: `Enter the ${what.en}.` }))
        .max(60, bilingual({ ja: `${what.ja}は60文字以内で入力してください。`, en: `The ${what.en} is at most 60 characters.` }))
        .regex(KANA, bilingual({ ja: `${what.ja}はひらがなで入力してください。`, en: `Write the ${what.en} in hiragana.` })),
    );

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const phoneSchema = z
  .string()
  .transform(normalizePhone)
  .refine(
    isPhone,
    bilingual({
      ja: "電話番号の形式が正しくありません（例: 072-471-0000、090-1234-5678）。",
      en: "Not a valid phone number (e.g. 072-471-0000 or 090-1234-5678).",
    }),
  );

const emailSchema = z
  .string()
  .transform(normalizeText)
  .pipe(
    z
      .email(bilingual({ ja: "メールアドレスの形式が正しくありません。", en: "Not a valid email address." }))
      .max(200, bilingual({ ja: "メールアドレスが長すぎます。", en: "The email address is too long." })),
  );

const gradeSchema = z
  .number(bilingual({ ja: "学年を数字で入力してください。", en: "Enter the grade as a number." }))
  .int(bilingual({ ja: "学年は整数で入力してください。", en: "The grade is a whole number." }))
  .min(1, bilingual({ ja: "学年は1以上です。", en: "The grade is at least 1." }))
  .max(9, bilingual({ ja: "学年は9以下です。", en: "The grade is at most 9." }));

/** The child's and guardian's details, as the form and each CSV row give them. */
export const childDetailsSchema = z.object({
  legalName: name({ ja: "氏名", en: "name" }),
  legalNameKana: kana({ ja: "ふりがな", en: "kana reading" }),
  grade: gradeSchema,
  guardianName: name({ ja: "保護者氏名", en: "guardian's name" }),
  guardianKana: optional(kana({ ja: "保護者のふりがな", en: "guardian's kana reading" })),
  guardianRelation: optional(
    z
      .string()
      .transform(normalizeText)
      .pipe(z.string().max(20, bilingual({ ja: "続柄は20文字以内で入力してください。", en: "The relation is at most 20 characters." }))),
  ),
  guardianPhone: optional(phoneSchema),
  guardianEmail: optional(emailSchema),
});

export type ChildDetails = z.output<typeof childDetailsSchema>;

/** What a guardian's consent form says. */
export const consentTermsSchema = z.object({
  granted: z.boolean(),
  givenBy: name({ ja: "同意者（保護者）の氏名", en: "name of who gave the consent" }),
  givenOn: z.date(),
  scope: z
    .string()
    .transform(normalizeText)
    .pipe(
      z
        .string()
        .min(1, bilingual({ ja: "同意の範囲を入力してください。", en: "Enter the scope of the consent." }))
        .max(2000, bilingual({ ja: "同意の範囲は2000文字以内です。", en: "The scope is at most 2,000 characters." })),
    ),
  policyVersion: z
    .string()
    .transform(normalizeText)
    .pipe(
      z
        .string()
        .min(1, bilingual({ ja: "同意書の版（ポリシーの版）を入力してください。", en: "Enter the policy version." }))
        .max(40, bilingual({ ja: "版は40文字以内です。", en: "The policy version is at most 40 characters." })),
    ),
});

/** A date that has come (today in Japan or before). */
export const notInFuture = (what: Bilingual) => dayUntil({ ja: `${what.ja}が未来の日付です。`, en: `The ${what.en} is in the future.` });

/** A consent form as entered: given on a day that has come. */
export const consentFormSchema = consentTermsSchema.extend({ givenOn: notInFuture({ ja: "同意日", en: "consent date" }) });

export type ConsentTerms = z.output<typeof consentTermsSchema>;

/** 学年 range by school kind: 小学校 1–6, 中学校 1–3, 義務教育学校 1–9. */
export function gradeRange(kind: SchoolKind): { min: number; max: number } {
  return kind === "PRIMARY" ? { min: 1, max: 6 } : kind === "JUNIOR_HIGH" ? { min: 1, max: 3 } : { min: 1, max: 9 };
}

const KIND_JA: Record<SchoolKind, string> = { PRIMARY: "小学校", JUNIOR_HIGH: "中学校", COMPULSORY: "義務教育学校" };
const KIND_EN: Record<SchoolKind, string> = {
  PRIMARY: "a primary school",
  JUNIOR_HIGH: "a junior high school",
  COMPULSORY: "a compulsory-education school",
};

/** Why a grade does not fit the school, or null. */
export function gradeProblem(kind: SchoolKind, grade: number): Bilingual | null {
  const { min, max } = gradeRange(kind);
  if (grade >= min && grade <= max) return null;
  return {
    ja: `${KIND_JA[kind]}の学年は${min}〜${max}年です（入力: ${grade}）。`,
    en: `Grades at ${KIND_EN[kind]} are ${min}–${max} (got ${grade}).`,
  };
}
