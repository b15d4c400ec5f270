// Mantine theme chosen for WCAG 2.2 AA contrast: darker primary shade, dimmed text and error red
// than the defaults (blue.6 on white, gray.6 "dimmed" text and red.6 errors are under 4.5:1),
// alert titles in the body text colour (the light variant's teal/yellow/blue titles are under
// 4.5:1 on their tint), Japanese system fonts, and names for the icon-only close buttons of every
// modal and notification in the reader's language. Transitions are off for readers who ask the
// system for reduced motion (WCAG 2.3.3).
// (Plain objects rather than Modal.extend(…): importing the components here would put them all in
// the sign-in page's bundle.)
import { createTheme, type CSSVariablesResolver, type MantineThemeOverride } from "@mantine/core";

import { required } from "../lib/required.ts";

export function makeTheme(closeLabel: string): MantineThemeOverride {
  return createTheme({
    primaryColor: "blue",
    primaryShade: 8,
    autoContrast: true,
    respectReducedMotion: true,
    fontFamily:
      'system-ui, -apple-system, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Meiryo", "Noto Sans CJK JP", "Noto Sans JP", sans-serif',
    headings: { fontWeight: "700" },
    defaultRadius: "sm",
    components: {
      Alert: { styles: { title: { color: "var(--mantine-color-text)" } } },
      Modal: { defaultProps: { closeButtonProps: { "aria-label": closeLabel } } },
      Notification: { defaultProps: { closeButtonProps: { "aria-label": closeLabel } } },
      // the active link keeps a dark label on its tint, hovered or not
      NavLink: { styles: { label: { color: "var(--mantine-color-text)" } } },
    },
  });
}

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": required(t.colors.gray[7], "theme colour gray[7]"),
    "--mantine-color-placeholder": required(t.colors.gray[7], "theme colour gray[7]"),
    "--mantine-color-anchor": required(t.colors.blue[8], "theme colour blue[8]"),
    "--mantine-color-error": required(t.colors.red[9], "theme colour red[9]"),
  },
  dark: {},
});
