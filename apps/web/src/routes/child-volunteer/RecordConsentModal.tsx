// 同意の記録: a guardian's form came back (同意 or 不同意) for activities or for photos. The consent
// of that kind it replaces is withdrawn by the server, never deleted.
import { Button, Group, Modal, Radio, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { todayInJapan } from "../../lib/dates.ts";
import { applyFailure, notifySaved } from "../../lib/form.ts";
import { useRecordConsentMutation } from "../../mutations/useRecordConsentMutation.ts";
import type { ChildRow } from "./ChildVolunteerRow.tsx";
import type { ConsentKind, ConsentTermsByKind } from "./consent-terms.ts";

type Kind = ConsentKind;

export function RecordConsentModal({ child, terms, onClose }: { child: ChildRow | null; terms: ConsentTermsByKind; onClose(): void }) {
  const { t } = useTranslation("child-volunteer");
  return (
    <Modal opened={child !== null} onClose={onClose} title={child ? t("consent.modalTitle", { name: child.person.name }) : ""} size="lg">
      {child ? <ConsentForm key={child.id} child={child} terms={terms} onDone={onClose} /> : null}
    </Modal>
  );
}

function ConsentForm({ child, terms, onDone }: { child: ChildRow; terms: ConsentTermsByKind; onDone(): void }) {
  const { t } = useTranslation("child-volunteer");
  const { t: tc } = useTranslation();
  const [run] = useRecordConsentMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      kind: (child.activityConsentState === "GRANTED" ? "PHOTO_PUBLICATION" : "GUARDIAN_ACTIVITY") as Kind,
      granted: "yes",
      givenBy: child.guardianName,
      givenOn: todayInJapan() as string | null,
      scope: "",
      policyVersion: "",
    },
  });
  const kind = form.values.kind;
  // the form's wording is the latest one recorded for that kind; it can be changed
  useEffect(() => {
    form.setFieldValue("scope", terms[kind]?.scope ?? "");
    form.setFieldValue("policyVersion", terms[kind]?.policyVersion ?? "");
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the kind changes
  }, [kind]);
  const submit = form.onSubmit(async (v) => {
    setAlert(null);
    const outcome = await run({
      input: {
        childVolunteerId: child.id,
        kind: v.kind,
        granted: v.granted === "yes",
        givenBy: v.givenBy,
        givenOn: v.givenOn ?? "",
        scope: v.scope,
        policyVersion: v.policyVersion,
      },
    });
    if (!outcome.ok) {
      setAlert(applyFailure(form, outcome.error));
      return;
    }
    notifySaved(t("consent.saved"));
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FailureAlert message={alert} />
        <Radio.Group label={t("consent.kind")} required {...form.getInputProps("kind")}>
          <Stack gap="xs" mt={4}>
            <Radio value="GUARDIAN_ACTIVITY" label={t("consent.activity")} />
            <Radio value="PHOTO_PUBLICATION" label={t("consent.photo")} />
          </Stack>
        </Radio.Group>
        <Radio.Group label={t("consent.answer")} required {...form.getInputProps("granted")}>
          <Group gap="lg" mt={4}>
            <Radio value="yes" label={t("consent.granted")} />
            <Radio value="no" label={t("consent.refused")} />
          </Group>
        </Radio.Group>
        <TextInput label={t("consent.givenBy")} required {...form.getInputProps("givenBy")} />
        <CalendarDateInput label={t("consent.givenOn")} required maxDate={todayInJapan()} {...form.getInputProps("givenOn")} />
        <Textarea label={t("consent.scope")} required autosize minRows={2} maxRows={6} {...form.getInputProps("scope")} />
        <TextInput label={t("consent.policyVersion")} required {...form.getInputProps("policyVersion")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {tc("action.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t("consent.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
