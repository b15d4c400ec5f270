// ありがとうを届ける: record a thank-you someone gave (a resident, a fisherman, staff) for a person
// or a group; it waits for staff moderation before the recipient sees it.
import { Alert, Button, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { useNameWarning } from "../../components/NameWarning.tsx";
import { todayInJapan } from "../../lib/dates.ts";
import { applyFailure } from "../../lib/form.ts";
import { required } from "../../lib/required.ts";
import { useSendThankYouMutation } from "../../mutations/useSendThankYouMutation.ts";
import { RecipientFields, TO_GROUP } from "./RecipientFields.tsx";

// a type, not an interface: applyFailure takes a record of fields
type Values = {
  groupId: string | null;
  recipient: string | null;
  fromName: string;
  receivedOn: string | null;
  body: string;
};

export function SendThankYouForm() {
  const { t } = useTranslation("recognition");
  const [send, { loading }] = useSendThankYouMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const nameWarning = useNameWarning();
  const form = useForm<Values>({
    initialValues: { groupId: null, recipient: TO_GROUP, fromName: "", receivedOn: todayInJapan(), body: "" },
    validate: {
      groupId: (v) => (v ? null : t("validation.group")),
      fromName: (v) => (v.trim() ? null : t("validation.fromName")),
      receivedOn: (v) => (v ? null : t("validation.receivedOn")),
      body: (v) => (v.trim() ? null : t("validation.body")),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setAlert(null);
    setSent(false);
    const toPerson = values.recipient && values.recipient !== TO_GROUP ? values.recipient : null;
    const outcome = await send({
      input: {
        toPersonId: toPerson,
        toGroupId: toPerson ? null : values.groupId,
        fromName: values.fromName,
        body: values.body,
        receivedOn: required(values.receivedOn, "receivedOn"),
        ...nameWarning.acknowledgement,
      },
    });
    if (!outcome.ok) {
      if (!nameWarning.caught(outcome.error))
        setAlert(applyFailure(form, outcome.error, { fields: { toPersonId: "recipient", toGroupId: "groupId" } }));
      return;
    }
    setSent(true);
    form.setValues({ body: "", fromName: "" });
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="send-thank-you">
      <Stack gap="sm">
        {sent ? (
          <Alert color="teal" icon={<IconCheck aria-hidden />} title={t("send.pendingTitle")} role="status">
            {t("send.pendingBody")}
          </Alert>
        ) : null}
        <FailureAlert message={alert} />
        <RecipientFields
          group={form.getInputProps("groupId") as never}
          recipient={form.getInputProps("recipient") as never}
          groupLabel={t("send.group")}
          recipientLabel={t("send.recipient")}
          groupOnlyLabel={t("send.toGroup")}
        />
        <Group grow align="flex-start" wrap="wrap" gap="sm">
          <TextInput
            label={t("send.fromName")}
            description={t("send.fromNameHint")}
            required
            miw={220}
            {...form.getInputProps("fromName")}
          />
          <CalendarDateInput label={t("send.receivedOn")} required miw={200} {...form.getInputProps("receivedOn")} />
        </Group>
        <Textarea label={t("send.body")} required autosize minRows={3} maxLength={2000} {...form.getInputProps("body")} />
        {nameWarning.alert}
        <Group>
          <Button type="submit" loading={loading}>
            {t("send.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
