import "@mantine/core/styles.css";
import "@mantine/charts/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import "./global.css";
import "../i18n/index.ts";

import { MantineProvider } from "@mantine/core";
import { useMemo } from "react";
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
      <PreferencesProvider>
        <RouterProvider router={router} />
      </PreferencesProvider>
    </MantineProvider>
  );
}
