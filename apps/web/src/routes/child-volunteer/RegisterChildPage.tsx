// 1人ずつ登録: the child, the guardian and the consent forms that came back, in one step. The
// server's issues appear next to each field in the current language.
import { useQuery } from "@apollo/client/react";
import { Anchor, Button, Fieldset, Group, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";

import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { graphql } from "../../graphql.ts";
import { todayInJapan } from "../../lib/dates.ts";
import { applyFailure, notifySaved } from "../../lib/form.ts";
import { useRegisterChildVolunteerMutation } from "../../mutations/useRegisterChildVolunteerMutation.ts";
import { latestTerms } from "./consent-terms.ts";

const RegisterContextQuery = graphql(`
  query RegisterChildContext($groupId: ID!) {
    group(id: $groupId) {
      id
      name
    }
    childVolunteers(groupId: $groupId) {
      id
      consents {
        id
        kind
        scope
        policyVersion
        recordedAt
      }
    }
  }
`);

type Answer = "none" | "yes" | "no";
interface ConsentValues {
  answer: Answer;
  givenBy: string;
  givenOn: string | null;
  scope: string;
  policyVersion: string;
}

export function Component() {
  const { t } = useTranslation("child-volunteer");
  const { t: tc } = useTranslation();
  const { groupId = "" } = useParams();
  const navigate = useNavigate();
  const { data } = useQuery(RegisterContextQuery, { variables: { groupId }, errorPolicy: "all" });
  const terms = useMemo(() => latestTerms(data?.childVolunteers ?? []), [data]);
  const [run] = useRegisterChildVolunteerMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const consent = (answer: Answer): ConsentValues => ({ answer, givenBy: "", givenOn: todayInJapan(), scope: "", policyVersion: "" });
  const form = useForm({
    initialValues: {
      legalName: "",
      legalNameKana: "",
      grade: null as string | null,
      guardianName: "",
      guardianKana: "",
      guardianRelation: "",
      guardianPhone: "",
      guardianEmail: "",
      joinedOn: todayInJapan() as string | null,
      activityConsent: consent("none"),
      photoConsent: consent("none"),
    },
    validate: {
      grade: (v) => (v ? null : t("register.gradeRequired")),
    },
  });
  const blank = (v: string) => (v.trim() === "" ? null : v);
  const consentInput = (c: ConsentValues, kind: "GUARDIAN_ACTIVITY" | "PHOTO_PUBLICATION", guardianName: string) =>
    c.answer === "none"
      ? null
      : {
          granted: c.answer === "yes",
          givenBy: c.givenBy || guardianName,
          givenOn: c.givenOn ?? "",
          scope: c.scope || terms[kind]?.scope || "",
          policyVersion: c.policyVersion || terms[kind]?.policyVersion || "",
        };
  const submit = form.onSubmit(async (v) => {
    setAlert(null);
    const outcome = await run({
      input: {
        groupId,
        legalName: v.legalName,
        legalNameKana: v.legalNameKana,
        grade: Number(v.grade),
        guardianName: v.guardianName,
        guardianKana: blank(v.guardianKana),
        guardianRelation: blank(v.guardianRelation),
        guardianPhone: blank(v.guardianPhone),
        guardianEmail: blank(v.guardianEmail),
        joinedOn: v.joinedOn,
        activityConsent: consentInput(v.activityConsent, "GUARDIAN_ACTIVITY", v.guardianName),
        photoConsent: consentInput(v.photoConsent, "PHOTO_PUBLICATION", v.guardianName),
      },
    });
    if (!outcome.ok) {
      setAlert(applyFailure(form, outcome.error) ?? t("register.fixFields"));
      return;
    }
    notifySaved(t("register.saved", { name: outcome.data.person.name }));
    void navigate(`/child-volunteers/${groupId}`);
  });

  const consentFields = (key: "activityConsent" | "photoConsent", kind: "GUARDIAN_ACTIVITY" | "PHOTO_PUBLICATION") => {
    const answer = form.values[key].answer;
    return (
      <Fieldset legend={key === "activityConsent" ? t("consent.activity") : t("consent.photo")}>
        <Stack gap="sm">
          <Radio.Group label={t("consent.answer")} {...form.getInputProps(`${key}.answer`)}>
            <Group gap="lg" mt={4}>
              <Radio value="none" label={t("consent.notReturned")} />
              <Radio value="yes" label={t("consent.granted")} />
              <Radio value="no" label={t("consent.refused")} />
            </Group>
          </Radio.Group>
          {answer !== "none" ? (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t("consent.givenBy")} description={t("consent.givenByHint")} {...form.getInputProps(`${key}.givenBy`)} />
                <CalendarDateInput
                  label={t("consent.givenOn")}
                  required
                  maxDate={todayInJapan()}
                  {...form.getInputProps(`${key}.givenOn`)}
                />
              </SimpleGrid>
              <Textarea
                label={t("consent.scope")}
                autosize
                minRows={2}
                maxRows={6}
                placeholder={terms[kind]?.scope}
                description={terms[kind] ? t("consent.termsHint") : undefined}
                {...form.getInputProps(`${key}.scope`)}
              />
              <TextInput
                label={t("consent.policyVersion")}
                placeholder={terms[kind]?.policyVersion}
                {...form.getInputProps(`${key}.policyVersion`)}
              />
            </>
          ) : null}
        </Stack>
      </Fieldset>
    );
  };

  return (
    <>
      <PageTitle title={t("register.title")} />
      <Stack maw={760}>
        <Text>
          {data?.group?.name}{" "}
          <Anchor component={Link} to={`/child-volunteers/${groupId}`} size="sm">
            {t("backToList")}
          </Anchor>
        </Text>
        <form onSubmit={submit} noValidate>
          <Stack>
            <FailureAlert message={alert} />
            <Fieldset legend={t("register.child")}>
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label={t("field.legalName")} required autoComplete="off" {...form.getInputProps("legalName")} />
                  <TextInput
                    label={t("field.legalNameKana")}
                    description={t("field.kanaHint")}
                    required
                    autoComplete="off"
                    {...form.getInputProps("legalNameKana")}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label={t("field.grade")}
                    required
                    data={Array.from({ length: 9 }, (_, i) => ({ value: String(i + 1), label: t("gradeValue", { grade: i + 1 }) }))}
                    {...form.getInputProps("grade")}
                  />
                  <CalendarDateInput label={t("field.joinedOn")} maxDate={todayInJapan()} {...form.getInputProps("joinedOn")} />
                </SimpleGrid>
              </Stack>
            </Fieldset>
            <Fieldset legend={t("register.guardian")}>
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label={t("field.guardianName")} required autoComplete="off" {...form.getInputProps("guardianName")} />
                  <TextInput label={t("field.guardianKana")} autoComplete="off" {...form.getInputProps("guardianKana")} />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label={t("field.guardianRelation")}
                    description={t("field.relationHint")}
                    {...form.getInputProps("guardianRelation")}
                  />
                  <TextInput label={t("field.guardianPhone")} type="tel" autoComplete="off" {...form.getInputProps("guardianPhone")} />
                  <TextInput label={t("field.guardianEmail")} type="email" autoComplete="off" {...form.getInputProps("guardianEmail")} />
                </SimpleGrid>
              </Stack>
            </Fieldset>
            {consentFields("activityConsent", "GUARDIAN_ACTIVITY")}
            {consentFields("photoConsent", "PHOTO_PUBLICATION")}
            <Group justify="flex-end">
              <Button component={Link} to={`/child-volunteers/${groupId}`} variant="default">
                {tc("action.cancel")}
              </Button>
              <Button type="submit" loading={form.submitting}>
                {t("register.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </>
  );
}
