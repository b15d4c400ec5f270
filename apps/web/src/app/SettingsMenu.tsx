// The reader's settings in the header: 和暦/西暦 and larger text (./preferences.tsx). A popover (a
// small dialog), not a menu: it holds a segmented control and a switch, not menu items. Its own
// chunk: the popover's code (Popover, floating-ui) loads after the first paint (Layout.tsx shows
// the same button meanwhile; src/lib/lazy.ts).
import { Popover, SegmentedControl, Stack, Switch, Text } from "@mantine/core";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";

import { usePreferences } from "./preferences.tsx";

export function SettingsMenu({ button, opened }: { button: ReactElement; opened: boolean }) {
  const { t } = useTranslation();
  const { calendar, setCalendar, largeText, setLargeText } = usePreferences();
  return (
    <Popover position="bottom-end" withinPortal trapFocus returnFocus shadow="md" defaultOpened={opened}>
      <Popover.Target>{button}</Popover.Target>
      <Popover.Dropdown p="sm" aria-label={t("settings.title")}>
        <Stack gap="sm">
          <Text size="sm" fw={600} id="calendar-label">
            {t("settings.calendar")}
          </Text>
          <SegmentedControl
            aria-labelledby="calendar-label"
            value={calendar}
            onChange={(v) => setCalendar(v as typeof calendar)}
            data={[
              { value: "wareki", label: t("settings.wareki") },
              { value: "seireki", label: t("settings.seireki") },
            ]}
          />
          <Switch label={t("settings.largeText")} checked={largeText} onChange={(e) => setLargeText(e.currentTarget.checked)} />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
