// The 社協's calendar: days are Japan's whatever the server's time zone, stored as @db.Date values
// (UTC midnight), and the 年度 (fiscal year) runs April–March.
const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * 3_600_000;

/** 年度: the Japanese fiscal year runs April–March; 2025-03-31 is in 年度 2024. */
export function fiscalYearOf(date: Date): number {
  return date.getUTCMonth() >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

/** Today's date in Japan as a UTC-midnight Date, the form of @db.Date columns. */
export function todayInJapan(now: Date = new Date()): Date {
  const jst = new Date(now.getTime() + JST_OFFSET_MS);
  return new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate()));
}

/** 年度 of today in Japan. */
export function currentFiscalYear(now: Date = new Date()): number {
  return fiscalYearOf(todayInJapan(now));
}

/** The instant a date begins in Japan (00:00 JST). */
export function startOfDayInJapan(date: Date): Date {
  return new Date(date.getTime() - JST_OFFSET_MS);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

const eraYear = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", { era: "long", year: "numeric", timeZone: "UTC" });

/**
 * 年度 in 和暦 as file names and documents write it: 令和8年度 for 2026. The era is the one of 1 April,
 * as the web app shows it (so 2019 is 平成31年度); Intl's Japanese calendar, no hand-written era table.
 */
export function warekiFiscalYear(fiscalYear: number): string {
  return `${eraYear.format(new Date(Date.UTC(fiscalYear, 3, 1, 12)))}度`;
}

const eraDate = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
  era: "long",
  year: "numeric",
  month: "long",
  day: "numeric",
  timeZone: "UTC",
});

/** A day (a UTC-midnight Date) in 和暦 as file names write it: 令和8年11月1日. */
export function warekiDate(day: Date): string {
  return eraDate.format(day);
}
