// Each page's one <h1>, also the document title; focused after an in-app navigation so a screen
// reader announces the new page (WCAG 2.4.2, 2.4.3). Not on the first page the browser loads: there
// the reader starts at the top, and the first Tab reaches the skip link (WCAG 2.4.1).
import { Group, Title } from "@mantine/core";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** titles shown since the document loaded (React's StrictMode counts twice in development) */
let titlesShown = 0;

export function PageTitle({ title, actions }: { title: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} | ${t("appName")}`;
  }, [title, t]);
  useEffect(() => {
    if (titlesShown++ > 0) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mb="md">
      <Title order={1} size="h2" ref={ref} tabIndex={-1} style={{ outline: "none" }}>
        {title}
      </Title>
      {actions ? <Group gap="xs">{actions}</Group> : null}
    </Group>
  );
}
