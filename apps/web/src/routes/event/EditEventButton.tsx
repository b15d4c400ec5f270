// イベントを編集: the event form (EventForm.tsx) in a dialog, filled with the event as it is; the
// group stays.
import { Button, Modal } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPencil } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

import { formatTime } from "../../lib/dates.ts";
import { notifySaved } from "../../lib/form.ts";
import { useUpdateEventMutation } from "../../mutations/useUpdateEventMutation.ts";
import { EventForm } from "./EventForm.tsx";
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
  return (
    <EventForm
      initialValues={{
        groupId: null,
        title: event.title,
        date: japanDay(event.startsAt),
        startTime: formatTime(event.startsAt),
        endTime: formatTime(event.endsAt),
        place: event.place ?? "",
        description: event.description ?? "",
      }}
      submitLabel={t("common:action.save")}
      cancel={{ onClick: onDone }}
      onSubmit={async (fields) => {
        const outcome = await run({ input: { ...fields, id: event.id } });
        if (!outcome.ok) return outcome.error;
        notifySaved(t("edit.saved"));
        onDone();
        return null;
      }}
    />
  );
}
