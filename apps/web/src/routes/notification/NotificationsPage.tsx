// お知らせ: the viewer's notifications, newest first; unread ones are marked. Opening one marks it
// read and goes to its record; one or all can be marked read here. Only what the viewer may still
// read is listed (the API's rule).
import { useQuery } from "@apollo/client/react";
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";

import { useDates } from "../../app/dates.ts";
import { useViewer } from "../../app/session.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { currentLanguage, notifySaved } from "../../lib/form.ts";
import { localized } from "../../lib/result.ts";
import { useMarkNotificationsReadMutation } from "../../mutations/useMarkNotificationsReadMutation.ts";
import { UndeliveredMails } from "./UndeliveredMails.tsx";

const PAGE = 30;

const InboxQuery = graphql(`
  query NotificationInbox($first: Int!, $after: String) {
    notifications(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          title
          titleEn
          body
          bodyEn
          path
          createdAt
          readAt
        }
      }
    }
  }
`);

export function Component() {
  const { t } = useTranslation("notification");
  const { dateTime } = useDates();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const { data, loading, error, refetch, fetchMore } = useQuery(InboxQuery, {
    variables: { first: PAGE },
    fetchPolicy: "cache-and-network",
  });
  const [markRead, { loading: saving }] = useMarkNotificationsReadMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const items = data?.notifications.edges.map((e) => e.node) ?? [];
  const en = currentLanguage() === "en";

  const mark = async (target: { ids: string[] } | { all: true }) => {
    setAlert(null);
    const outcome = await markRead(target);
    if (!outcome.ok) setAlert(localized(outcome.error, currentLanguage()));
    return outcome.ok;
  };
  const open = async (n: (typeof items)[number]) => {
    if (!n.readAt) await mark({ ids: [n.id] });
    void navigate(n.path);
  };

  return (
    <>
      <PageTitle title={t("title")} />
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Text size="sm">{t("intro")}</Text>
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              loading={saving}
              disabled={!items.some((n) => !n.readAt)}
              onClick={() => void mark({ all: true }).then((ok) => ok && notifySaved(t("markedAllRead")))}
            >
              {t("markAllRead")}
            </Button>
            <Anchor component={Link} to="/notifications/settings" size="sm">
              {t("settingsLink")}
            </Anchor>
          </Group>
        </Group>
        <FailureAlert message={alert} />
        <QueryState
          loading={loading && !data}
          error={error}
          empty={items.length === 0}
          onRetry={() => void refetch()}
          emptyText={t("empty")}
        >
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("title")}>
            {items.map((n) => (
              <Paper
                key={n.id}
                component="li"
                withBorder
                p="sm"
                radius="md"
                bg={n.readAt ? undefined : "blue.0"}
                data-unread={n.readAt ? undefined : "true"}
              >
                <Stack gap={4}>
                  <Group gap="xs" wrap="nowrap">
                    {!n.readAt && (
                      <Badge size="sm" color="blue" variant="filled">
                        {t("unread")}
                      </Badge>
                    )}
                    <Text size="sm" fw={n.readAt ? 500 : 700}>
                      {en ? n.titleEn : n.title}
                    </Text>
                  </Group>
                  <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                    {en ? n.bodyEn : n.body}
                  </Text>
                  <Group gap="sm" justify="space-between" wrap="wrap">
                    <Text size="xs" c="dimmed">
                      {dateTime(n.createdAt)}
                    </Text>
                    <Group gap="xs">
                      {!n.readAt && (
                        <Button variant="subtle" size="compact-xs" onClick={() => void mark({ ids: [n.id] })} disabled={saving}>
                          {t("markRead")}
                        </Button>
                      )}
                      <Button size="compact-xs" onClick={() => void open(n)}>
                        {t("open")}
                      </Button>
                    </Group>
                  </Group>
                </Stack>
              </Paper>
            ))}
          </Stack>
          {data?.notifications.pageInfo.hasNextPage && (
            <Button
              variant="default"
              onClick={() =>
                void fetchMore({
                  variables: { after: data.notifications.pageInfo.endCursor },
                  updateQuery: (prev, { fetchMoreResult }) => ({
                    notifications: {
                      ...fetchMoreResult.notifications,
                      edges: [...prev.notifications.edges, ...fetchMoreResult.notifications.edges],
                    },
                  }),
                })
              }
            >
              {t("more")}
            </Button>
          )}
        </QueryState>
        {viewer?.can.accounts && <UndeliveredMails />}
      </Stack>
    </>
  );
}
