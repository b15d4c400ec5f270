/** Today in Japan (JST, UTC+9, no daylight saving) as a UTC-midnight date, like @db.Date columns. */
export function japanToday(now: Date = new Date()): Date {
  const jst = new Date(now.getTime() + 9 * 60 * 60 * 1000);
  return new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate()));
}
