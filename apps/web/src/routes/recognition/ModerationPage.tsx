// ありがとうの確認 (moderation, staff): thank-yous waiting to be shown to their recipients, oldest
// first; tick some or all and approve or reject them together (all or none).
import { useQuery } from "@apollo/client/react";
import { Button, Checkbox, Group, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { useDates } from "../../app/dates.ts";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { currentLanguage, notifySaved } from "../../lib/form.ts";
import { localized } from "../../lib/result.ts";
import { useModerateThankYousMutation } from "../../mutations/useModerateThankYousMutation.ts";

const ModerationQueueQuery = graphql(`
  query ModerationQueue {
    moderationQueue(first: 100) {
      edges {
        node {
          id
          fromName
          body
          receivedOn
          createdAt
          toPerson {
            id
            name
          }
          toGroup {
            id
            name
          }
        }
      }
    }
  }
`);

export function Component() {
  const { t } = useTranslation("recognition");
  const { date } = useDates();
  const { data, loading, error, refetch } = useQuery(ModerationQueueQuery);
  const [moderate, { loading: saving }] = useModerateThankYousMutation();
  const [selected, setSelected] = useState<string[]>([]);
  const [alert, setAlert] = useState<string | null>(null);
  const queue = data?.moderationQueue.edges.map((e) => e.node) ?? [];
  const chosen = selected.filter((id) => queue.some((m) => m.id === id));
  const all = queue.length > 0 && chosen.length === queue.length;
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  const decide = async (decision: "APPROVE" | "REJECT") => {
    setAlert(null);
    const outcome = await moderate({ ids: chosen, decision });
    if (!outcome.ok) {
      setAlert(localized(outcome.error, currentLanguage()));
      return;
    }
    notifySaved(t(decision === "APPROVE" ? "moderation.approved" : "moderation.rejected", { count: outcome.data.length }));
    setSelected([]);
  };

  return (
    <>
      <PageTitle title={t("moderation.title")} />
      <Stack>
        <Text size="sm">{t("moderation.intro")}</Text>
        <FailureAlert message={alert} />
        <QueryState
          loading={loading && !data}
          error={error}
          empty={queue.length === 0}
          onRetry={() => void refetch()}
          emptyText={t("moderation.empty")}
        >
          <Group gap="sm" wrap="wrap">
            <Checkbox
              label={t("moderation.selectAll")}
              checked={all}
              indeterminate={chosen.length > 0 && !all}
              onChange={() => setSelected(all ? [] : queue.map((m) => m.id))}
            />
            <Text size="sm" aria-live="polite">
              {t("moderation.selected", { count: chosen.length, total: queue.length })}
            </Text>
            <Button onClick={() => void decide("APPROVE")} disabled={chosen.length === 0} loading={saving}>
              {t("moderation.approve")}
            </Button>
            <Button variant="default" onClick={() => void decide("REJECT")} disabled={chosen.length === 0 || saving}>
              {t("moderation.reject")}
            </Button>
          </Group>
          <Stack gap="sm">
            {queue.map((m) => {
              const to = m.toPerson?.name ?? m.toGroup?.name ?? "—";
              return (
                <Paper key={m.id} withBorder p="sm" radius="md" bg={chosen.includes(m.id) ? "blue.0" : undefined}>
                  <Group align="flex-start" wrap="nowrap" gap="sm">
                    <Checkbox
                      mt={2}
                      checked={chosen.includes(m.id)}
                      onChange={() => toggle(m.id)}
                      aria-label={t("moderation.selectOne", { to, from: m.fromName })}
                    />
                    <Stack gap={4} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600}>
                        {m.toPerson ? t("thankYou.to", { to }) : t("thankYou.toGroup", { to })}
                      </Text>
                      <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                        {m.body}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t("thankYou.from", { from: m.fromName, date: date(m.receivedOn) })}
                      </Text>
                    </Stack>
                  </Group>
                </Paper>
              );
            })}
          </Stack>
        </QueryState>
      </Stack>
    </>
  );
}
