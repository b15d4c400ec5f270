// 同意の履歴: every consent recorded for a child, newest first — 同意 or 不同意, who gave it and
// when, for what, which version of the form, who recorded it, and whether it is in force or until
// when it was. A consent in force can be withdrawn (撤回) as of a day; the record is kept.
import { useQuery } from "@apollo/client/react";
import { Badge, Button, Group, Modal, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { useDates } from "../../app/dates.ts";
import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { todayInJapan } from "../../lib/dates.ts";
import { currentLanguage, notifySaved } from "../../lib/form.ts";
import { localized } from "../../lib/result.ts";
import { useWithdrawConsentMutation } from "../../mutations/useWithdrawConsentMutation.ts";

const ConsentHistoryQuery = graphql(`
  query ConsentHistory($id: ID!) {
    childVolunteer(id: $id) {
      id
      consents {
        id
        kind
        granted
        givenBy
        givenOn
        scope
        policyVersion
        recordedAt
        recordedByName
        withdrawnAt
        inForce
      }
    }
  }
`);

export function ConsentHistoryModal({ child, onClose }: { child: { id: string; name: string } | null; onClose(): void }) {
  const { t } = useTranslation("child-volunteer");
  return (
    <Modal opened={child !== null} onClose={onClose} title={child ? t("history.title", { name: child.name }) : ""} size="lg">
      {child ? <History childId={child.id} /> : null}
    </Modal>
  );
}

function History({ childId }: { childId: string }) {
  const { t } = useTranslation("child-volunteer");
  const { date, dateTime } = useDates();
  const { data, loading, error, refetch } = useQuery(ConsentHistoryQuery, { variables: { id: childId }, fetchPolicy: "cache-and-network" });
  const consents = [...(data?.childVolunteer?.consents ?? [])].reverse();
  return (
    <QueryState
      loading={loading && !data}
      error={error}
      onRetry={() => void refetch()}
      empty={consents.length === 0}
      emptyText={t("history.none")}
    >
      <Stack gap="sm">
        {consents.map((c) => (
          <Paper key={c.id} withBorder p="sm" data-testid="consent-record">
            <Stack gap={4}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600} size="sm">
                  {c.kind === "GUARDIAN_ACTIVITY" ? t("consent.activity") : t("consent.photo")}
                </Text>
                <Group gap="xs">
                  <Badge variant="filled" color={c.granted ? "teal.9" : "red.9"}>
                    {c.granted ? t("consent.granted") : t("consent.refused")}
                  </Badge>
                  {c.inForce ? (
                    <Badge variant="outline" color="teal.9">
                      {t("history.inForce")}
                    </Badge>
                  ) : c.withdrawnAt ? (
                    <Badge variant="outline" color="gray.7">
                      {t("history.endedOn", { date: date(c.withdrawnAt) })}
                    </Badge>
                  ) : null}
                </Group>
              </Group>
              <Text size="sm">{t("history.given", { name: c.givenBy, date: date(c.givenOn) })}</Text>
              <Text size="sm">
                {t("consent.scope")}: {c.scope}（{t("consent.policyVersion")} {c.policyVersion}）
              </Text>
              <Text size="xs" c="dimmed">
                {t("history.recorded", { date: dateTime(c.recordedAt), name: c.recordedByName ?? t("history.unknownRecorder") })}
              </Text>
              {c.inForce ? <WithdrawForm consentId={c.id} givenOn={c.givenOn} /> : null}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </QueryState>
  );
}

function WithdrawForm({ consentId, givenOn }: { consentId: string; givenOn: string }) {
  const { t } = useTranslation("child-volunteer");
  const [run, { loading }] = useWithdrawConsentMutation();
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState<string | null>(todayInJapan());
  const [alert, setAlert] = useState<string | null>(null);
  if (!open) {
    return (
      <Group justify="flex-end">
        <Button size="compact-sm" variant="default" color="red" onClick={() => setOpen(true)}>
          {t("history.withdraw")}
        </Button>
      </Group>
    );
  }
  const withdraw = async () => {
    setAlert(null);
    const outcome = await run({ consentId, on });
    if (!outcome.ok) {
      const issue = outcome.error.issues[0];
      setAlert(localized(issue ?? outcome.error, currentLanguage()));
      return;
    }
    notifySaved(t("history.withdrawn"));
    setOpen(false);
  };
  return (
    <Stack gap="xs">
      <FailureAlert message={alert} />
      <CalendarDateInput label={t("history.withdrawOn")} required minDate={givenOn} maxDate={todayInJapan()} value={on} onChange={setOn} />
      <Group justify="flex-end" gap="xs">
        <Button size="compact-sm" variant="default" onClick={() => setOpen(false)}>
          {t("common:action.cancel")}
        </Button>
        <Button size="compact-sm" color="red" loading={loading} onClick={() => void withdraw()}>
          {t("history.confirmWithdraw")}
        </Button>
      </Group>
    </Stack>
  );
}
