// 団体の作成・編集 (one form for both) and 活動終了, for staff (me.can.manageGroups on the groups page,
// Group.viewerCanEdit on a roster). The kind is chosen when a group is created and never changes.
// The form shows only the fields of the chosen kind (a school for a school group, the network for
// a 部会, ほっこり相談 for a salon); every rule is the API's, whose messages show next to the fields.
// Juvenile cohorts are not created here: this area never lists them.
import { useQuery } from "@apollo/client/react";
import { Alert, Button, Group, Modal, Select, Stack, Switch, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { graphql } from "../../graphql.ts";
import { todayInJapan } from "../../lib/dates.ts";
import { applyFailure, notifySaved } from "../../lib/form.ts";
import { useCloseGroupMutation } from "../../mutations/useCloseGroupMutation.ts";
import { useCreateGroupMutation } from "../../mutations/useCreateGroupMutation.ts";
import { useUpdateGroupMutation } from "../../mutations/useUpdateGroupMutation.ts";

const GroupFormOptionsQuery = graphql(`
  query GroupFormOptions {
    programmes {
      id
      name
      nameEn
      privacyTier
      groupKinds {
        id
        code
        name
        nameEn
      }
    }
    organization {
      id
      areas {
        id
        name
      }
      schools {
        id
        name
      }
    }
    networks: groups(kindCode: "network", closed: false) {
      id
      name
    }
  }
`);

/** What the edit form starts from (RosterGroup's group). */
export interface EditedGroup {
  id: string;
  name: string;
  nameKana: string | null;
  nickname: string | null;
  description: string | null;
  venue: string | null;
  meetingSchedule: string | null;
  hostsHokkoriConsultation: boolean;
  startedOn: string | null;
  kind: { code: string };
  programme: { privacyTier: string };
  area: { id: string } | null;
  parent: { id: string } | null;
  school: { id: string } | null;
}

type Values = {
  kindCode: string | null;
  name: string;
  nameKana: string;
  nickname: string;
  areaId: string | null;
  schoolId: string | null;
  parentId: string | null;
  venue: string;
  meetingSchedule: string;
  hostsHokkoriConsultation: boolean;
  startedOn: string | null;
  description: string;
};

function initialValues(group: EditedGroup | null): Values {
  return {
    kindCode: group?.kind.code ?? null,
    name: group?.name ?? "",
    nameKana: group?.nameKana ?? "",
    nickname: group?.nickname ?? "",
    areaId: group?.area?.id ?? null,
    schoolId: group?.school?.id ?? null,
    parentId: group?.parent?.id ?? null,
    venue: group?.venue ?? "",
    meetingSchedule: group?.meetingSchedule ?? "",
    hostsHokkoriConsultation: group?.hostsHokkoriConsultation ?? false,
    startedOn: group?.startedOn ?? null,
    description: group?.description ?? "",
  };
}

/** Create (group null) or edit a group. */
export function GroupFormModal({ opened, group, onClose }: { opened: boolean; group: EditedGroup | null; onClose(): void }) {
  const { t } = useTranslation("roster-forms");
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={group ? t("groupForm.editTitle", { name: group.name }) : t("groupForm.createTitle")}
      size="lg"
    >
      {opened ? <GroupForm group={group} onDone={onClose} /> : null}
    </Modal>
  );
}

