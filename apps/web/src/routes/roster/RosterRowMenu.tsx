// The changes to a current membership, as a row's menu (role, transfer, end). Its own chunk: the
// menu's code (Mantine's Menu, Popover and floating-ui) loads after the roster's first paint
// (RosterRow.tsx shows the same button meanwhile; src/lib/lazy.ts).
import { ActionIcon, Menu } from "@mantine/core";
import { IconArrowsExchange, IconDoorExit, IconDots, IconUserCog } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

import type { MembershipAction, RosterMembership } from "./RosterRow.tsx";

export interface RosterRowMenuProps {
  membership: RosterMembership;
  label: string;
  canTransfer: boolean;
  /** the button was pressed before this code arrived */
  opened: boolean;
  onAction(action: MembershipAction, membership: RosterMembership): void;
}

export function RosterRowMenu({ membership: m, label, canTransfer, opened, onAction }: RosterRowMenuProps) {
  const { t } = useTranslation("roster");
  return (
    <Menu position="bottom-end" withinPortal defaultOpened={opened}>
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label={label}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconUserCog size={16} aria-hidden />} onClick={() => onAction("role", m)}>
          {t("actions.role")}
        </Menu.Item>
        {canTransfer ? (
          <Menu.Item leftSection={<IconArrowsExchange size={16} aria-hidden />} onClick={() => onAction("transfer", m)}>
            {t("actions.transfer")}
          </Menu.Item>
        ) : null}
        <Menu.Item leftSection={<IconDoorExit size={16} aria-hidden />} color="red.9" onClick={() => onAction("end", m)}>
          {t("actions.end")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
