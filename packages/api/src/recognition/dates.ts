// Calendar days for recognition: "today" in Japan (the 社協's day, whatever the server's zone) and
// 和暦 (Japanese era) dates for certificates.
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Today in Japan as a UTC-midnight Date, like the @db.Date columns. */
export function todayInJapan(now: Date = new Date()): Date {
  const jst = new Date(now.getTime() + JST_OFFSET_MS);
  return new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate()));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

const warekiFormat = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
  era: "long",
  year: "numeric",
  month: "long",
  day: "numeric",
  timeZone: "UTC",
});

/** A calendar day in 和暦, e.g. 令和8年11月26日 (令和元年 for 2019). */
export function formatWareki(date: Date): string {
  return warekiFormat.format(date);
}
