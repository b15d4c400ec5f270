// 和暦 (Japanese era) dates for certificates. (Japan's "today" is in @tsunagu/db's calendar.ts.)

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
