// イベントを作成: title, group, the day and times (Japan time), place, description. The server's
// validation (e.g. an end before the start) is shown next to the field it concerns.
import { Anchor, Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { TimeInput } from "@mantine/dates";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";

import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { QueryState } from "../../components/States.tsx";
import { japanInstant } from "../../lib/dates.ts";
import { applyFailure, notifySaved } from "../../lib/form.ts";
import { useCreateEventMutation } from "../../mutations/useCreateEventMutation.ts";
import { groupLabel, useEventGroups, type EventGroup } from "./groups.ts";

export function Component() {
  const { t } = useTranslation("event");
  const { groups, loading, error, refetch } = useEventGroups();
  return (
    <>
      <PageTitle title={t("create.title")} />
      <Stack maw={720}>
        <Anchor component={Link} to="/events" size="sm">
          {t("backToList")}
        </Anchor>
        <QueryState loading={loading} error={error} onRetry={() => void refetch()} empty={groups.length === 0} emptyText={t("list.noGroups")}>
          <CreateEventForm groups={groups} />
        </QueryState>
      </Stack>
    </>
  );
}

function CreateEventForm({ groups }: { groups: EventGroup[] }) {
  const { t } = useTranslation("event");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [run] = useCreateEventMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const requested = params.get("groupId");
  const initialGroup = groups.find((g) => g.id === requested)?.id ?? (groups.length === 1 ? groups[0]!.id : null);
  const form = useForm({
    initialValues: {
      groupId: initialGroup,
      title: "",
      date: null as string | null,
      startTime: "10:00",
      endTime: "15:00",
      place: "",
      description: "",
    },
    validate: {
      groupId: (v) => (v ? null : t("required.group")),
      title: (v) => (v.trim() ? null : t("required.title")),
      date: (v) => (v ? null : t("required.date")),
      startTime: (v) => (v ? null : t("required.time")),
      endTime: (v) => (v ? null : t("required.time")),
    },
  });

  const submit = form.onSubmit(async (v) => {
    setAlert(null);
    const outcome = await run({
      input: {
        groupId: v.groupId!,
        title: v.title,
        startsAt: japanInstant(v.date!, v.startTime),
        endsAt: japanInstant(v.date!, v.endTime),
        place: v.place.trim() || null,
        description: v.description.trim() || null,
      },
    });
    if (!outcome.ok) {
      setAlert(applyFailure(form, outcome.error, { fields: { startsAt: "startTime", endsAt: "endTime" } }));
      return;
    }
    notifySaved(t("create.saved", { title: outcome.data.title }));
    void navigate(`/events/${outcome.data.id}`);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FailureAlert message={alert} />
        <TextInput label={t("field.title")} required placeholder={t("create.titlePlaceholder")} {...form.getInputProps("title")} />
        <Select
          label={t("field.group")}
          required
          searchable
          data={groups.map((g) => ({ value: g.id, label: groupLabel(g) }))}
          {...form.getInputProps("groupId")}
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <CalendarDateInput label={t("field.date")} required {...form.getInputProps("date")} />
          <TimeInput label={t("field.startTime")} required {...form.getInputProps("startTime")} />
          <TimeInput label={t("field.endTime")} required {...form.getInputProps("endTime")} />
        </SimpleGrid>
        <TextInput label={t("field.place")} {...form.getInputProps("place")} />
        <Textarea label={t("field.description")} autosize minRows={3} maxRows={10} {...form.getInputProps("description")} />
        <Group justify="flex-end">
          <Button component={Link} to="/events" variant="default">
            {t("common:action.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t("create.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
