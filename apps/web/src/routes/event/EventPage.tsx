// イベントの詳細: when and where, the task board, the shifts with sign-ups and waitlists, attendance
// and the activity log made from it, the minutes about the event; 中止 (cancel) with confirmation.
import { useQuery } from "@apollo/client/react";
import { Anchor, Button, Group, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBan, IconNotes } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { useDates } from "../../app/dates.ts";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { EmptyState, QueryState } from "../../components/States.tsx";
import { graphql, type ResultOf } from "../../graphql.ts";
import { currentLanguage, notifySaved } from "../../lib/form.ts";
import { localized } from "../../lib/result.ts";
import { useCancelEventMutation } from "../../mutations/useCancelEventMutation.ts";
import { EditEventButton } from "./EditEventButton.tsx";
import { EventActivityLog, EventActivityLog_event } from "./EventActivityLog.tsx";
import { EventStatusBadge } from "./EventStatusBadge.tsx";
import { formatPeriod, japanDay } from "./format.ts";
import { groupLabel } from "./groups.ts";
import { useEventMembers } from "./members.ts";
import { MinutesList, MinutesList_minutes } from "./MinutesList.tsx";
import { AddShiftForm, ShiftCard, ShiftCard_shift } from "./ShiftCard.tsx";
import { TaskBoard, TaskBoard_event } from "./TaskBoard.tsx";

const EventDetailQuery = graphql(
  `
    query EventDetail($id: ID!) {
      event(id: $id) {
        id
        title
        description
        place
        startsAt
        endsAt
        status
        group {
          id
          name
          nickname
        }
        shifts {
          id
          ...ShiftCard_shift
        }
        meetingMinutes {
          id
          ...MinutesList_minutes
        }
        ...TaskBoard_event
        ...EventActivityLog_event
      }
    }
  `,
  [ShiftCard_shift, MinutesList_minutes, TaskBoard_event, EventActivityLog_event],
);

export function Component() {
  const { t } = useTranslation("event");
  const { eventId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(EventDetailQuery, { variables: { id: eventId } });
  const event = data?.event;
  if (!event) {
    return (
      <>
        <PageTitle title={t("detail.title")} />
        <QueryState loading={loading} error={error} onRetry={() => void refetch()} empty emptyText={t("detail.notFound")}>
          {null}
        </QueryState>
        <Anchor component={Link} to="/events" size="sm">
          {t("backToList")}
        </Anchor>
      </>
    );
  }
  return <EventDetail event={event} />;
}

type Detail = NonNullable<ResultOf<typeof EventDetailQuery>["event"]>;

function EventDetail({ event }: { event: Detail }) {
  const { t } = useTranslation("event");
  const { date } = useDates();
  const { members } = useEventMembers(event.group.id);
  const editable = event.status !== "CANCELLED";
  const [openedAt] = useState(() => Date.now());
  const started = new Date(event.startsAt).getTime() <= openedAt;
  return (
    <>
      <PageTitle
        title={event.title}
        actions={
          editable ? (
            <>
              <EditEventButton event={event} />
              <CancelEventButton eventId={event.id} title={event.title} />
            </>
          ) : null
        }
      />
      <Stack gap="xl">
        <Anchor component={Link} to="/events" size="sm">
          {t("backToList")}
        </Anchor>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Group gap="xs">
              <EventStatusBadge status={event.status} />
            </Group>
            <Fact label={t("field.when")}>{formatPeriod(event.startsAt, event.endsAt, date)}</Fact>
            {event.place ? <Fact label={t("field.place")}>{event.place}</Fact> : null}
            <Fact label={t("field.group")}>{groupLabel(event.group)}</Fact>
            {event.description ? (
              <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {event.description}
              </Text>
            ) : null}
          </Stack>
        </Paper>

        <Section id="shifts" title={t("shifts.title")}>
          <Stack>
            {event.shifts.length === 0 ? <EmptyState>{t("shifts.none")}</EmptyState> : null}
            {event.shifts.map((s) => (
              <ShiftCard key={s.id} shift={s} members={members} editable={editable} started={started} date={date} />
            ))}
            {editable ? <AddShiftForm eventId={event.id} eventDay={japanDay(event.startsAt)} /> : null}
          </Stack>
        </Section>

        <Section id="tasks" title={t("tasks.title")}>
          <TaskBoard event={event} members={members} />
        </Section>

        <Section id="activity-log" title={t("log.title")}>
          <EventActivityLog event={event} started={started} />
        </Section>

        <Section id="minutes" title={t("minutes.title")}>
          <Stack>
            <MinutesList minutes={event.meetingMinutes} empty={t("minutes.noneForEvent")} headingOrder={3} />
            <Group>
              <Button
                component={Link}
                to={`/events/minutes?groupId=${event.group.id}&eventId=${event.id}`}
                variant="default"
                leftSection={<IconNotes size={18} aria-hidden />}
              >
                {t("minutes.recordForEvent")}
              </Button>
            </Group>
          </Stack>
        </Section>
      </Stack>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" miw="4em">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: "anywhere", minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`section-${id}`}>
      <Title order={2} size="h3" id={`section-${id}`} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

function CancelEventButton({ eventId, title }: { eventId: string; title: string }) {
  const { t } = useTranslation("event");
  const [opened, { open, close }] = useDisclosure(false);
  const [run, { loading }] = useCancelEventMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const confirm = async () => {
    setAlert(null);
    const outcome = await run({ id: eventId });
    if (!outcome.ok) {
      setAlert(localized(outcome.error, currentLanguage()));
      return;
    }
    close();
    notifySaved(t("cancel.done", { title }));
  };
  return (
    <>
      <Button variant="outline" color="red.9" leftSection={<IconBan size={18} aria-hidden />} onClick={open}>
        {t("cancel.button")}
      </Button>
      <Modal opened={opened} onClose={close} title={t("cancel.confirmTitle")} centered>
        <Stack>
          <FailureAlert message={alert} />
          <Text size="sm">{t("cancel.confirmBody", { title })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("cancel.keep")}
            </Button>
            <Button color="red.9" loading={loading} onClick={() => void confirm()}>
              {t("cancel.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
