import "@mantine/core/styles.css";
import "@mantine/charts/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import "./global.css";
import "../i18n/index.ts";

import { MantineProvider } from "@mantine/core";
import { DatesProvider } from "@mantine/dates";

import "dayjs/locale/ja";

import { Notifications } from "@mantine/notifications";
import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { RouterProvider } from "react-router";

import { PreferencesProvider } from "./preferences.tsx";
import { router } from "./router.tsx";
import { cssVariablesResolver, makeTheme } from "./theme.ts";

export function App() {
  const { t } = useTranslation();
  const closeLabel = t("action.close");
  const theme = useMemo(() => makeTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-center" />
      <PreferencesProvider>
        <LocalizedDates>
          <RouterProvider router={router} />
        </LocalizedDates>
      </PreferencesProvider>
    </MantineProvider>
  );
}

/** date pickers in the reader's language, weeks from Sunday as Japanese calendars print them */
function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: i18n.resolvedLanguage === "en" ? "en" : "ja", firstDayOfWeek: 0 }}>{children}</DatesProvider>;
}
