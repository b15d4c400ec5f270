import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import "./global.css";
import "../i18n/index.ts";

import { ApolloProvider } from "@apollo/client/react";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { useState } from "react";
import { RouterProvider } from "react-router";

import { createApolloClient } from "./apollo.ts";
import { PreferencesProvider } from "./preferences.tsx";
import { router } from "./router.tsx";
import { cssVariablesResolver, theme } from "./theme.ts";

export function App() {
  const [client] = useState(createApolloClient);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-center" />
      <PreferencesProvider>
        <ApolloProvider client={client}>
          <RouterProvider router={router} />
        </ApolloProvider>
      </PreferencesProvider>
    </MantineProvider>
  );
}
