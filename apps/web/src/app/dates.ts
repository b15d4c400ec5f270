// Date formatters in the reader's calendar (src/app/preferences.tsx) and language; a module of its
// own so that dayjs (src/lib/dates.ts) travels with the screens that format dates, not with the
// first page.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

import { formatDate, formatDateTime, formatFiscalYear, type DateStyle } from "../lib/dates.ts";
import { usePreferences } from "./preferences.tsx";

/** date formatters in the reader's calendar and language */
export function useDates() {
  const { calendar } = usePreferences();
  const { i18n } = useTranslation();
  return useMemo(() => {
    const style: DateStyle = { calendar, language: i18n.resolvedLanguage ?? "ja" };
    return {
      style,
      date: (value: string) => formatDate(value, style),
      dateTime: (value: string) => formatDateTime(value, style),
      fiscalYear: (fy: number) => formatFiscalYear(fy, style),
    };
  }, [calendar, i18n.resolvedLanguage]);
}
