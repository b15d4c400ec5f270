// The header's bell: the unread count, a link to the inbox. Asked again every minute and whenever the
// reader comes back to the window; marking read updates it from the cache (useMarkNotificationsRead).
import { useQuery } from "@apollo/client/react";
import { ActionIcon, Indicator } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { graphql } from "../../graphql.ts";

const UnreadCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export function NotificationBell() {
  const { t } = useTranslation();
  const { data } = useQuery(UnreadCountQuery, { pollInterval: 60_000 });
  const count = data?.unreadNotificationCount ?? 0;
  const label = count > 0 ? t("bell.unread", { count }) : t("bell.label");
  return (
    <Indicator label={count > 99 ? "99+" : count} size={18} disabled={count === 0} color="red" offset={4}>
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        size="lg"
        aria-label={label}
        title={label}
        data-testid="notification-bell"
      >
        <IconBell size={20} stroke={1.6} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}
