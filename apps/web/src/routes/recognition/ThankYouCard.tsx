// One thank-you (ありがとう): to whom, from whom, when, the words; staff also see its state.
import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { IconHeart } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

import { useDates } from "../../app/dates.ts";
import { graphql, readFragment, type FragmentOf } from "../../graphql.ts";

export const ThankYouCard_message = graphql(`
  fragment ThankYouCard_message on ThankYouMessage {
    id
    fromName
    body
    receivedOn
    status
    toPerson {
      id
      name
    }
    toGroup {
      id
      name
    }
  }
`);

const STATUS_COLOR = { PENDING: "yellow", APPROVED: "teal", REJECTED: "gray" } as const;

export function ThankYouCard({ message, showStatus = false }: { message: FragmentOf<typeof ThankYouCard_message>; showStatus?: boolean }) {
  const { t } = useTranslation("recognition");
  const { date } = useDates();
  const m = readFragment(ThankYouCard_message, message);
  const to = m.toPerson?.name ?? m.toGroup?.name ?? "—";
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-label={t("thankYou.aria", { to, from: m.fromName })}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap={6} wrap="nowrap">
            <IconHeart size={16} aria-hidden color="var(--mantine-color-pink-7)" />
            <Text size="sm" fw={600}>
              {m.toPerson ? t("thankYou.to", { to }) : t("thankYou.toGroup", { to })}
            </Text>
          </Group>
          {showStatus ? (
            <Badge variant="light" color={STATUS_COLOR[m.status]} styles={{ label: { color: "var(--mantine-color-text)" } }}>
              {t(`status.${m.status}`)}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {m.body}
        </Text>
        <Text size="xs" c="dimmed">
          {t("thankYou.from", { from: m.fromName, date: date(m.receivedOn) })}
        </Text>
      </Stack>
    </Paper>
  );
}
