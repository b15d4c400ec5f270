// Event times as a 社協 reader expects them: 令和8年12月20日 10:00〜15:00 (Japan time).
import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";

import { formatTime, JAPAN, type DateStyle } from "../../lib/dates.ts";

dayjs.extend(utc);
dayjs.extend(timezone);

/** the calendar day in Japan of an instant, "YYYY-MM-DD" */
export function japanDay(instant: string): string {
  return dayjs(instant).tz(JAPAN).format("YYYY-MM-DD");
}

/** the month in Japan of an instant, "YYYY-MM" (for grouping) */
export function japanMonth(instant: string): string {
  return dayjs(instant).tz(JAPAN).format("YYYY-MM");
}

/** "2026-12" → 令和8年12月 / 2026年12月 / December 2026 */
export function formatYearMonth(month: string, style: DateStyle): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const base = style.language === "en" ? "en-GB" : "ja-JP";
  const locale = style.calendar === "wareki" ? `${base}-u-ca-japanese` : base;
  return new Intl.DateTimeFormat(locale, {
    era: style.calendar === "wareki" ? "long" : undefined,
    year: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, 15)));
}

/** 令和8年12月20日 10:00〜15:00, or both dates when it runs over several days */
export function formatPeriod(startsAt: string, endsAt: string, date: (day: string) => string): string {
  const start = japanDay(startsAt);
  const end = japanDay(endsAt);
  if (start === end) return `${date(start)} ${formatTime(startsAt)}〜${formatTime(endsAt)}`;
  return `${date(start)} ${formatTime(startsAt)}〜${date(end)} ${formatTime(endsAt)}`;
}

/** 10:00〜12:30 */
export function formatTimes(startsAt: string, endsAt: string): string {
  return `${formatTime(startsAt)}〜${formatTime(endsAt)}`;
}
