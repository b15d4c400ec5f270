// カレンダーを購読: the secret iCal URL of the account's own calendar (no group) or of a group's. The
// URL is shown once, when issued, with a copy button and a link that opens the phone's calendar app
// (webcal:); afterwards the panel only says since when a URL is live, and offers to issue a new one
// (the old one stops working) or to stop it.
import { useQuery } from "@apollo/client/react";
import { Alert, Anchor, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconCalendarPlus, IconCheck, IconCopy } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { useDates } from "../../app/dates.ts";
import { graphql } from "../../graphql.ts";
import { notifyFailure, notifySaved } from "../../lib/form.ts";
import { useIssueCalendarFeedMutation } from "../../mutations/useIssueCalendarFeedMutation.ts";
import { useRevokeCalendarFeedMutation } from "../../mutations/useRevokeCalendarFeedMutation.ts";

const CalendarFeedsQuery = graphql(`
  query CalendarFeeds {
    calendarFeeds {
      id
      groupId
      createdAt
    }
  }
`);

export function SubscribePanel({ groupId = null }: { groupId?: string | null }) {
  const { t } = useTranslation("calendar");
  const { dateTime } = useDates();
  const { data } = useQuery(CalendarFeedsQuery);
  const [issue, { loading: issuing }] = useIssueCalendarFeedMutation();
  const [revoke, { loading: revoking }] = useRevokeCalendarFeedMutation();
  const [shown, setShown] = useState<string | null>(null);
  const live = data?.calendarFeeds.find((f) => (f.groupId ?? null) === groupId) ?? null;

  const onIssue = async () => {
    const outcome = await issue({ groupId });
    // the address this app was opened at: the one the account's calendar app can reach too
    if (outcome.ok) setShown(new URL(outcome.data.path, window.location.origin).href);
    else notifyFailure(outcome.error);
  };
  const onRevoke = async () => {
    if (!live) return;
    const outcome = await revoke({ id: live.id });
    if (outcome.ok) {
      setShown(null);
      notifySaved(t("subscribe.revoked"));
    } else notifyFailure(outcome.error);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`subscribe-${groupId ?? "mine"}`}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={`subscribe-${groupId ?? "mine"}`}>
          {t("subscribe.title")}
        </Title>
        <Text size="sm">{groupId ? t("subscribe.groupBody") : t("subscribe.mineBody")}</Text>
        {shown ? (
          <Alert color="green" title={t("subscribe.shownTitle")}>
            <Stack gap="xs">
              <Text size="sm">{t("subscribe.shownBody")}</Text>
              <Group gap="xs" wrap="nowrap" align="flex-end">
                <TextInput
                  label={t("subscribe.url")}
                  value={shown}
                  readOnly
                  onFocus={(e) => e.currentTarget.select()}
                  style={{ flex: 1 }}
                  data-testid="calendar-feed-url"
                />
                <CopyButton value={shown}>
                  {({ copied, copy }) => (
                    <Button
                      variant="default"
                      onClick={copy}
                      leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                    >
                      {copied ? t("subscribe.copied") : t("subscribe.copy")}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Anchor href={shown.replace(/^https?:/, "webcal:")} size="sm">
                {t("subscribe.openApp")}
              </Anchor>
            </Stack>
          </Alert>
        ) : live ? (
          <Text size="sm" c="dimmed">
            {t("subscribe.live", { date: dateTime(live.createdAt) })}
          </Text>
        ) : null}
        <Group gap="xs">
          <Button leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={() => void onIssue()} loading={issuing}>
            {live ? t("subscribe.reissue") : t("subscribe.issue")}
          </Button>
          {live ? (
            <Button variant="default" color="red" onClick={() => void onRevoke()} loading={revoking}>
              {t("subscribe.revoke")}
            </Button>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {t("subscribe.secret")}
        </Text>
      </Stack>
    </Paper>
  );
}
