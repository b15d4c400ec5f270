// 年度更新: carry this year's insured (with a current membership) into the next 年度 in one step.
// The preview lists who would be enrolled with the plan carried; nothing changes until confirmed.
// Before March (the month before the year starts) the API allows it but says `early`: the
// confirmation then asks for a second tick.
import { useQuery } from "@apollo/client/react";
import { Alert, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { useDates } from "../../app/dates.ts";
import { CalendarDateInput } from "../../components/CalendarDateInput.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { currentFiscalYear, todayInJapan } from "../../lib/dates.ts";
import { notifySaved } from "../../lib/form.ts";
import { localized } from "../../lib/result.ts";
import { useApplyInsuranceRolloverMutation } from "../../mutations/useApplyInsuranceRolloverMutation.ts";

const InsuranceRolloverPreviewQuery = graphql(`
  query InsuranceRolloverPreview($fiscalYear: Int!) {
    previewInsuranceRollover(fiscalYear: $fiscalYear) {
      fiscalYear
      fromFiscalYear
      opensOn
      early
      alreadyEnrolledCount
      notCurrentCount
      entries {
        personId
        name
        legalNameKana
        plan
        groupNames
      }
    }
  }
`);

export function RolloverPanel() {
  const { t, i18n } = useTranslation("insurance");
  const { t: tc } = useTranslation();
  const { fiscalYear: fyLabel, date } = useDates();
  const current = currentFiscalYear();
  const [fiscalYear, setFiscalYear] = useState(current + 1);
  const [enrolledOn, setEnrolledOn] = useState<string | null>(todayInJapan());
  const [reference, setReference] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [early, setEarly] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(InsuranceRolloverPreviewQuery, { variables: { fiscalYear } });
  const [apply, { loading: applying }] = useApplyInsuranceRolloverMutation();
  const plan = data?.previewInsuranceRollover;
  const heading = plan ? t("rollover.heading", { from: fyLabel(plan.fromFiscalYear), to: fyLabel(plan.fiscalYear) }) : "";

  const run = async () => {
    setAlert(null);
    const outcome = await apply({ input: { fiscalYear, enrolledOn, reference: reference || null } });
    setConfirming(false);
    if (!outcome.ok) setAlert(localized(outcome.error, i18n.resolvedLanguage ?? "ja"));
    else notifySaved(t("rollover.done", { count: outcome.data.enrolledCount }));
  };

  return (
    <Stack>
      <Text size="sm">{t("rollover.intro")}</Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t("rollover.target")}
          data={[current, current + 1].map((y) => ({ value: String(y), label: fyLabel(y) }))}
          value={String(fiscalYear)}
          onChange={(v) => v && setFiscalYear(Number(v))}
          allowDeselect={false}
        />
        <CalendarDateInput label={t("rollover.enrolledOn")} required maxDate={todayInJapan()} value={enrolledOn} onChange={setEnrolledOn} />
        <TextInput label={t("rollover.reference")} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
      </SimpleGrid>
      <FailureAlert message={alert} />
      <QueryState loading={loading && !data} error={error} empty={!plan} onRetry={() => void refetch()}>
        {plan ? (
          <Stack>
            <Title order={2} size="h4">
              {heading}
            </Title>
            <Text size="sm" role="status">
              {t("rollover.summary", { count: plan.entries.length, already: plan.alreadyEnrolledCount, notCurrent: plan.notCurrentCount })}
            </Text>
            {plan.early ? (
              <Alert color="yellow" title={t("rollover.earlyTitle")}>
                {t("rollover.earlyBody", { date: date(plan.opensOn) })}
              </Alert>
            ) : null}
            {plan.entries.length === 0 ? (
              <Text size="sm">{t("rollover.nobody")}</Text>
            ) : (
              <ScrollTable minWidth={560} label={heading}>
                <Table striped verticalSpacing="xs" aria-label={heading}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("lapses.name")}</Table.Th>
                      <Table.Th>{t("lapses.groups")}</Table.Th>
                      <Table.Th>{t("rollover.plan")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {plan.entries.map((e) => (
                      <Table.Tr key={e.personId}>
                        <Table.Td>
                          <Text size="sm">{e.name}</Text>
                          <Text size="xs" c="dimmed">
                            {e.legalNameKana}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{e.groupNames.join("、")}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{e.plan}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )}
            <Group>
              <Button
                onClick={() => {
                  setEarly(false);
                  setConfirming(true);
                }}
                disabled={plan.entries.length === 0 || !enrolledOn}
              >
                {t("rollover.apply")}
              </Button>
            </Group>
            <Modal
              opened={confirming}
              onClose={() => setConfirming(false)}
              title={t("rollover.confirmTitle", { year: fyLabel(plan.fiscalYear) })}
            >
              <Stack>
                <Text size="sm">{t("rollover.confirmBody", { count: plan.entries.length, year: fyLabel(plan.fiscalYear) })}</Text>
                {plan.early ? (
                  <Checkbox label={t("rollover.earlyConfirm")} checked={early} onChange={(e) => setEarly(e.currentTarget.checked)} />
                ) : null}
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setConfirming(false)}>
                    {tc("action.cancel")}
                  </Button>
                  <Button onClick={() => void run()} loading={applying} disabled={plan.early && !early}>
                    {t("rollover.confirm")}
                  </Button>
                </Group>
              </Stack>
            </Modal>
          </Stack>
        ) : null}
      </QueryState>
    </Stack>
  );
}
