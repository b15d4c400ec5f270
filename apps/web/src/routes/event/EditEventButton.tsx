// イベントを編集: name, day and times (Japan time), place, description, in a dialog. The server's
// validation (an end before the start) shows next to the field.
import { Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { TimeInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { formatTime, japanInstant } from "../../lib/dates.ts";
import { applyFailure, notifySaved } from "../../lib/form.ts";
import { useUpdateEventMutation } from "../../mutations/useUpdateEventMutation.ts";
import { japanDay } from "./format.ts";

interface Editable {
  id: string;
  title: string;
  place: string | null;
  description: string | null;
  startsAt: string;
  endsAt: string;
}

export function EditEventButton({ event }: { event: Editable }) {
  const { t } = useTranslation("event");
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={open}>
        {t("edit.button")}
      </Button>
      <Modal opened={opened} onClose={close} title={t("edit.title")} size="lg">
        {opened ? <EditEventForm event={event} onDone={close} /> : null}
      </Modal>
    </>
  );
}

function EditEventForm({ event, onDone }: { event: Editable; onDone(): void }) {
  const { t } = useTranslation("event");
  const [run] = useUpdateEventMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      title: event.title,
      date: japanDay(event.startsAt) as string | null,
      startTime: formatTime(event.startsAt),
      endTime: formatTime(event.endsAt),
      place: event.place ?? "",
      description: event.description ?? "",
    },
    validate: {
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
        id: event.id,
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
    notifySaved(t("edit.saved"));
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FailureAlert message={alert} />
        <TextInput label={t("field.title")} required data-autofocus {...form.getInputProps("title")} />
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <CalendarDateInput label={t("field.date")} required {...form.getInputProps("date")} />
          <TimeInput label={t("field.startTime")} required {...form.getInputProps("startTime")} />
          <TimeInput label={t("field.endTime")} required {...form.getInputProps("endTime")} />
        </SimpleGrid>
        <TextInput label={t("field.place")} {...form.getInputProps("place")} />
        <Textarea label={t("field.description")} autosize minRows={3} maxRows={10} {...form.getInputProps("description")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common:action.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t("common:action.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
