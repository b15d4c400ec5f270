// Mantine theme chosen for WCAG 2.2 AA contrast: darker primary shade and dimmed text than the
// defaults (blue.6 on white and gray.6 "dimmed" text are under 4.5:1), Japanese system fonts.
import { createTheme, type CSSVariablesResolver } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: 8,
  autoContrast: true,
  fontFamily:
    'system-ui, -apple-system, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Meiryo", "Noto Sans CJK JP", "Noto Sans JP", sans-serif',
  headings: { fontWeight: "700" },
  defaultRadius: "sm",
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": t.colors.gray[7]!,
    "--mantine-color-placeholder": t.colors.gray[7]!,
    "--mantine-color-anchor": t.colors.blue[8]!,
  },
  dark: {},
});
