// 加入者: the enrolments of a 年度 (staff), filtered by name on the page; each can be corrected
// (plan, date, receipt number — the same form as enrolling) or cancelled (kept in the audit trail).
import { useQuery } from "@apollo/client/react";
import { Button, Group, Modal, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { useDates } from "../../app/dates.ts";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql, type ResultOf } from "../../graphql.ts";
import { notifySaved } from "../../lib/form.ts";
import { localized } from "../../lib/result.ts";
import { useCancelInsuranceEnrolmentMutation } from "../../mutations/useCancelInsuranceEnrolmentMutation.ts";
import { useCorrectInsuranceEnrolmentMutation } from "../../mutations/useCorrectInsuranceEnrolmentMutation.ts";
import { EnrolmentForm } from "./EnrolmentForm.tsx";

const InsuranceEnrolmentsQuery = graphql(`
  query InsuranceEnrolments($fiscalYear: Int!) {
    insuranceEnrolments(fiscalYear: $fiscalYear) {
      id
      fiscalYear
      plan
      enrolledOn
      reference
      person {
        id
        name
        legalNameKana
      }
    }
  }
`);

type Enrolment = NonNullable<ResultOf<typeof InsuranceEnrolmentsQuery>["insuranceEnrolments"]>[number];

export function EnrolmentsPanel({ fiscalYear }: { fiscalYear: number }) {
  const { t, i18n } = useTranslation("insurance");
  const { t: tc } = useTranslation();
  const { fiscalYear: fyLabel, date } = useDates();
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<Enrolment | null>(null);
  const [cancelling, setCancelling] = useState<Enrolment | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(InsuranceEnrolmentsQuery, { variables: { fiscalYear } });
  const [correct] = useCorrectInsuranceEnrolmentMutation();
  const [cancel, { loading: cancelPending }] = useCancelInsuranceEnrolmentMutation();
  const all = data?.insuranceEnrolments ?? [];
  const word = search.trim();
  const shown = word ? all.filter((e) => `${e.person.name ?? ""} ${e.person.legalNameKana ?? ""}`.includes(word)) : all;
  const heading = t("enrolments.heading", { year: fyLabel(fiscalYear) });

  const confirmCancel = async () => {
    if (!cancelling) return;
    setAlert(null);
    const outcome = await cancel({ id: cancelling.id });
    setCancelling(null);
    if (!outcome.ok) setAlert(localized(outcome.error, i18n.resolvedLanguage ?? "ja"));
    else notifySaved(t("enrolments.cancelled"));
  };

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap" align="flex-end">
        <Title order={2} size="h4">
          {heading}{" "}
          <Text span size="sm" c="dimmed">
            {t("enrolments.count", { count: all.length })}
          </Text>
        </Title>
        <TextInput
          type="search"
          aria-label={t("enrolments.search")}
          placeholder={t("enrolments.search")}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maw={320}
          w="100%"
        />
      </Group>
      <FailureAlert message={alert} />
      <QueryState
        loading={loading && !data}
        error={error}
        empty={all.length === 0}
        emptyText={t("enrolments.empty")}
        onRetry={() => void refetch()}
      >
        <ScrollTable minWidth={640} label={heading}>
          <Table striped verticalSpacing="xs" aria-label={heading}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("lapses.name")}</Table.Th>
                <Table.Th>{t("form.plan")}</Table.Th>
                <Table.Th>{t("form.enrolledOn")}</Table.Th>
                <Table.Th>{t("form.reference")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Text size="sm">{e.person.name}</Text>
                    <Text size="xs" c="dimmed">
                      {e.person.legalNameKana}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.plan}</Text>
                  </Table.Td>
                  <Table.Td>{date(e.enrolledOn)}</Table.Td>
                  <Table.Td>{e.reference ?? ""}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t("enrolments.editName", { name: e.person.name })}
                        onClick={() => setEditing(e)}
                      >
                        {t("enrolments.edit")}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red.9"
                        aria-label={t("enrolments.cancelName", { name: e.person.name })}
                        onClick={() => setCancelling(e)}
                      >
                        {t("enrolments.cancel")}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </QueryState>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t("form.editTitle", { name: editing.person.name }) : ""}
      >
        {editing ? (
          <EnrolmentForm
            key={editing.id}
            initial={{ plan: editing.plan, enrolledOn: editing.enrolledOn, reference: editing.reference ?? "" }}
            submitLabel={t("form.submitEdit")}
            onCancel={() => setEditing(null)}
            onSubmit={async (v) => {
              const outcome = await correct({
                id: editing.id,
                input: { plan: v.plan, enrolledOn: v.enrolledOn ?? "", reference: v.reference },
              });
              if (outcome.ok) {
                notifySaved(t("form.corrected"));
                setEditing(null);
              }
              return outcome;
            }}
          />
        ) : null}
      </Modal>
      <Modal
        opened={cancelling !== null}
        onClose={() => setCancelling(null)}
        title={cancelling ? t("enrolments.cancelTitle", { name: cancelling.person.name }) : ""}
      >
        <Stack>
          <Text size="sm">{t("enrolments.cancelBody", { year: fyLabel(fiscalYear) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(null)}>
              {tc("action.close")}
            </Button>
            <Button color="red.9" onClick={() => void confirmCancel()} loading={cancelPending}>
              {t("enrolments.cancelConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
