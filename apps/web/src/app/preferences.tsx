// The reader's preferences, kept on this computer: 和暦 or 西暦, and larger text (WCAG 1.4.4).
// The language is i18next's (see i18n/index.ts). The date formatters that follow them are in
// ./dates.ts, so the first page (which formats no date) does without dayjs.
import { useLocalStorage } from "@mantine/hooks";
import { createContext, useContext, useEffect, useMemo, type ReactNode } from "react";

import type { Calendar } from "../lib/dates.ts";

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
