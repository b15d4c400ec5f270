// Changes to one current membership: end it (終了: date and reason, kept as history), change the
// role (役割の変更) or transfer to another group (異動). The last two end the row the day before and
// start a new one, as the API does; its messages show next to the fields. The roles offered are the
// group's kind's (Group.availableRoles); a single-holder role (代表) is taken over with a hand-over:
// the current holder's role ends the day before, and they stay in the role chosen for them or leave.
import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { todayInJapan } from "../../lib/dates.ts";
import { applyFailure, notifySaved } from "../../lib/form.ts";
import { useChangeMembershipRoleMutation } from "../../mutations/useChangeMembershipRoleMutation.ts";
import { useEndMembershipMutation } from "../../mutations/useEndMembershipMutation.ts";
import { useTransferMembershipMutation } from "../../mutations/useTransferMembershipMutation.ts";
import type { ListedGroup } from "./groups.ts";
import { HandOverFields, handOverInput, noHandOver, type Role } from "./HandOver.tsx";
import type { RosterMembership } from "./RosterRow.tsx";

function MembershipModal({ opened, title, onClose, children }: { opened: boolean; title: string; onClose(): void; children: ReactNode }) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="md">
      {children}
    </Modal>
  );
}

function Buttons({ submitting, label, onCancel, danger }: { submitting: boolean; label: string; onCancel(): void; danger?: boolean }) {
  const { t: tc } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {tc("action.cancel")}
      </Button>
      <Button type="submit" loading={submitting} color={danger ? "red.9" : undefined}>
        {label}
      </Button>
    </Group>
  );
}

const required = (message: string) => (v: string | null) => (v && v.trim() ? null : message);

// ───────────────────────── end ─────────────────────────

export function EndMembershipModal({ membership, onClose }: { membership: RosterMembership | null; onClose(): void }) {
  const { t } = useTranslation("roster-forms");
  return (
    <MembershipModal
      opened={membership !== null}
      onClose={onClose}
      title={membership ? t("end.title", { name: membership.person.name }) : ""}
    >
      {membership ? <EndForm key={membership.id} membership={membership} onDone={onClose} /> : null}
    </MembershipModal>
  );
}

function EndForm({ membership, onDone }: { membership: RosterMembership; onDone(): void }) {
  const { t } = useTranslation("roster-forms");
  const [run, { loading }] = useEndMembershipMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({
    initialValues: { endedOn: todayInJapan() as string | null, reason: "" },
    validate: { endedOn: required(t("validation.date")), reason: required(t("validation.reason")) },
  });
  const submit = form.onSubmit(async (v) => {
    setAlert(null);
    const outcome = await run({ input: { membershipId: membership.id, endedOn: v.endedOn ?? "", reason: v.reason } });
    if (!outcome.ok) {
      setAlert(applyFailure(form, outcome.error));
      return;
    }
    notifySaved(t("end.saved", { name: membership.person.name }));
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FailureAlert message={alert} />
        <Text size="sm">{t("end.body")}</Text>
        <CalendarDateInput label={t("end.endedOn")} required minDate={membership.startedOn} {...form.getInputProps("endedOn")} />
        <Textarea
          label={t("end.reason")}
          description={t("end.reasonHint")}
          required
          autosize
          minRows={2}
          maxLength={200}
          {...form.getInputProps("reason")}
        />
        <Buttons submitting={loading} label={t("end.submit")} onCancel={onDone} danger />
      </Stack>
    </form>
  );
}

// ───────────────────────── change role ─────────────────────────

export function ChangeRoleModal({ membership, roles, onClose }: { membership: RosterMembership | null; roles: Role[]; onClose(): void }) {
  const { t } = useTranslation("roster-forms");
  return (
    <MembershipModal
      opened={membership !== null}
      onClose={onClose}
      title={membership ? t("role.title", { name: membership.person.name }) : ""}
    >
      {membership ? <RoleForm key={membership.id} membership={membership} roles={roles} onDone={onClose} /> : null}
    </MembershipModal>
  );
}

function RoleForm({ membership, roles, onDone }: { membership: RosterMembership; roles: Role[]; onDone(): void }) {
  const { t, i18n } = useTranslation("roster-forms");
  const en = i18n.resolvedLanguage === "en";
  const [run, { loading }] = useChangeMembershipRoleMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      roleCode: null as string | null,
      on: todayInJapan() as string | null,
      reason: "",
      ...noHandOver(roles),
    },
    validate: { roleCode: required(t("validation.role")), on: required(t("validation.date")) },
  });
  const submit = form.onSubmit(async (v) => {
    setAlert(null);
    const outcome = await run({
      input: {
        membershipId: membership.id,
        roleCode: v.roleCode ?? "",
        on: v.on ?? "",
        reason: v.reason.trim() || null,
        ...handOverInput(roles, v),
      },
    });
    if (!outcome.ok) {
      setAlert(applyFailure(form, outcome.error));
      return;
    }
    notifySaved(t("role.saved", { name: membership.person.name }));
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FailureAlert message={alert} />
        <Text size="sm">{t("role.current", { role: en ? membership.groupRole.nameEn : membership.groupRole.name })}</Text>
        <Select
          label={t("role.newRole")}
          required
          data={roles.filter((r) => r.code !== membership.groupRole.code).map((r) => ({ value: r.code, label: en ? r.nameEn : r.name }))}
          {...form.getInputProps("roleCode")}
        />
        <HandOverFields
          roles={roles}
          values={form.getValues()}
          endCurrentHolder={form.getInputProps("endCurrentHolder", { type: "checkbox" })}
          previousHolderRoleCode={form.getInputProps("previousHolderRoleCode")}
        />
        <CalendarDateInput label={t("role.on")} description={t("role.onHint")} required {...form.getInputProps("on")} />
        <TextInput label={t("role.reason")} description={t("role.reasonHint")} maxLength={200} {...form.getInputProps("reason")} />
        <Buttons submitting={loading} label={t("role.submit")} onCancel={onDone} />
      </Stack>
    </form>
  );
}

