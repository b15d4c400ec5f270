// Staff's changes on the person page: 編集 (the person's fields, with the updatedAt the page loaded:
// a change by someone else in between is refused by the API) and 統合 (pick the duplicate record by
// people search, preview what moves to this person and what refuses it, confirm).
import { useQuery } from "@apollo/client/react";
import { Alert, Button, Group, List, Modal, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { FailureAlert } from "../../components/FailureAlert.tsx";
import { LoadingState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { applyFailure, currentLanguage, notifySaved } from "../../lib/form.ts";
import { localized } from "../../lib/result.ts";
import { useMergePeopleMutation } from "../../mutations/useMergePeopleMutation.ts";
import { useUpdatePersonMutation } from "../../mutations/useUpdatePersonMutation.ts";
import { PersonPicker } from "../roster/AddVolunteerModal.tsx";
import { displayNameOf, missingPersonFields, PersonFields, type PersonFieldValues } from "./PersonFields.tsx";

export interface EditablePerson {
  id: string;
  name: string | null;
  usesNickname: boolean | null;
  legalName?: string | null;
  legalNameKana?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  notes?: string | null;
  updatedAt?: string | null;
}

export function PersonEditModal({ person, opened, onClose }: { person: EditablePerson; opened: boolean; onClose(): void }) {
  const { t } = useTranslation("person");
  return (
    <Modal opened={opened} onClose={onClose} title={t("edit.title", { name: person.name ?? "" })} size="lg">
      {opened ? <EditForm person={person} onDone={onClose} /> : null}
    </Modal>
  );
}

function EditForm({ person, onDone }: { person: EditablePerson; onDone(): void }) {
  const { t } = useTranslation("person");
  const { t: tc } = useTranslation();
  const [alert, setAlert] = useState<string | null>(null);
  const [updatePerson, { loading }] = useUpdatePersonMutation();
  const form = useForm<PersonFieldValues>({
    initialValues: {
      legalName: person.legalName ?? "",
      legalNameKana: person.legalNameKana ?? "",
      usesNickname: Boolean(person.usesNickname),
      displayName: person.usesNickname ? (person.name ?? "") : "",
      phone: person.phone ?? "",
      email: person.email ?? "",
      address: person.address ?? "",
      notes: person.notes ?? "",
    },
  });
  const submit = form.onSubmit(async (v) => {
    setAlert(null);
    const missing = missingPersonFields(v, t);
    if (Object.keys(missing).length) {
      form.setErrors(missing);
      return;
    }
    const outcome = await updatePerson({
      input: {
        personId: person.id,
        expectedUpdatedAt: person.updatedAt ?? "",
        legalName: v.legalName,
        legalNameKana: v.legalNameKana,
        displayName: displayNameOf(v),
        phone: v.phone,
        email: v.email,
        address: v.address,
        notes: v.notes,
      },
    });
    if (!outcome.ok) {
      setAlert(applyFailure(form, outcome.error));
      return;
    }
    notifySaved(t("edit.saved"));
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FailureAlert message={alert} />
        <PersonFields form={form} details />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {tc("action.cancel")}
          </Button>
          <Button type="submit" loading={loading}>
            {t("edit.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const MergePreviewQuery = graphql(`
  query PersonMergePreview($survivorId: ID!, $mergedId: ID!) {
    personMergePreview(survivorId: $survivorId, mergedId: $mergedId) {
      __typename
      ... on Error {
        message
        messageEn
      }
      ... on QueryPersonMergePreviewSuccess {
        data {
          conflicts
          conflictsEn
          counts {
            memberships
            participations
            signUps
            thankYous
            milestoneAwards
            certificates
            insuranceEnrolments
            tasks
            childVolunteer
            account
          }
        }
      }
    }
  }
`);

export function PersonMergeModal({ person, opened, onClose }: { person: EditablePerson; opened: boolean; onClose(): void }) {
  const { t } = useTranslation("person");
  return (
    <Modal opened={opened} onClose={onClose} title={t("merge.title", { name: person.name ?? "" })} size="lg">
      {opened ? <MergeForm person={person} onDone={onClose} /> : null}
    </Modal>
  );
}

function MergeForm({ person, onDone }: { person: EditablePerson; onDone(): void }) {
  const { t } = useTranslation("person");
  const { t: tc } = useTranslation();
  const en = currentLanguage() === "en";
  const [mergedId, setMergedId] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [mergePeople, { loading: merging }] = useMergePeopleMutation();
  const { data, loading } = useQuery(MergePreviewQuery, {
    variables: { survivorId: person.id, mergedId: mergedId ?? "" },
    skip: !mergedId,
    fetchPolicy: "network-only",
  });
  const answer = data?.personMergePreview;
  const preview = answer && "data" in answer ? answer.data : null;
  const refused = answer && !("data" in answer) && "message" in answer ? localized(answer, currentLanguage()) : null;
  const conflicts = preview ? (en ? preview.conflictsEn : preview.conflicts) : [];
  const moving = preview ? Object.entries(preview.counts).filter(([key, n]) => key !== "__typename" && typeof n === "number" && n > 0) : [];

  const confirm = async () => {
    if (!mergedId) return;
    setAlert(null);
    const outcome = await mergePeople({ input: { survivorId: person.id, mergedId } });
    if (!outcome.ok) {
      setAlert(
        outcome.error.issues.length
          ? outcome.error.issues.map((i) => localized(i, currentLanguage())).join(" / ")
          : localized(outcome.error, currentLanguage()),
      );
      return;
    }
    notifySaved(t("merge.saved", { name: outcome.data.name ?? "" }));
    onDone();
  };

  return (
    <Stack>
      <Text size="sm">{t("merge.intro", { name: person.name ?? "" })}</Text>
      <FailureAlert message={alert} />
      <PersonPicker value={mergedId} onChange={setMergedId} />
      {mergedId && loading ? <LoadingState /> : null}
      {refused ? <FailureAlert message={refused} /> : null}
      {preview ? (
        <Stack gap="xs" aria-live="polite">
          <Text size="sm" fw={600}>
            {t("merge.moves")}
          </Text>
          {moving.length === 0 ? (
            <Text size="sm">{t("merge.nothing")}</Text>
          ) : (
            <List size="sm" spacing={2}>
              {moving.map(([key, n]) => (
                <List.Item key={key}>{t(`merge.count.${key}`, { count: n as number })}</List.Item>
              ))}
            </List>
          )}
          <Text size="sm">{t("merge.afterwards")}</Text>
          {conflicts.length > 0 ? (
            <Alert color="red" title={t("merge.refused")}>
              <List size="sm" spacing={2}>
                {conflicts.map((c) => (
                  <List.Item key={c}>{c}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
        </Stack>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          {tc("action.cancel")}
        </Button>
        <Button color="red" onClick={() => void confirm()} loading={merging} disabled={!preview || conflicts.length > 0}>
          {t("merge.submit")}
        </Button>
      </Group>
    </Stack>
  );
}
