// 担当の引き継ぎ: a school's coordinator role from one teacher to the next in one step — to an
// account of the organisation, or to someone new (e-mail and name: the API sends an invitation).
import { Button, Divider, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { FailureAlert } from "../../components/FailureAlert.tsx";
import { applyFailure } from "../../lib/form.ts";
import type { Outcome } from "../../lib/result.ts";
import type { Account } from "./roles.ts";

export type HandOverValues = { toUserId: string | null; toEmail: string; toName: string };

export function HandOverForm({
  from,
  scopeName,
  accounts,
  onSubmit,
  onCancel,
}: {
  from: Account;
  scopeName: string;
  accounts: readonly Account[];
  onSubmit(values: HandOverValues): Promise<Outcome<unknown>>;
  onCancel(): void;
}) {
  const { t } = useTranslation("accounts");
  const { t: tc } = useTranslation();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<HandOverValues>({ initialValues: { toUserId: null, toEmail: "", toName: "" } });
  const chosen = form.getValues().toUserId !== null;
  const submit = form.onSubmit(async (values) => {
    setAlert(null);
    const outcome = await onSubmit(values);
    if (!outcome.ok) setAlert(applyFailure(form, outcome.error));
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t("handOver.intro", { name: from.name, scope: scopeName })}</Text>
        <FailureAlert message={alert} />
        <Select
          label={t("handOver.existing")}
          placeholder={t("handOver.existingPlaceholder")}
          searchable
          clearable
          data={accounts.filter((a) => a.id !== from.id).map((a) => ({ value: a.id, label: `${a.name}（${a.email}）` }))}
          {...form.getInputProps("toUserId")}
        />
        <Divider label={t("handOver.or")} labelPosition="center" />
        <TextInput label={t("form.email")} type="email" autoComplete="off" disabled={chosen} {...form.getInputProps("toEmail")} />
        <TextInput label={t("form.name")} disabled={chosen} {...form.getInputProps("toName")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {tc("action.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t("handOver.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
