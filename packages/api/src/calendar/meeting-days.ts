// A group's meeting days (開催日) from its free-text `Group.meetingSchedule`, the way staff write it
// (docs/data-model.md "Calendars"): the text is read as an RFC 5545 recurrence rule, which `rrule`
// expands into days, and the calendars show those days. What is read:
//   毎週水曜 / 毎月第2水曜 / 毎月第1・第3水曜 / 毎月最終金曜 / 偶数月の第1日曜 / 奇数月の第3土曜
//   optionally limited to a span of months (12月〜3月の毎週木曜) and followed by one time range
//   (13:30〜15:30; without one, the day is shown as an all-day item).
// Anything else (「牡蠣小屋の営業期間の土日」, two day patterns, two time ranges) gives no days:
// the text stays as it is on the group's page, and nothing is guessed.
import { createHash } from "node:crypto";

import rrule from "rrule";

import { startOfDayInJapan } from "@tsunagu/db";

import { required } from "../required.ts";

export interface MeetingRule {
  /** RFC 5545 RRULE value, e.g. FREQ=MONTHLY;BYDAY=2WE,4WE */
  rrule: string;
  /** "HH:mm" in Japan, or null for an all-day meeting */
  start: string | null;
  end: string | null;
}

const WEEKDAYS: Record<string, string> = { 日: "SU", 月: "MO", 火: "TU", 水: "WE", 木: "TH", 金: "FR", 土: "SA" };
const DAY = "([日月火水木金土])曜";
const WEEKLY = new RegExp(`毎週${DAY}`, "g");
const MONTHLY = new RegExp(`(毎月|偶数月の?|奇数月の?)((?:第[1-5]|最終)(?:[・、,]\\s*(?:第?[1-5]|最終))*)${DAY}`, "g");
const MONTH_SPAN = /(1[0-2]|[1-9])月\s*[〜~\-－]\s*(1[0-2]|[1-9])月/g;
const TIME_RANGE = /([01]?\d|2[0-3]):([0-5]\d)\s*[〜~\-－]\s*([01]?\d|2[0-3]):([0-5]\d)/g;

const pad = (h: string, m: string) => `${h.padStart(2, "0")}:${m}`;
/** 水 → WE (the patterns only match the seven day names) */
const weekday = (name: string | undefined) => required(WEEKDAYS[name ?? ""], "weekday");

/** The months from `from` to `to`, across the new year (12月〜3月 → 12, 1, 2, 3). */
function monthSpan(from: number, to: number): number[] {
  const months: number[] = [];
  for (let m = from; ; m = (m % 12) + 1) {
    months.push(m);
    if (m === to) return months;
  }
}

/** The recurrence a schedule text states, or null when it states none this parser reads for sure. */
export function meetingRule(text: string | null | undefined): MeetingRule | null {
  if (!text) return null;
  const s = text.normalize("NFKC");
  const weekly = [...s.matchAll(WEEKLY)];
  const monthly = [...s.matchAll(MONTHLY)];
  const spans = [...s.matchAll(MONTH_SPAN)];
  const times = [...s.matchAll(TIME_RANGE)];
  if (weekly.length + monthly.length !== 1 || spans.length > 1 || times.length > 1) return null;
  const parts: string[] = [];
  let months: number[] = [];
  const w = weekly[0];
  const m = monthly[0];
  if (w) {
    parts.push("FREQ=WEEKLY", `BYDAY=${weekday(w[1])}`);
  } else if (m) {
    const [, prefix = "", ordinalText = "", dayName] = m;
    const ordinals = ordinalText.split(/[・、,]\s*/).map((o) => (o.includes("最終") ? "-1" : o.replace("第", "")));
    parts.push("FREQ=MONTHLY", `BYDAY=${ordinals.map((o) => `${o}${weekday(dayName)}`).join(",")}`);
    if (prefix.startsWith("偶数")) months = [2, 4, 6, 8, 10, 12];
    if (prefix.startsWith("奇数")) months = [1, 3, 5, 7, 9, 11];
  }
  const span = spans[0];
  if (span) {
    const within = monthSpan(Number(span[1]), Number(span[2]));
    months = months.length ? months.filter((x) => within.includes(x)) : within;
    if (months.length === 0) return null;
  }
  if (months.length) parts.push(`BYMONTH=${months.sort((a, b) => a - b).join(",")}`);
  const [, h1 = "", m1 = "", h2 = "", m2 = ""] = times[0] ?? [];
  return { rrule: parts.join(";"), start: times[0] ? pad(h1, m1) : null, end: times[0] ? pad(h2, m2) : null };
}

/** A short, stable fingerprint of a rule: a changed schedule is a new series in a subscribed calendar. */
export function ruleKey(rule: MeetingRule): string {
  return createHash("sha256")
    .update(`${rule.rrule}|${rule.start ?? ""}|${rule.end ?? ""}`)
    .digest("hex")
    .slice(0, 12);
}

/** The days (UTC-midnight dates of Japan's calendar, as @db.Date) from `from` to `to`, both included, on which the rule meets. */
export function meetingDays(rule: MeetingRule, from: Date, to: Date): Date[] {
  // rrule works in "floating" time: UTC midnights stand for the Japanese calendar days
  // (rrule is CommonJS: its default export is the module)
  return new rrule.RRule({ ...rrule.RRule.parseString(rule.rrule), dtstart: from }).between(from, to, true);
}

/** The instant a time of day ("HH:mm") is reached in Japan on `day`. */
export function instantInJapan(day: Date, time: string): Date {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return new Date(startOfDayInJapan(day).getTime() + (h * 60 + m) * 60_000);
}
