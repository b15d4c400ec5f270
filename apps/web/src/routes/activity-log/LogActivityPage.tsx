// 活動を記録する — quick on a phone: the group, the day (today in Japan), the activity type, who
// took part (the group's current roster in 五十音 order, or the cohort's codes for the juvenile
// programme), minutes, place, people served, a note; keep as a draft or submit for approval. For a
// cohort, a note or place that seems to name someone next to a code is not saved until the user
// confirms it is not a name (the API's CONFIRMATION_REQUIRED, then acknowledgeNameWarning).
// At /activity-logs/:id/edit the same form edits a log (updateActivityLog): a draft or returned log
// is saved or resubmitted; staff correct a submitted or approved one, with a reason kept in its
// 訂正履歴. The form sends the version it read: a log changed meanwhile is refused (STALE_VERSION).
import { useQuery } from "@apollo/client/react";
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";

import { useViewer } from "../../app/session.tsx";
import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { useNameWarning } from "../../components/NameWarning.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { EmptyState, LoadingState, QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { todayInJapan } from "../../lib/dates.ts";
import { applyFailure, currentLanguage, notifySaved } from "../../lib/form.ts";
import { required } from "../../lib/required.ts";
import { localized, type Failure } from "../../lib/result.ts";
import { useLogActivityMutation } from "../../mutations/useLogActivityMutation.ts";
import { useUpdateActivityLogMutation } from "../../mutations/useUpdateActivityLogMutation.ts";
import { ActivityLogDetailQuery } from "./LogDetails.tsx";

const LogGroupsQuery = graphql(`
  query LogActivityGroups {
    groups {
      id
      name
      viewerCanLogActivity
      programme {
        id
        code
        privacyTier
      }
    }
  }
`);

const ParticipantsQuery = graphql(`
  query LogActivityParticipants($groupId: ID!, $programmeCode: String!, $isChild: Boolean!) {
    activityTypes(programmeCode: $programmeCode) {
      id
      code
      name
      nameEn
    }
    group(id: $groupId) {
      id
      roster(first: 100) {
        totalCount
        edges {
          node {
            id
            insuredThisYear
            person {
              id
              name
            }
          }
        }
      }
    }
    childVolunteers(groupId: $groupId, status: ACTIVE) @include(if: $isChild) {
      id
      hasActivityConsent
      person {
        id
      }
    }
  }
`);

const CohortQuery = graphql(`
  query LogActivityCohort($groupId: ID!, $programmeCode: String!) {
    activityTypes(programmeCode: $programmeCode) {
      id
      code
      name
      nameEn
    }
    juvenileCohort(id: $groupId) {
      id
      participants {
        id
        code
        joinedOn
        leftOn
      }
    }
  }
`);

interface Saved {
  status: string;
  uninsured: string[];
  uninsuredCount: number;
}

export function Component() {
  const { id } = useParams();
  return id ? <EditLogPage id={id} /> : <NewLogPage />;
}

/** The log being edited, as the form starts from it. */
interface Existing {
  id: string;
  version: number;
  status: string;
  rejectionReason: string | null;
  values: LogValues;
  /** participants of the log who may not be on today's roster (left since, or a cohort's past codes) */
  extra: Choice[];
}

function EditLogPage({ id }: { id: string }) {
  const { t } = useTranslation("activity-log");
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(ActivityLogDetailQuery, { variables: { id }, fetchPolicy: "network-only" });
  const log = data?.activityLog;
  const juvenile = log?.group.programme.privacyTier === "JUVENILE";
  const existing: Existing | null = log
    ? {
        id: log.id,
        version: log.version,
        status: log.status,
        rejectionReason: log.rejectionReason,
        values: {
          groupId: log.group.id,
          date: log.date,
          activityTypeCode: log.activityType.code,
          participants: log.participants.flatMap((p) => (juvenile ? (p.juvenileCode ?? []) : (p.person?.id ?? []))),
          minutes: log.minutes,
          place: log.place ?? "",
          peopleServed: log.peopleServed ?? "",
          description: log.description ?? "",
          reason: "",
        },
        extra: log.participants.flatMap((p) =>
          juvenile
            ? p.juvenileCode
              ? [{ value: p.juvenileCode, label: p.juvenileCode }]
              : []
            : p.person
              ? [{ value: p.person.id, label: p.person.name ?? t("new.hiddenName") }]
              : [],
        ),
      }
    : null;
  return (
    <>
      <PageTitle title={t(log?.status === "APPROVED" ? "edit.correctTitle" : "edit.title")} />
      <Stack maw={720}>
        <Anchor component={Link} to={`/activity-logs/${id}`} size="sm">
          {t("edit.back")}
        </Anchor>
        <QueryState
          loading={loading && !data}
          error={error}
          empty={!log || !log.viewerCanEdit}
          onRetry={() => void refetch()}
          emptyText={t("edit.notEditable")}
        >
          {log && existing ? (
            <>
              {log.status === "REJECTED" && log.rejectionReason ? (
                <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title={t("detail.returned")} role="status">
                  {log.rejectionReason}
                </Alert>
              ) : null}
              <LogForm
                key={`${log.id}:${log.version}`}
                groups={[log.group]}
                existing={existing}
                onSaved={() => {
                  notifySaved(t("edit.saved"));
                  void navigate(`/activity-logs/${log.id}`);
                }}
              />
            </>
          ) : null}
        </QueryState>
      </Stack>
    </>
  );
}

