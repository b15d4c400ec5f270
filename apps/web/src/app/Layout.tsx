// The signed-in frame: header (organisation, language, settings, sign-out), the navigation of what
// the viewer's roles may use, and the page. Signed out → the sign-in page, back here afterwards.
import { ApolloProvider, useApolloClient, useQuery } from "@apollo/client/react";
import { ActionIcon, AppShell, Burger, Button, Group, Stack, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { DatesProvider } from "@mantine/dates";
import { useDisclosure } from "@mantine/hooks";
import type { NotificationsProps } from "@mantine/notifications";
import { IconBell, IconLogout, IconSettings } from "@tabler/icons-react";
import { Suspense, useState, type ReactElement, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation, useNavigate } from "react-router";

import { ErrorState, LoadingState } from "../components/States.tsx";

import "dayjs/locale/ja";

import { graphql } from "../graphql.ts";
import { lazyPart } from "../lib/lazy.ts";
import { apolloClient } from "./apollo.ts";
import { authClient } from "./auth-client.ts";
import { navEntries } from "./nav.ts";
import { NavItem } from "./NavItem.tsx";
import { loadViewer, useViewer } from "./session.tsx";

// parts the first paint does without load after it (src/lib/lazy.ts): the toasts' container,
// the settings popover (its button shows meanwhile) and the bell's unread count (the bell shows meanwhile)
const Toasts = lazyPart<NotificationsProps>(() => import("./Toasts.ts").then((m) => m.Notifications));
const Bell = lazyPart<object>(() => import("../routes/notification/Bell.tsx").then((m) => m.NotificationBell));
const Settings = lazyPart<{ button: ReactElement; opened: boolean }>(() => import("./SettingsMenu.tsx").then((m) => m.SettingsMenu));

const OrganizationQuery = graphql(`
  query LayoutOrganization {
    organization {
      id
      name
      nameEn
    }
  }
`);

/**
 * Route loader: the viewer, asked of the API each time the layout is entered. It runs beside the
 * page's own loader (e.g. the roster's, which starts the group's request at the same time), so the
 * page's data no longer waits for the layout to render first. Nothing shows until it answers.
 */
export async function loader() {
  await loadViewer({ fresh: true });
  return null;
}

/** the layout stays with the viewer it loaded while the reader moves between its pages */
export function shouldRevalidate() {
  return false;
}

/** shown while the first page's loaders run */
export function HydrateFallback() {
  return <LoadingState />;
}

/**
 * the signed-in layout route (react-router `lazy`); the toasts and the date pickers' settings are
 * here, not in App.tsx, since only signed-in screens use them (the sign-in page does without)
 */
export function Component() {
  return (
    <ApolloProvider client={apolloClient}>
      <Suspense fallback={null}>
        <Toasts position="top-center" />
      </Suspense>
      <LocalizedDates>
        <Layout />
      </LocalizedDates>
    </ApolloProvider>
  );
}

/** date pickers in the reader's language, weeks from Sunday as Japanese calendars print them */
function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: i18n.resolvedLanguage === "en" ? "en" : "ja", firstDayOfWeek: 0 }}>{children}</DatesProvider>;
}

function Layout() {
  // the loader above asked the API; this reads its answer (or asks again if it failed)
  const { viewer, loading, error, refetch } = useViewer();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const { t, i18n } = useTranslation();
  if (loading) return <LoadingState />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!viewer) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  const entries = navEntries.filter((e) => e.visible(viewer));
  // the entry whose path is the longest prefix of this page (/recognition/moderation is not /recognition)
  const activeTo = entries
    .map((e) => e.to)
    .filter((to) => location.pathname === to || (to !== "/" && location.pathname.startsWith(`${to}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        {t("skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.toggle")} />
            <UnstyledButton component={Link} to="/" fw={700} fz="lg">
              {t("appName")}
            </UnstyledButton>
            <OrganizationName />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <SettingsMenu />
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => void i18n.changeLanguage(i18n.resolvedLanguage === "en" ? "ja" : "en")}
              lang={i18n.resolvedLanguage === "en" ? "ja" : "en"}
            >
              {i18n.resolvedLanguage === "en" ? "日本語" : "English"}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t("nav.label")}>
        <Stack gap={2} style={{ flex: 1 }}>
          {entries.map((entry) => (
            <NavItem
              key={entry.to}
              to={entry.to}
              label={t(entry.label)}
              icon={<entry.icon size={18} stroke={1.6} aria-hidden />}
              active={entry.to === activeTo}
              onClick={close}
            />
          ))}
        </Stack>
        <SignedInAs name={viewer.name} email={viewer.email} />
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

function OrganizationName() {
  const { data } = useQuery(OrganizationQuery, { fetchPolicy: "cache-first" });
  const { i18n } = useTranslation();
  if (!data) return null;
  return (
    <Text size="sm" visibleFrom="xs" c="dimmed">
      {i18n.resolvedLanguage === "en" ? data.organization.nameEn : data.organization.name}
    </Text>
  );
}

function SignedInAs({ name, email }: { name: string; email: string }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const signOut = async () => {
    await (await authClient()).signOut();
    await client.clearStore();
    void navigate("/sign-in", { replace: true });
  };
  return (
    <Stack gap={4} pt="sm" style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}>
      <Text size="sm" fw={600}>
        {name}
      </Text>
      <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
        {email}
      </Text>
      <Button variant="default" size="xs" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>
        {t("signOut")}
      </Button>
    </Stack>
  );
}

/** the bell, a link to the inbox; its unread count (../routes/notification/Bell.tsx) shows once its code is there */
function NotificationBell() {
  const { t } = useTranslation();
  const bell = (
    <ActionIcon component={Link} to="/notifications" variant="subtle" size="lg" aria-label={t("bell.label")} title={t("bell.label")}>
      <IconBell size={20} stroke={1.6} aria-hidden />
    </ActionIcon>
  );
  return (
    <Suspense fallback={bell}>
      <Bell />
    </Suspense>
  );
}

/** the settings button; its popover (./SettingsMenu.tsx) opens on a press once its code is there */
function SettingsMenu() {
  const { t } = useTranslation();
  const [pressed, setPressed] = useState(false);
  const button = (
    <Button variant="subtle" size="compact-sm" leftSection={<IconSettings size={16} aria-hidden />} onClick={() => setPressed(true)}>
      <VisuallyHidden>{t("settings.title")}</VisuallyHidden>
      <span aria-hidden>{t("settings.short")}</span>
    </Button>
  );
  return (
    <Suspense fallback={button}>
      <Settings button={button} opened={pressed} />
    </Suspense>
  );
}
