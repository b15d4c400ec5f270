// 出席を活動記録にする: once per event, one submitted activity log (活動記録) from the attendance
// (or, where attendance was not taken, the confirmed sign-ups); staff then approve it.
import { useQuery } from "@apollo/client/react";
import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconCircleCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { FailureAlert } from "../../components/FailureAlert.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql, readFragment, type FragmentOf } from "../../graphql.ts";
import { applyFailure, notifySaved } from "../../lib/form.ts";
import { useRecordEventActivityLogMutation } from "../../mutations/useRecordEventActivityLogMutation.ts";

export const EventActivityLog_event = graphql(`
  fragment EventActivityLog_event on Event {
    id
    status
    startsAt
    endsAt
    group {
      id
      programme {
        id
        code
      }
    }
    activityLog {
      id
      status
      participantCount
      minutes
    }
  }
`);

const EventActivityTypesQuery = graphql(`
  query EventActivityTypes($programmeCode: String!) {
    activityTypes(programmeCode: $programmeCode) {
      id
      code
      name
      nameEn
    }
  }
`);

export function EventActivityLog({ event: ref, started }: { event: FragmentOf<typeof EventActivityLog_event>; started: boolean }) {
  // the log's status is named in the activity log's words (loaded here if not yet: src/i18n/index.ts)
  const { t } = useTranslation(["event", "activity-log"]);
  const event = readFragment(EventActivityLog_event, ref);
  if (event.activityLog) {
    return (
      <Alert color="teal" icon={<IconCircleCheck aria-hidden />} title={t("log.made")} data-testid="event-log">
        <Stack gap={4}>
          <Text size="sm">
            {t("log.summary", {
              status: t(`activity-log:status.${event.activityLog.status}`),
              count: event.activityLog.participantCount,
              minutes: event.activityLog.minutes,
            })}
          </Text>
          <Group>
            {/* a button, not a coloured link: link blue on the tinted alert is under 4.5:1 */}
            <Button component={Link} to="/activity-logs" variant="default" size="compact-sm">
              {t("log.toList")}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }
  if (event.status === "CANCELLED") {
    return (
      <Text size="sm" c="dimmed">
        {t("log.cancelled")}
      </Text>
    );
  }
  if (!started) {
    return (
      <Text size="sm" c="dimmed">
        {t("log.notYet")}
      </Text>
    );
  }
  return <RecordLogForm eventId={event.id} programmeCode={event.group.programme.code} />;
}

function RecordLogForm({ eventId, programmeCode }: { eventId: string; programmeCode: string }) {
  const { data, loading, error, refetch } = useQuery(EventActivityTypesQuery, { variables: { programmeCode } });
  if (!data)
    return (
      <QueryState loading={loading} error={error} onRetry={() => void refetch()}>
        {null}
      </QueryState>
    );
  return <RecordLogFields eventId={eventId} types={data.activityTypes} />;
}

function RecordLogFields({ eventId, types }: { eventId: string; types: ReadonlyArray<{ code: string; name: string; nameEn: string }> }) {
  const { t, i18n } = useTranslation("event");
  const [run] = useRecordEventActivityLogMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({
    // イベント is the usual type of an event's log
    initialValues: {
      activityTypeCode: types.some((a) => a.code === "event") ? "event" : (null as string | null),
      minutes: "" as number | string,
      peopleServed: "" as number | string,
    },
    validate: { activityTypeCode: (v) => (v ? null : t("required.activityType")) },
  });
  const submit = form.onSubmit(async (v) => {
    setAlert(null);
    const outcome = await run({
      eventId,
      activityTypeCode: v.activityTypeCode ?? "",
      minutes: v.minutes === "" ? null : Number(v.minutes),
      peopleServed: v.peopleServed === "" ? null : Number(v.peopleServed),
    });
    if (!outcome.ok) {
      setAlert(applyFailure(form, outcome.error, { prefix: "" }));
      return;
    }
    notifySaved(t("log.saved"));
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t("log.hint")}</Text>
        <FailureAlert message={alert} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t("field.activityType")}
            required
            data={types.map((a) => ({ value: a.code, label: i18n.resolvedLanguage === "en" ? a.nameEn : a.name }))}
            {...form.getInputProps("activityTypeCode")}
          />
          <NumberInput
            label={t("field.logMinutes")}
            description={t("log.minutesHint")}
            min={0}
            max={1440}
            step={15}
            inputMode="numeric"
            {...form.getInputProps("minutes")}
          />
          <NumberInput label={t("field.peopleServed")} min={0} inputMode="numeric" {...form.getInputProps("peopleServed")} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t("log.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
