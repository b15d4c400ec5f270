// The one form for recording an enrolment (several people at once) and for correcting one: plan,
// 加入日 and 受付番号. Issues come back next to their fields; an issue naming a person of a bulk
// enrolment (input.personIds.N) is shown above the form.
import { Autocomplete, Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { todayInJapan } from "../../lib/dates.ts";
import { applyFailure } from "../../lib/form.ts";
import type { Outcome } from "../../lib/result.ts";

/** the plans of the 社協's policy, as the insurer names them (not translated: they are product names) */
const BASIC_PLAN = "ボランティア活動保険（基本タイプ）";
const PLANS = [BASIC_PLAN, "ボランティア活動保険（天災タイプ）"];

export type EnrolmentValues = {
  plan: string;
  enrolledOn: string | null;
  reference: string;
};

export function EnrolmentForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: Partial<EnrolmentValues>;
  submitLabel: string;
  onSubmit(values: EnrolmentValues): Promise<Outcome<unknown>>;
  onCancel(): void;
}) {
  const { t } = useTranslation("insurance");
  const { t: tc } = useTranslation();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<EnrolmentValues>({
    initialValues: { plan: BASIC_PLAN, enrolledOn: todayInJapan(), reference: "", ...initial },
  });
  const submit = form.onSubmit(async (values) => {
    setAlert(null);
    const outcome = await onSubmit(values);
    if (!outcome.ok) setAlert(applyFailure(form, outcome.error));
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FailureAlert message={alert} />
        <Autocomplete label={t("form.plan")} required data={PLANS} {...form.getInputProps("plan")} />
        <CalendarDateInput label={t("form.enrolledOn")} required maxDate={todayInJapan()} {...form.getInputProps("enrolledOn")} />
        <TextInput label={t("form.reference")} description={t("form.referenceHint")} {...form.getInputProps("reference")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {tc("action.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
