// ボランティアを追加 (staff): pick someone already registered (people search, 五十音 order) or
// register a new volunteer (the person's fields: ../person/PersonFields.tsx), then put them on this
// roster in a role from a date. A likely duplicate is shown before anyone is registered (the API's
// CONFIRMATION_REQUIRED, ../person/DuplicateWarning.tsx). A new person registered before a refused
// placement is kept and reused on the next try.
import { useQuery } from "@apollo/client/react";
import { Button, Group, Modal, Radio, ScrollArea, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { LoadingState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { todayInJapan } from "../../lib/dates.ts";
import { applyFailure, notifySaved } from "../../lib/form.ts";
import { useAddMembershipMutation } from "../../mutations/useAddMembershipMutation.ts";
import { useCreatePersonMutation } from "../../mutations/useCreatePersonMutation.ts";
import { useDuplicateWarning } from "../person/DuplicateWarning.tsx";
import { displayNameOf, emptyPersonFields, missingPersonFields, PersonFields } from "../person/PersonFields.tsx";
import { HandOverFields, handOverInput, noHandOver, type Role } from "./HandOver.tsx";

const PeopleQuery = graphql(`
  query RosterPeopleSearch($search: String, $first: Int) {
    people(search: $search, first: $first) {
      id
      name
      legalNameKana
      usesNickname
      memberships {
        id
        isCurrent
        group {
          id
          name
        }
      }
    }
  }
`);

type Mode = "new" | "existing";

export function AddVolunteerModal({
  opened,
  onClose,
  group,
  roles,
}: {
  opened: boolean;
  onClose(): void;
  group: { id: string; name: string };
  roles: Role[];
}) {
  const { t } = useTranslation("roster-forms");
  return (
    <Modal opened={opened} onClose={onClose} title={t("add.title", { group: group.name })} size="lg">
      {opened ? <AddForm group={group} roles={roles} onDone={onClose} /> : null}
    </Modal>
  );
}

function AddForm({ group, roles, onDone }: { group: { id: string; name: string }; roles: Role[]; onDone(): void }) {
  const { t, i18n } = useTranslation("roster-forms");
  const { t: tc } = useTranslation();
  const { t: tp } = useTranslation("person");
  const duplicates = useDuplicateWarning();
  const en = i18n.resolvedLanguage === "en";
  const [mode, setMode] = useState<Mode>("new");
  const [alert, setAlert] = useState<string | null>(null);
  // a person registered on an earlier try whose placement was refused (not registered twice)
  const [created, setCreated] = useState<{ id: string; name: string | null } | null>(null);
  const [createPerson, { loading: creating }] = useCreatePersonMutation();
  const [addMembership, { loading: adding }] = useAddMembershipMutation();
  const defaultRole = roles.some((r) => r.code === "member") ? "member" : (roles[0]?.code ?? null);
  const form = useForm({
    initialValues: {
      personId: null as string | null,
      ...emptyPersonFields,
      roleCode: defaultRole,
      startedOn: todayInJapan() as string | null,
      ...noHandOver(roles),
    },
    validate: {
      roleCode: (v) => (v ? null : t("validation.role")),
      startedOn: (v) => (v ? null : t("validation.date")),
    },
  });

  /** what depends on the mode: checked here, as the form's rules do not see the mode */
  const missing = (v: typeof form.values): boolean => {
    const errors: Record<string, string> = {};
    if (mode === "existing" && !v.personId) errors.personId = t("validation.person");
    if (mode === "new" && !created) Object.assign(errors, missingPersonFields(v, tp));
    for (const [field, message] of Object.entries(errors)) form.setFieldError(field, message);
    return Object.keys(errors).length > 0;
  };

  const submit = form.onSubmit(
    async (v) => {
      setAlert(null);
      if (missing(v)) return;
      let personId = mode === "existing" ? v.personId : (created?.id ?? null);
      let name = mode === "existing" ? null : (created?.name ?? null);
      if (mode === "new" && !personId) {
        const outcome = await createPerson({
          input: {
            legalName: v.legalName,
            legalNameKana: v.legalNameKana,
            displayName: displayNameOf(v) || null,
            phone: v.phone,
            email: v.email,
            ...duplicates.acknowledgement,
          },
        });
        if (!outcome.ok) {
          if (!duplicates.caught(outcome.error, { legalName: v.legalName, legalNameKana: v.legalNameKana, phone: v.phone.trim() || null }))
            setAlert(applyFailure(form, outcome.error));
          return;
        }
        personId = outcome.data.id;
        name = outcome.data.name;
        setCreated({ id: outcome.data.id, name: outcome.data.name });
      }
      const placed = await addMembership({
        input: {
          groupId: group.id,
          personId: personId ?? "",
          roleCode: v.roleCode ?? "",
          startedOn: v.startedOn ?? "",
          ...handOverInput(roles, v),
        },
      });
      if (!placed.ok) {
        setAlert(applyFailure(form, placed.error, { fields: { personId: mode === "existing" ? "personId" : "legalName" } }));
        return;
      }
      notifySaved(name ? t("add.savedNamed", { name, group: group.name }) : t("add.saved", { group: group.name }));
      onDone();
    },
    () => void missing(form.getValues()),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FailureAlert message={alert} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="add-mode-label">
            {t("add.mode")}
          </Text>
          <SegmentedControl
            aria-labelledby="add-mode-label"
            value={mode}
            onChange={(m) => {
              setMode(m as Mode);
              form.clearErrors();
            }}
            data={[
              { value: "new", label: t("add.modeNew") },
              { value: "existing", label: t("add.modeExisting") },
            ]}
            disabled={created !== null}
            fullWidth
          />
        </Stack>
        {mode === "new" ? (
          created ? (
            <Text size="sm">{t("add.alreadyCreated", { name: created.name })}</Text>
          ) : (
            <PersonFields form={form} />
          )
        ) : (
          <PersonPicker
            value={form.values.personId}
            onChange={(id) => form.setFieldValue("personId", id)}
            error={form.errors.personId}
            groupId={group.id}
          />
        )}
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t("add.role")}
            required
            data={roles.map((r) => ({ value: r.code, label: en ? r.nameEn : r.name }))}
            allowDeselect={false}
            miw={180}
            {...form.getInputProps("roleCode")}
          />
          <CalendarDateInput label={t("add.startedOn")} required miw={180} {...form.getInputProps("startedOn")} />
        </Group>
        <HandOverFields
          roles={roles}
          values={form.getValues()}
          endCurrentHolder={form.getInputProps("endCurrentHolder", { type: "checkbox" })}
          previousHolderRoleCode={form.getInputProps("previousHolderRoleCode")}
        />
        {mode === "new" && !created ? duplicates.alert : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {tc("action.cancel")}
          </Button>
          <Button type="submit" loading={creating || adding}>
            {t("add.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PersonPicker({
  value,
  onChange,
  error,
  groupId,
}: {
  value: string | null;
  onChange(id: string | null): void;
  error?: ReactNode;
  groupId?: string;
}) {
  const { t } = useTranslation("roster-forms");
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const {
    data,
    loading,
    error: queryError,
  } = useQuery(PeopleQuery, { variables: { search: debounced || null, first: 20 }, skip: !debounced });
  const people = data?.people ?? [];
  return (
    <Stack gap="xs">
      <TextInput
        label={t("add.searchPerson")}
        description={t("add.searchPersonHint")}
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      {!debounced ? null : loading && !data ? (
        <LoadingState />
      ) : queryError ? (
        <FailureAlert message={queryError.message} />
      ) : people.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("add.noPerson")}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={260} type="auto">
          <Radio.Group label={t("add.pickPerson")} value={value} onChange={onChange} error={error}>
            <Stack gap="xs" mt={4}>
              {people.map((p) => {
                const current = (p.memberships ?? []).filter((m) => m.isCurrent);
                const already = current.some((m) => m.group.id === groupId);
                return (
                  <Radio
                    key={p.id}
                    value={p.id}
                    label={`${p.name ?? ""}${p.legalNameKana ? `（${p.legalNameKana}）` : ""}`}
                    description={
                      already
                        ? t("add.alreadyMember")
                        : current.length
                          ? t("add.currentGroups", { groups: current.map((m) => m.group.name).join("、") })
                          : t("add.noGroups")
                    }
                  />
                );
              })}
            </Stack>
          </Radio.Group>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
