// The 社協's calendar: 年度 boundaries, Japan's today whatever the server's zone, 和暦 年度 labels.
import { describe, expect, it } from "vitest";

import { currentFiscalYear, fiscalYearOf, todayInJapan, warekiFiscalYear } from "./calendar.ts";

describe("calendar", () => {
  it("puts 31 March in the previous 年度 and 1 April in the new one", () => {
    expect(fiscalYearOf(new Date("2026-03-31T00:00:00Z"))).toBe(2025);
    expect(fiscalYearOf(new Date("2026-04-01T00:00:00Z"))).toBe(2026);
  });

  it("is Japan's day: 23:30 UTC on 31 March is already 1 April in Japan", () => {
    const now = new Date("2026-03-31T15:30:00Z");
    expect(todayInJapan(now).toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(currentFiscalYear(now)).toBe(2026);
  });

  it("names the 年度 in 和暦 by the era of 1 April", () => {
    expect(warekiFiscalYear(2026)).toBe("令和8年度");
    expect(warekiFiscalYear(2020)).toBe("令和2年度");
    expect(warekiFiscalYear(2019)).toBe("平成31年度");
    expect(warekiFiscalYear(1989)).toBe("平成元年度"); // 元年, as Japanese writes the first year
  });
});
