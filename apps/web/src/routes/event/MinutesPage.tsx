// 議事録: the minutes of a 部会's meetings (every two months), newest first, and a form to record
// the latest — optionally about one event (from the event's page).
import { useQuery } from "@apollo/client/react";
import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { useNameWarning } from "../../components/NameWarning.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { todayInJapan } from "../../lib/dates.ts";
import { applyFailure, notifySaved } from "../../lib/form.ts";
import { required } from "../../lib/required.ts";
import { useRecordMeetingMinutesMutation } from "../../mutations/useRecordMeetingMinutesMutation.ts";
import { groupLabel, useEventGroups } from "./groups.ts";
import { MinutesList, MinutesList_minutes } from "./MinutesList.tsx";

const MeetingMinutesQuery = graphql(
  `
    query MeetingMinutes($groupId: ID!) {
      meetingMinutes(groupId: $groupId) {
        id
        ...MinutesList_minutes
      }
    }
  `,
  [MinutesList_minutes],
);

const MinutesEventQuery = graphql(`
  query MinutesEvent($id: ID!) {
    event(id: $id) {
      id
      title
      group {
        id
      }
    }
  }
`);

export function Component() {
  const { t } = useTranslation("event");
  const [params, setParams] = useSearchParams();
  const { groups, isStaff, loading: groupsLoading, error: groupsError, refetch: refetchGroups } = useEventGroups();
  const requested = params.get("groupId");
  const groupId = groups.find((g) => g.id === requested)?.id ?? groups[0]?.id ?? null;
  const eventId = params.get("eventId");
  const { data, loading, error, refetch } = useQuery(MeetingMinutesQuery, { variables: { groupId: groupId ?? "" }, skip: !groupId });
  const { data: eventData } = useQuery(MinutesEventQuery, { variables: { id: eventId ?? "" }, skip: !eventId });
  // the event only when it is this group's
  const event = eventData?.event && eventData.event.group.id === groupId ? eventData.event : null;

  return (
    <>
      <PageTitle title={t("minutes.title")} />
      <Stack>
        <Anchor component={Link} to={event ? `/events/${event.id}` : "/events"} size="sm">
          {event ? t("minutes.backToEvent") : t("backToList")}
        </Anchor>
        <QueryState
          loading={groupsLoading}
          error={groupsError}
          onRetry={() => void refetchGroups()}
          empty={groups.length === 0}
          emptyText={t("list.noGroups")}
        >
          {isStaff || groups.length > 1 ? (
            <Select
              label={t("field.group")}
              maw={420}
              searchable
              data={groups.map((g) => ({ value: g.id, label: groupLabel(g) }))}
              value={groupId}
              allowDeselect={false}
              onChange={(v) => setParams(v ? { groupId: v } : {})}
            />
          ) : (
            <Text size="sm">{groups[0] ? groupLabel(groups[0]) : null}</Text>
          )}
          {groupId ? (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <MinutesForm key={`${groupId}/${event?.id ?? ""}`} groupId={groupId} event={event} />
              <section aria-labelledby="minutes-list">
                <Title order={2} size="h4" id="minutes-list" mb="sm">
                  {t("minutes.list")}
                </Title>
                <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()}>
                  <MinutesList minutes={data?.meetingMinutes ?? []} empty={t("minutes.none")} headingOrder={3} />
                </QueryState>
              </section>
            </SimpleGrid>
          ) : null}
        </QueryState>
      </Stack>
    </>
  );
}

function MinutesForm({ groupId, event }: { groupId: string; event: { id: string; title: string } | null }) {
  const { t } = useTranslation("event");
  const [run] = useRecordMeetingMinutesMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const nameWarning = useNameWarning();
  const form = useForm({
    initialValues: { heldOn: todayInJapan() as string | null, title: "", body: "" },
    validate: {
      heldOn: (v) => (v ? null : t("required.date")),
      title: (v) => (v.trim() ? null : t("required.title")),
      body: (v) => (v.trim() ? null : t("required.body")),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setAlert(null);
    const outcome = await run({
      input: {
        groupId,
        eventId: event?.id ?? null,
        heldOn: required(v.heldOn, "heldOn"),
        title: v.title,
        body: v.body,
        ...nameWarning.acknowledgement,
      },
    });
    if (!outcome.ok) {
      if (!nameWarning.caught(outcome.error)) setAlert(applyFailure(form, outcome.error));
      return;
    }
    notifySaved(t("minutes.saved", { title: outcome.data.title }));
    form.reset();
  });
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate style={{ alignSelf: "start" }} aria-labelledby="minutes-form">
      <Title order={2} size="h4" id="minutes-form" mb="sm">
        {t("minutes.record")}
      </Title>
      <Stack gap="sm">
        {event ? <Text size="sm">{t("minutes.aboutEvent", { title: event.title })}</Text> : null}
        <FailureAlert message={alert} />
        <CalendarDateInput label={t("field.heldOn")} required maxDate={todayInJapan()} {...form.getInputProps("heldOn")} />
        <TextInput label={t("field.minutesTitle")} required placeholder={t("minutes.titlePlaceholder")} {...form.getInputProps("title")} />
        <Textarea
          label={t("field.body")}
          required
          autosize
          minRows={6}
          maxRows={20}
          placeholder={t("minutes.bodyPlaceholder")}
          {...form.getInputProps("body")}
        />
        {nameWarning.alert}
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t("minutes.submit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
