// Dates as a Japanese reader expects them: 和暦 (令和8年11月26日) or 西暦 (2026年11月26日), the
// 年度 (fiscal year, April–March) and "today" in Japan whatever the computer's time zone.
import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);
dayjs.extend(timezone);

export const JAPAN = "Asia/Tokyo";
export type Calendar = "wareki" | "seireki";
export interface DateStyle {
  calendar: Calendar;
  language: string;
}

/** today's date in Japan, "YYYY-MM-DD" */
export function todayInJapan(now: Date = new Date()): string {
  return dayjs(now).tz(JAPAN).format("YYYY-MM-DD");
}

/** the 年度 a date falls in: April to March, named by the year it starts */
function fiscalYearOf(date: string): number {
  const [year, month] = date.split("-").map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}

export function currentFiscalYear(now: Date = new Date()): number {
  return fiscalYearOf(todayInJapan(now));
}

function locale({ calendar, language }: DateStyle): string {
  const base = language === "en" ? "en-GB" : "ja-JP";
  return calendar === "wareki" ? `${base}-u-ca-japanese` : base;
}

/** a calendar date ("2026-11-26") → 令和8年11月26日 / 2026年11月26日 / 26 November 2026 */
export function formatDate(date: string, style: DateStyle): string {
  const [y, m, d] = date.slice(0, 10).split("-").map(Number) as [number, number, number];
  // noon UTC of that day: the same calendar day in every time zone
  return new Intl.DateTimeFormat(locale(style), {
    era: style.calendar === "wareki" ? "long" : undefined,
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/** an instant → its date and time in Japan */
export function formatDateTime(instant: string, style: DateStyle): string {
  return new Intl.DateTimeFormat(locale(style), {
    era: style.calendar === "wareki" ? "long" : undefined,
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: JAPAN,
  }).format(new Date(instant));
}

/** an instant → HH:mm in Japan */
export function formatTime(instant: string): string {
  return dayjs(instant).tz(JAPAN).format("HH:mm");
}

/** 年度: 令和8年度 / 2026年度 / FY2026 (Reiwa 8) */
export function formatFiscalYear(fiscalYear: number, style: DateStyle): string {
  const april = new Date(Date.UTC(fiscalYear, 3, 1, 12));
  const era = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", { era: "long", year: "numeric", timeZone: "UTC" }).format(april);
  if (style.language === "en") {
    const eraEn = new Intl.DateTimeFormat("en-GB-u-ca-japanese", { era: "long", year: "numeric", timeZone: "UTC" }).format(april);
    return style.calendar === "wareki" ? `FY${fiscalYear} (${eraEn})` : `FY${fiscalYear}`;
  }
  return style.calendar === "wareki" ? `${era}度` : `${fiscalYear}年度`;
}

/** a month of a fiscal year → 11月 / November */
export function formatMonth(month: number, language: string): string {
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "ja-JP", {
    month: language === "en" ? "short" : "long",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(2000, month - 1, 1, 12)));
}

/** a local date and time typed in a form (Japan) → ISO instant */
export function japanInstant(date: string, time: string): string {
  return dayjs.tz(`${date} ${time}`, "YYYY-MM-DD HH:mm", JAPAN).toISOString();
}