function NewLogPage() {
  const { t } = useTranslation("activity-log");
  const { data, loading, error, refetch } = useQuery(LogGroupsQuery);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [formKey, setFormKey] = useState(0);
  const groups = (data?.groups ?? []).filter((g) => g.viewerCanLogActivity);
  return (
    <>
      <PageTitle title={t("new.title")} />
      <Stack maw={720}>
        <Anchor component={Link} to="/activity-logs" size="sm">
          {t("new.backToList")}
        </Anchor>
        {saved ? (
          <SavedPanel
            saved={saved}
            onAnother={() => {
              setSaved(null);
              setFormKey((k) => k + 1);
            }}
          />
        ) : (
          <QueryState
            loading={loading && !data}
            error={error}
            empty={groups.length === 0}
            onRetry={() => void refetch()}
            emptyText={t("new.noGroups")}
          >
            <LogForm key={formKey} groups={groups} onSaved={setSaved} />
          </QueryState>
        )}
      </Stack>
    </>
  );
}

function SavedPanel({ saved, onAnother }: { saved: Saved; onAnother(): void }) {
  const { t } = useTranslation("activity-log");
  // the warning leads to where enrolments are recorded (staff) or to the lapse list (leaders)
  const { viewer } = useViewer();
  return (
    <Stack>
      <Alert
        color="teal"
        icon={<IconCircleCheck aria-hidden />}
        title={t(saved.status === "DRAFT" ? "new.savedDraft" : "new.savedSubmitted")}
        role="status"
      >
        {t(saved.status === "DRAFT" ? "new.savedDraftBody" : "new.savedSubmittedBody")}
      </Alert>
      {saved.uninsuredCount > 0 ? (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle aria-hidden />}
          title={t("new.uninsuredTitle", { count: saved.uninsuredCount })}
          role="alert"
        >
          {saved.uninsured.length ? t("new.uninsuredBody", { names: saved.uninsured.join("、") }) : t("new.uninsuredBodyNoNames")}
          {viewer?.can.insurance ? (
            <>
              {" "}
              <Anchor component={Link} to="/insurance" size="sm">
                {viewer.can.recordInsurance ? t("new.uninsuredRecord") : t("new.uninsuredLink")}
              </Anchor>
            </>
          ) : null}
        </Alert>
      ) : null}
      <Group>
        <Button onClick={onAnother}>{t("new.another")}</Button>
        <Button component={Link} to="/activity-logs" variant="default">
          {t("new.toList")}
        </Button>
      </Group>
    </Stack>
  );
}

type LogGroup = { id: string; name: string; programme: { id: string; code: string; privacyTier: string } };

