// The one form for a scoped role: inviting a new account (e-mail, name, role, scope) and granting
// an existing account a role (role and scope only). The scopes each role takes come from the API
// (Query.accessRoleScopes), so the form offers exactly what the API accepts.
import { Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { FailureAlert } from "../../components/FailureAlert.tsx";
import { applyFailure } from "../../lib/form.ts";
import type { Outcome } from "../../lib/result.ts";
import { ROLES, type AccessRole, type RoleScopes } from "./roles.ts";

export type RoleValues = {
  email: string;
  name: string;
  role: AccessRole;
  scopeId: string | null;
};

export function RoleForm({
  invite,
  scopes,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  /** with e-mail and name (a new account) */
  invite: boolean;
  scopes: RoleScopes;
  submitLabel: string;
  onSubmit(values: RoleValues): Promise<Outcome<unknown>>;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation("accounts");
  const { t: tc } = useTranslation();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<RoleValues>({ initialValues: { email: "", name: "", role: "SCHOOL_COORDINATOR", scopeId: null } });
  const role = form.getValues().role;
  const scope = scopes.find((s) => s.role === role);
  const submit = form.onSubmit(async (values) => {
    setAlert(null);
    const outcome = await onSubmit(values);
    // the API names the scope groupId or programmeId: both are the one scope field here
    if (!outcome.ok) setAlert(applyFailure(form, outcome.error, { fields: { groupId: "scopeId", programmeId: "scopeId" } }));
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FailureAlert message={alert} />
        {invite ? (
          <>
            <TextInput label={t("form.email")} type="email" required autoComplete="off" {...form.getInputProps("email")} />
            <TextInput label={t("form.name")} required {...form.getInputProps("name")} />
          </>
        ) : null}
        <Select
          label={t("form.role")}
          required
          allowDeselect={false}
          data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          {...form.getInputProps("role")}
          onChange={(v) => {
            form.setFieldValue("role", (v ?? "STAFF") as AccessRole);
            form.setFieldValue("scopeId", null);
          }}
        />
        {scope?.scopeKind === "ORGANIZATION" ? (
          <TextInput label={t("form.scope")} value={t("form.scopeWhole")} readOnly />
        ) : (
          <Select
            label={t("form.scope")}
            required
            searchable
            data={(scope?.options ?? []).map((o) => ({ value: o.id, label: i18n.resolvedLanguage === "en" ? o.nameEn : o.name }))}
            {...form.getInputProps("scopeId")}
          />
        )}
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
