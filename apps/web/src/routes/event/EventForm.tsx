// The one form of an event, for creating it (its own page) and editing it (a dialog): name, group
// (only when creating), the day and times (Japan time), place, description. The server's validation
// (e.g. an end before the start) is shown next to the field it concerns; a name beside a juvenile
// participant's code is confirmed before saving (components/NameWarning.tsx).
import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { TimeInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { useNameWarning } from "../../components/NameWarning.tsx";
import { japanInstant } from "../../lib/dates.ts";
import { applyFailure } from "../../lib/form.ts";
import { required } from "../../lib/required.ts";
import type { Failure } from "../../lib/result.ts";
import { groupLabel, type EventGroup } from "./groups.ts";

// a type, not an interface: applyFailure takes a record of fields
export type EventValues = {
  groupId: string | null;
  title: string;
  date: string | null;
  startTime: string;
  endTime: string;
  place: string;
  description: string;
};

/** what the API's CreateEventInput and UpdateEventInput have in common */
export interface EventFields {
  title: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  description: string | null;
  /** sent once the user has confirmed the API's name warning (juvenile programme) */
  acknowledgeNameWarning?: true;
}

export function EventForm({
  initialValues,
  groups,
  submitLabel,
  cancel,
  onSubmit,
}: {
  initialValues: EventValues;
  /** the groups to choose from when creating; without them the group is not asked (editing) */
  groups?: EventGroup[];
  submitLabel: string;
  /** キャンセル leads back to a page, or closes the dialog */
  cancel: { to: string } | { onClick(): void };
  /** runs the mutation: a failure comes back to be shown on the form; success is the caller's to announce */
  onSubmit(fields: EventFields, groupId: string | null): Promise<Failure | null>;
}) {
  const { t } = useTranslation("event");
  const [alert, setAlert] = useState<string | null>(null);
  const nameWarning = useNameWarning();
  const form = useForm<EventValues>({
    initialValues,
    validate: {
      groupId: (v) => (groups && !v ? t("required.group") : null),
      title: (v) => (v.trim() ? null : t("required.title")),
      date: (v) => (v ? null : t("required.date")),
      startTime: (v) => (v ? null : t("required.time")),
      endTime: (v) => (v ? null : t("required.time")),
    },
  });

  const submit = form.onSubmit(async (v) => {
    setAlert(null);
    const failure = await onSubmit(
      {
        title: v.title,
        startsAt: japanInstant(required(v.date, "date"), v.startTime),
        endsAt: japanInstant(required(v.date, "date"), v.endTime),
        place: v.place.trim() || null,
        description: v.description.trim() || null,
        ...nameWarning.acknowledgement,
      },
      v.groupId,
    );
    if (failure && !nameWarning.caught(failure))
      setAlert(applyFailure(form, failure, { fields: { startsAt: "startTime", endsAt: "endTime" } }));
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FailureAlert message={alert} />
        {/* data-autofocus: the first field takes focus in the dialog (a page focuses its heading) */}
        <TextInput
          label={t("field.title")}
          required
          placeholder={t("create.titlePlaceholder")}
          data-autofocus
          {...form.getInputProps("title")}
        />
        {groups ? (
          <Select
            label={t("field.group")}
            required
            searchable
            data={groups.map((g) => ({ value: g.id, label: groupLabel(g) }))}
            {...form.getInputProps("groupId")}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <CalendarDateInput label={t("field.date")} required {...form.getInputProps("date")} />
          <TimeInput label={t("field.startTime")} required {...form.getInputProps("startTime")} />
          <TimeInput label={t("field.endTime")} required {...form.getInputProps("endTime")} />
        </SimpleGrid>
        <TextInput label={t("field.place")} {...form.getInputProps("place")} />
        <Textarea label={t("field.description")} autosize minRows={3} maxRows={10} {...form.getInputProps("description")} />
        {nameWarning.alert}
        <Group justify="flex-end">
          {"to" in cancel ? (
            <Button component={Link} to={cancel.to} variant="default">
              {t("common:action.cancel")}
            </Button>
          ) : (
            <Button variant="default" onClick={cancel.onClick}>
              {t("common:action.cancel")}
            </Button>
          )}
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