// ───────────────────────── transfer ─────────────────────────

export function TransferMembershipModal({
  membership,
  groupName,
  targets,
  roles,
  onClose,
}: {
  membership: RosterMembership | null;
  groupName: string;
  targets: ListedGroup[];
  roles: Role[];
  onClose(): void;
}) {
  const { t } = useTranslation("roster-forms");
  return (
    <MembershipModal
      opened={membership !== null}
      onClose={onClose}
      title={membership ? t("transfer.title", { name: membership.person.name }) : ""}
    >
      {membership ? (
        <TransferForm key={membership.id} membership={membership} groupName={groupName} targets={targets} roles={roles} onDone={onClose} />
      ) : null}
    </MembershipModal>
  );
}

function TransferForm({
  membership,
  groupName,
  targets,
  roles,
  onDone,
}: {
  membership: RosterMembership;
  groupName: string;
  targets: ListedGroup[];
  roles: Role[];
  onDone(): void;
}) {
  const { t, i18n } = useTranslation("roster-forms");
  const en = i18n.resolvedLanguage === "en";
  const [run, { loading }] = useTransferMembershipMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      toGroupId: null as string | null,
      roleCode: membership.groupRole.code as string | null,
      on: todayInJapan() as string | null,
      reason: "",
      ...noHandOver(roles),
    },
    validate: { toGroupId: required(t("validation.group")), on: required(t("validation.date")) },
  });
  const submit = form.onSubmit(async (v) => {
    setAlert(null);
    const outcome = await run({
      input: {
        membershipId: membership.id,
        toGroupId: v.toGroupId ?? "",
        roleCode: v.roleCode,
        on: v.on ?? "",
        reason: v.reason.trim() || null,
        ...handOverInput(roles, v),
      },
    });
    if (!outcome.ok) {
      setAlert(applyFailure(form, outcome.error));
      return;
    }
    notifySaved(t("transfer.saved", { name: membership.person.name, group: outcome.data.started.group.name }));
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FailureAlert message={alert} />
        <Text size="sm">{t("transfer.from", { group: groupName })}</Text>
        <Select
          label={t("transfer.to")}
          required
          searchable
          nothingFoundMessage={t("transfer.noGroup")}
          data={targets.map((g) => ({ value: g.id, label: g.name }))}
          {...form.getInputProps("toGroupId")}
        />
        <Select
          label={t("transfer.role")}
          data={roles.map((r) => ({ value: r.code, label: en ? r.nameEn : r.name }))}
          allowDeselect={false}
          {...form.getInputProps("roleCode")}
        />
        <HandOverFields
          roles={roles}
          values={form.getValues()}
          endCurrentHolder={form.getInputProps("endCurrentHolder", { type: "checkbox" })}
          previousHolderRoleCode={form.getInputProps("previousHolderRoleCode")}
        />
        <CalendarDateInput label={t("transfer.on")} description={t("transfer.onHint")} required {...form.getInputProps("on")} />
        <TextInput label={t("transfer.reason")} description={t("transfer.reasonHint")} maxLength={200} {...form.getInputProps("reason")} />
        <Buttons submitting={loading} label={t("transfer.submit")} onCancel={onDone} />
      </Stack>
    </form>
  );
}