/** The one form for a new log and an edited one (`existing`). */
function LogForm({ groups, existing, onSaved }: { groups: LogGroup[]; existing?: Existing; onSaved(saved: Saved): void }) {
  const { t } = useTranslation("activity-log");
  const [create] = useLogActivityMutation();
  const [update] = useUpdateActivityLogMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const nameWarning = useNameWarning();
  const form = useLogForm(existing?.values ?? { ...emptyValues(), groupId: groups.length === 1 ? (groups[0]?.id ?? null) : null });
  const group = groups.find((g) => g.id === form.values.groupId) ?? null;
  const juvenile = group?.programme.privacyTier === "JUVENILE";
  // a draft or returned log is saved or (re)submitted; staff correct a submitted or approved one
  const correcting = existing !== undefined && existing.status !== "DRAFT" && existing.status !== "REJECTED";

  const save = (submit: boolean) =>
    form.onSubmit(async (v) => {
      setAlert(null);
      const fields = {
        date: v.date ?? "",
        activityTypeCode: required(v.activityTypeCode, "activityTypeCode"),
        minutes: Number(v.minutes),
        place: v.place.trim() || null,
        peopleServed: v.peopleServed === "" ? null : Number(v.peopleServed),
        description: v.description.trim() || null,
        ...(juvenile ? { juvenileCodes: v.participants } : { participantPersonIds: v.participants }),
        ...nameWarning.acknowledgement,
      };
      if (existing) {
        const outcome = await update({
          input: { ...fields, id: existing.id, expectedVersion: existing.version, submit, reason: v.reason.trim() || null },
        });
        if (!outcome.ok) {
          if (!nameWarning.caught(outcome.error)) setAlert(showFailure(form, outcome.error));
          return;
        }
        onSaved({ status: outcome.data.activityLog.status, uninsuredCount: outcome.data.uninsuredCount, uninsured: [] });
        return;
      }
      const outcome = await create({ input: { ...fields, groupId: required(v.groupId, "groupId"), submit } });
      if (!outcome.ok) {
        if (!nameWarning.caught(outcome.error)) setAlert(showFailure(form, outcome.error));
        return;
      }
      onSaved({
        status: outcome.data.activityLog.status,
        uninsuredCount: outcome.data.uninsuredCount,
        uninsured: outcome.data.uninsuredParticipants.map((p) => p.name ?? "").filter(Boolean),
      });
    });

  return (
    <form onSubmit={save(true)} noValidate>
      <Stack>
        <FailureAlert message={alert} />
        <Select
          label={t("field.group")}
          required
          disabled={existing !== undefined}
          searchable
          data={groups.map((g) => ({ value: g.id, label: g.name }))}
          {...form.getInputProps("groupId")}
          onChange={(v) => {
            form.setFieldValue("groupId", v);
            form.setFieldValue("participants", []);
            form.setFieldValue("activityTypeCode", null);
          }}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <CalendarDateInput label={t("field.date")} required maxDate={todayInJapan()} {...form.getInputProps("date")} />
          <NumberInput
            label={t("field.minutes")}
            description={t("new.minutesHint")}
            required
            min={1}
            max={1440}
            step={15}
            inputMode="numeric"
            {...form.getInputProps("minutes")}
          />
        </SimpleGrid>
        {group ? (
          juvenile ? (
            <CohortFields
              key={group.id}
              groupId={group.id}
              programmeCode={group.programme.code}
              form={form}
              extra={existing?.extra ?? []}
            />
          ) : (
            <RosterFields
              key={group.id}
              groupId={group.id}
              programmeCode={group.programme.code}
              isChild={group.programme.code === "child"}
              form={form}
              extra={existing?.extra ?? []}
            />
          )
        ) : (
          <Text size="sm" c="dimmed">
            {t("new.chooseGroupFirst")}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label={t("field.place")} {...form.getInputProps("place")} />
          <NumberInput label={t("field.peopleServed")} min={0} inputMode="numeric" {...form.getInputProps("peopleServed")} />
        </SimpleGrid>
        <Textarea label={t("field.description")} autosize minRows={2} maxRows={8} {...form.getInputProps("description")} />
        {correcting ? <TextInput label={t("edit.reason")} description={t("edit.reasonHint")} {...form.getInputProps("reason")} /> : null}
        {nameWarning.alert}
        <Group justify="flex-end">
          {correcting ? (
            <Button type="submit" loading={form.submitting}>
              {t("edit.saveCorrection")}
            </Button>
          ) : (
            <>
              <Button variant="default" loading={form.submitting} onClick={() => save(false)()}>
                {existing ? t("edit.save") : t("new.saveDraft")}
              </Button>
              <Button type="submit" loading={form.submitting}>
                {existing?.status === "REJECTED" ? t("edit.resubmit") : t("new.submit")}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </form>
  );
}

type LogValues = {
  groupId: string | null;
  date: string | null;
  activityTypeCode: string | null;
  participants: string[];
  minutes: number | string;
  place: string;
  peopleServed: number | string;
  description: string;
  /** 訂正の理由 (staff correcting a submitted or approved log) */
  reason: string;
};

const emptyValues = (): LogValues => ({
  groupId: null,
  date: todayInJapan(),
  activityTypeCode: null,
  participants: [],
  minutes: 60,
  place: "",
  peopleServed: "",
  description: "",
  reason: "",
});

function useLogForm(initialValues: LogValues) {
  const { t } = useTranslation("activity-log");
  return useForm({
    initialValues,
    validate: {
      groupId: (v) => (v ? null : t("new.required.group")),
      activityTypeCode: (v) => (v ? null : t("new.required.activityType")),
      participants: (v) => (v.length ? null : t("new.required.participants")),
    },
  });
}

type LogFormType = ReturnType<typeof useLogForm>;

/** participants' issues (consent refused, not a member …) go under the participants list */
function showFailure(form: LogFormType, failure: Failure): string | null {
  const language = currentLanguage();
  const isParticipant = (path: string) => /^input\.(participantPersonIds|juvenileCodes)/.test(path);
  const participantIssues = failure.issues.filter((i) => isParticipant(i.path));
  const rest = { ...failure, issues: failure.issues.filter((i) => !isParticipant(i.path)) };
  const message = rest.issues.length || !participantIssues.length ? applyFailure(form, rest) : null;
  if (participantIssues.length) form.setFieldError("participants", participantIssues.map((i) => localized(i, language)).join("\n"));
  return message;
}

interface Choice {
  value: string;
  label: string;
  note?: string;
}

function ParticipantChecklist({ choices, form }: { choices: Choice[]; form: LogFormType }) {
  const { t } = useTranslation("activity-log");
  const selected = form.values.participants;
  const all = choices.length > 0 && choices.every((c) => selected.includes(c.value));
  const some = selected.length > 0 && !all;
  if (choices.length === 0) return <EmptyState>{t("new.noMembers")}</EmptyState>;
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Checkbox
          label={t("new.selectAll", { count: choices.length })}
          checked={all}
          indeterminate={some}
          onChange={() => form.setFieldValue("participants", all ? [] : choices.map((c) => c.value))}
          fw={600}
        />
        <Checkbox.Group
          label={t("field.participants")}
          description={t("new.participantsHint", { count: selected.length })}
          required
          {...form.getInputProps("participants")}
          styles={{ error: { whiteSpace: "pre-line" } }}
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
            {choices.map((c) => (
              <Checkbox key={c.value} value={c.value} label={c.label} description={c.note} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      </Stack>
    </Paper>
  );
}

function ActivityTypeSelect({ types, form }: { types: ReadonlyArray<{ code: string; name: string; nameEn: string }>; form: LogFormType }) {
  const { t, i18n } = useTranslation("activity-log");
  const en = i18n.resolvedLanguage === "en";
  return (
    <Select
      label={t("field.activityType")}
      required
      data={types.map((a) => ({ value: a.code, label: en ? a.nameEn : a.name }))}
      {...form.getInputProps("activityTypeCode")}
    />
  );
}

/** today's choices, then the edited log's participants that are not among them */
function withExtra(choices: Choice[], extra: Choice[]): Choice[] {
  const known = new Set(choices.map((c) => c.value));
  return [...choices, ...extra.filter((c) => !known.has(c.value))];
}

function RosterFields({
  groupId,
  programmeCode,
  isChild,
  form,
  extra,
}: {
  groupId: string;
  programmeCode: string;
  isChild: boolean;
  form: LogFormType;
  extra: Choice[];
}) {
  const { t } = useTranslation("activity-log");
  const { data, loading, error, refetch } = useQuery(ParticipantsQuery, { variables: { groupId, programmeCode, isChild } });
  if (loading && !data) return <LoadingState />;
  if (error && !data)
    return (
      <QueryState loading={false} error={error} onRetry={() => void refetch()}>
        {null}
      </QueryState>
    );
  const withoutConsent = new Set((data?.childVolunteers ?? []).filter((c) => !c.hasActivityConsent).map((c) => c.person.id));
  // the API's roster is already in 五十音 order
  const choices: Choice[] = (data?.group?.roster?.edges ?? []).map(({ node }) => {
    const notes = [
      withoutConsent.has(node.person.id) ? t("new.noConsent") : null,
      node.insuredThisYear ? null : t("new.notInsured"),
    ].filter(Boolean);
    return { value: node.person.id, label: node.person.name ?? t("new.hiddenName"), note: notes.length ? notes.join("・") : undefined };
  });
  return (
    <>
      <ActivityTypeSelect types={data?.activityTypes ?? []} form={form} />
      <ParticipantChecklist choices={withExtra(choices, extra)} form={form} />
    </>
  );
}

function CohortFields({
  groupId,
  programmeCode,
  form,
  extra,
}: {
  groupId: string;
  programmeCode: string;
  form: LogFormType;
  extra: Choice[];
}) {
  const { t } = useTranslation("activity-log");
  const { data, loading, error, refetch } = useQuery(CohortQuery, { variables: { groupId, programmeCode } });
  if (loading && !data) return <LoadingState />;
  if (error && !data)
    return (
      <QueryState loading={false} error={error} onRetry={() => void refetch()}>
        {null}
      </QueryState>
    );
  const today = todayInJapan();
  // 仮名コード only (少年法61条): current participants of the cohort
  const choices: Choice[] = (data?.juvenileCohort?.participants ?? [])
    .filter((p) => p.joinedOn <= today && (!p.leftOn || p.leftOn >= today))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((p) => ({ value: p.code, label: p.code }));
  return (
    <>
      <ActivityTypeSelect types={data?.activityTypes ?? []} form={form} />
      <Text size="sm" c="dimmed">
        {t("new.codesOnly")}
      </Text>
      <ParticipantChecklist choices={withExtra(choices, extra)} form={form} />
    </>
  );
}
