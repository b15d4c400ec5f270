// The reader's preferences, kept on this computer: 和暦 or 西暦, and larger text (WCAG 1.4.4).
// The language is i18next's (see i18n/index.ts).
import { useLocalStorage } from "@mantine/hooks";
import { createContext, useContext, useEffect, useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { formatDate, formatDateTime, formatFiscalYear, type Calendar, type DateStyle } from "../lib/dates.ts";

interface Preferences {
  calendar: Calendar;
  setCalendar(calendar: Calendar): void;
  largeText: boolean;
  setLargeText(large: boolean): void;
}

const PreferencesContext = createContext<Preferences | null>(null);

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [calendar, setCalendar] = useLocalStorage<Calendar>({
    key: "tsunagu.calendar",
    defaultValue: "wareki",
    getInitialValueInEffect: false,
  });
  const [largeText, setLargeText] = useLocalStorage<boolean>({
    key: "tsunagu.largeText",
    defaultValue: false,
    getInitialValueInEffect: false,
  });
  useEffect(() => {
    // Mantine sizes everything in rem: the root font size scales the whole interface
    document.documentElement.style.fontSize = largeText ? "125%" : "";
  }, [largeText]);
  const value = useMemo(() => ({ calendar, setCalendar, largeText, setLargeText }), [calendar, setCalendar, largeText, setLargeText]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error("usePreferences outside PreferencesProvider");
  return value;
}

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
