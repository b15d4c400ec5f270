// 活動を記録する — quick on a phone: the group, the day (today in Japan), the activity type, who
// took part (the group's current roster in 五十音 order, or the cohort's codes for the juvenile
// programme), minutes, place, people served, a note; keep as a draft or submit for approval. For a
// cohort, a note or place that seems to name someone next to a code is not saved until the user
// confirms it is not a name (the API's CONFIRMATION_REQUIRED, then acknowledgeNameWarning).
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
import { Link } from "react-router";

import { useViewer } from "../../app/session.tsx";
import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { useNameWarning } from "../../components/NameWarning.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { EmptyState, LoadingState, QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { todayInJapan } from "../../lib/dates.ts";
import { applyFailure, currentLanguage } from "../../lib/form.ts";
import { required } from "../../lib/required.ts";
import { localized, type Failure } from "../../lib/result.ts";
import { useLogActivityMutation } from "../../mutations/useLogActivityMutation.ts";

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

function LogForm({ groups, onSaved }: { groups: LogGroup[]; onSaved(saved: Saved): void }) {
  const { t } = useTranslation("activity-log");
  const [run] = useLogActivityMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const nameWarning = useNameWarning();
  const form = useLogForm(groups.length === 1 ? (groups[0]?.id ?? null) : null);
  const group = groups.find((g) => g.id === form.values.groupId) ?? null;
  const juvenile = group?.programme.privacyTier === "JUVENILE";

  const save = (submit: boolean) =>
    form.onSubmit(async (v) => {
      setAlert(null);
      const outcome = await run({
        input: {
          groupId: required(v.groupId, "groupId"),
          date: v.date ?? "",
          activityTypeCode: required(v.activityTypeCode, "activityTypeCode"),
          minutes: Number(v.minutes),
          place: v.place.trim() || null,
          peopleServed: v.peopleServed === "" ? null : Number(v.peopleServed),
          description: v.description.trim() || null,
          ...(juvenile ? { juvenileCodes: v.participants } : { participantPersonIds: v.participants }),
          submit,
          ...nameWarning.acknowledgement,
        },
      });
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
            <CohortFields key={group.id} groupId={group.id} programmeCode={group.programme.code} form={form} />
          ) : (
            <RosterFields
              key={group.id}
              groupId={group.id}
              programmeCode={group.programme.code}
              isChild={group.programme.code === "child"}
              form={form}
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
        {nameWarning.alert}
        <Group justify="flex-end">
          <Button variant="default" loading={form.submitting} onClick={() => save(false)()}>
            {t("new.saveDraft")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t("new.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function useLogForm(groupId: string | null) {
  const { t } = useTranslation("activity-log");
  return useForm({
    initialValues: {
      groupId,
      date: todayInJapan() as string | null,
      activityTypeCode: null as string | null,
      participants: [] as string[],
      minutes: 60 as number | string,
      place: "",
      peopleServed: "" as number | string,
      description: "",
    },
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

function RosterFields({
  groupId,
  programmeCode,
  isChild,
  form,
}: {
  groupId: string;
  programmeCode: string;
  isChild: boolean;
  form: LogFormType;
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
      <ParticipantChecklist choices={choices} form={form} />
    </>
  );
}

function CohortFields({ groupId, programmeCode, form }: { groupId: string; programmeCode: string; form: LogFormType }) {
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
      <ParticipantChecklist choices={choices} form={form} />
    </>
  );
}