function GroupForm({ group, onDone }: { group: EditedGroup | null; onDone(): void }) {
  const { t, i18n } = useTranslation("roster-forms");
  const { t: tc } = useTranslation();
  const en = i18n.resolvedLanguage === "en";
  const navigate = useNavigate();
  const { data } = useQuery(GroupFormOptionsQuery);
  const [create, created] = useCreateGroupMutation();
  const [update, updated] = useUpdateGroupMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: initialValues(group),
    validate: {
      kindCode: (v) => (v ? null : t("groupForm.validation.kind")),
      name: (v) => (v.trim() ? null : t("groupForm.validation.name")),
    },
  });
  const programmes = (data?.programmes ?? []).filter((p) => p.privacyTier !== "JUVENILE");
  const kinds = programmes.flatMap((p) => p.groupKinds.map((k) => ({ ...k, tier: p.privacyTier, programme: en ? p.nameEn : p.name })));
  const kindCode = form.getValues().kindCode;
  const kind = kinds.find((k) => k.code === kindCode);
  const tier = group?.programme.privacyTier ?? kind?.tier;

  const submit = form.onSubmit(async (v) => {
    setAlert(null);
    const fields = {
      name: v.name,
      nameKana: v.nameKana,
      nickname: v.nickname,
      areaId: v.areaId,
      schoolId: tier === "CHILD" ? v.schoolId : null,
      parentId: v.kindCode === "subcommittee" ? v.parentId : null,
      venue: v.venue,
      meetingSchedule: v.meetingSchedule,
      hostsHokkoriConsultation: tier === "SALON" ? v.hostsHokkoriConsultation : false,
      startedOn: v.startedOn,
      description: v.description,
    };
    if (group) {
      const outcome = await update({ input: { id: group.id, ...fields } });
      if (!outcome.ok) {
        setAlert(applyFailure(form, outcome.error));
        return;
      }
      notifySaved(t("groupForm.saved", { name: outcome.data.name }));
      onDone();
      return;
    }
    const outcome = await create({ input: { kindCode: v.kindCode ?? "", ...fields } });
    if (!outcome.ok) {
      setAlert(applyFailure(form, outcome.error));
      return;
    }
    notifySaved(t("groupForm.created", { name: outcome.data.name }));
    onDone();
    void navigate(`/groups/${outcome.data.id}`);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FailureAlert message={alert} />
        {group ? (
          <Text size="sm">{t("groupForm.kindFixed")}</Text>
        ) : (
          <Select
            label={t("groupForm.kind")}
            description={t("groupForm.kindHint")}
            required
            data={programmes.map((p) => ({
              group: en ? p.nameEn : p.name,
              items: p.groupKinds.map((k) => ({ value: k.code, label: en ? k.nameEn : k.name })),
            }))}
            {...form.getInputProps("kindCode")}
          />
        )}
        <TextInput label={t("groupForm.name")} required maxLength={100} {...form.getInputProps("name")} />
        <TextInput
          label={t("groupForm.nameKana")}
          description={t("groupForm.nameKanaHint")}
          maxLength={100}
          {...form.getInputProps("nameKana")}
        />
        <TextInput label={t("groupForm.nickname")} maxLength={50} {...form.getInputProps("nickname")} />
        {tier === "CHILD" ? (
          <Select
            label={t("groupForm.school")}
            required
            searchable
            data={(data?.organization.schools ?? []).map((s) => ({ value: s.id, label: s.name }))}
            {...form.getInputProps("schoolId")}
          />
        ) : null}
        {kindCode === "subcommittee" ? (
          <Select
            label={t("groupForm.parent")}
            required
            data={(data?.networks ?? []).map((g) => ({ value: g.id, label: g.name }))}
            {...form.getInputProps("parentId")}
          />
        ) : null}
        <Select
          label={t("groupForm.area")}
          clearable
          data={(data?.organization.areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
          {...form.getInputProps("areaId")}
        />
        <TextInput label={t("groupForm.venue")} maxLength={200} {...form.getInputProps("venue")} />
        <TextInput
          label={t("groupForm.meetingSchedule")}
          description={t("groupForm.meetingScheduleHint")}
          maxLength={200}
          {...form.getInputProps("meetingSchedule")}
        />
        {tier === "SALON" ? (
          <Switch label={t("groupForm.hokkori")} {...form.getInputProps("hostsHokkoriConsultation", { type: "checkbox" })} />
        ) : null}
        <CalendarDateInput label={t("groupForm.startedOn")} clearable {...form.getInputProps("startedOn")} />
        <Textarea label={t("groupForm.description")} autosize minRows={2} maxLength={1000} {...form.getInputProps("description")} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {tc("action.cancel")}
          </Button>
          <Button type="submit" loading={created.loading || updated.loading}>
            {group ? t("groupForm.save") : t("groupForm.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// ───────────────────────── close ─────────────────────────

export function CloseGroupModal({
  opened,
  group,
  onClose,
}: {
  opened: boolean;
  group: { id: string; name: string; startedOn: string | null };
  onClose(): void;
}) {
  const { t } = useTranslation("roster-forms");
  return (
    <Modal opened={opened} onClose={onClose} title={t("closeGroup.title", { name: group.name })} size="md">
      {opened ? <CloseForm group={group} onDone={onClose} /> : null}
    </Modal>
  );
}

function CloseForm({ group, onDone }: { group: { id: string; name: string; startedOn: string | null }; onDone(): void }) {
  const { t } = useTranslation("roster-forms");
  const { t: tc } = useTranslation();
  const [run, { loading }] = useCloseGroupMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({
    initialValues: { endedOn: todayInJapan() as string | null, reason: "" },
    validate: { endedOn: (v) => (v ? null : t("validation.date")) },
  });
  const submit = form.onSubmit(async (v) => {
    setAlert(null);
    const outcome = await run({ input: { id: group.id, endedOn: v.endedOn ?? "", reason: v.reason.trim() || null } });
    if (!outcome.ok) {
      setAlert(applyFailure(form, outcome.error));
      return;
    }
    notifySaved(t("closeGroup.saved", { name: group.name }));
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FailureAlert message={alert} />
        <Alert color="orange" title={t("closeGroup.warningTitle")}>
          <Text size="sm">{t("closeGroup.body")}</Text>
        </Alert>
        <CalendarDateInput
          label={t("closeGroup.endedOn")}
          required
          maxDate={todayInJapan()}
          {...(group.startedOn ? { minDate: group.startedOn } : {})}
          {...form.getInputProps("endedOn")}
        />
        <TextInput
          label={t("closeGroup.reason")}
          description={t("closeGroup.reasonHint")}
          maxLength={200}
          {...form.getInputProps("reason")}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {tc("action.cancel")}
          </Button>
          <Button type="submit" loading={loading} color="red.9">
            {t("closeGroup.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
