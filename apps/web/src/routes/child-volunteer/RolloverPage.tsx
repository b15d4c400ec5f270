// 進級処理 (April school-year rollover), as a guided step: choose the 年度 → see what it would do
// (grade before → after, who becomes alumni) → confirm → apply, once per school and year.
import { useQuery } from "@apollo/client/react";
import { Alert, Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { useDates } from "../../app/dates.ts";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { currentFiscalYear } from "../../lib/dates.ts";
import { notifySaved } from "../../lib/form.ts";
import { localized } from "../../lib/result.ts";
import { useApplySchoolYearRolloverMutation } from "../../mutations/useApplySchoolYearRolloverMutation.ts";

const RolloverPreviewQuery = graphql(`
  query SchoolYearRolloverPreview($groupId: ID!, $fiscalYear: Int!) {
    group(id: $groupId) {
      id
      name
    }
    previewSchoolYearRollover(groupId: $groupId, fiscalYear: $fiscalYear) {
      fiscalYear
      alumniSince
      membershipsEndOn
      appliedAt
      promotedCount
      graduatingCount
      entries {
        gradeBefore
        gradeAfter
        outcome
        childVolunteer {
          id
          person {
            id
            name
            legalNameKana
          }
        }
      }
    }
  }
`);

export function Component() {
  const { t, i18n } = useTranslation("child-volunteer");
  const { t: tc } = useTranslation();
  const { groupId = "" } = useParams();
  const { fiscalYear: fy, date, dateTime } = useDates();
  const current = currentFiscalYear();
  // in the autumn and winter the coming April is what a school prepares for
  const [fiscalYear, setFiscalYear] = useState(current + 1);
  const [confirming, setConfirming] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(RolloverPreviewQuery, { variables: { groupId, fiscalYear } });
  const [apply, { loading: applying }] = useApplySchoolYearRolloverMutation();
  const plan = data?.previewSchoolYearRollover;
  const language = i18n.resolvedLanguage ?? "ja";

  const run = async () => {
    setAlert(null);
    const outcome = await apply({ groupId, fiscalYear });
    setConfirming(false);
    if (!outcome.ok) {
      setAlert(localized(outcome.error, language));
      return;
    }
    notifySaved(t("rollover.done", { promoted: outcome.data.promotedCount, graduated: outcome.data.graduatingCount }));
  };

  return (
    <>
      <PageTitle title={t("rollover.title")} />
      <Stack maw={860}>
        <Text>
          {data?.group?.name}{" "}
          <Anchor component={Link} to={`/child-volunteers/${groupId}`} size="sm">
            {t("backToList")}
          </Anchor>
        </Text>
        <Text size="sm">{t("rollover.intro")}</Text>
        <Select
          label={t("rollover.fiscalYear")}
          data={[current, current + 1].map((y) => ({ value: String(y), label: fy(y) }))}
          value={String(fiscalYear)}
          onChange={(v) => {
            if (!v) return;
            setAlert(null);
            setFiscalYear(Number(v));
          }}
          allowDeselect={false}
          maw={280}
        />
        <FailureAlert message={alert} />
        <QueryState loading={loading && !data} error={error} empty={!plan} onRetry={() => void refetch()}>
          {plan ? (
            <Stack>
              <Title order={2} size="h4">
                {t("rollover.previewHeading", { year: fy(plan.fiscalYear) })}
              </Title>
              {plan.appliedAt ? (
                <Alert color="blue" title={t("rollover.appliedTitle")}>
                  {t("rollover.appliedBody", { at: dateTime(plan.appliedAt) })}
                </Alert>
              ) : null}
              <Text size="sm" role="status">
                {t("rollover.summary", {
                  promoted: plan.promotedCount,
                  graduated: plan.graduatingCount,
                  alumniSince: date(plan.alumniSince),
                  endsOn: date(plan.membershipsEndOn),
                })}
              </Text>
              {plan.entries.length === 0 ? (
                <Text size="sm">{t("rollover.nobody")}</Text>
              ) : (
                <ScrollTable minWidth={520} label={t("rollover.previewHeading", { year: fy(plan.fiscalYear) })}>
                  <Table striped verticalSpacing="xs" aria-label={t("rollover.previewHeading", { year: fy(plan.fiscalYear) })}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t("field.legalName")}</Table.Th>
                        <Table.Th>{t("rollover.before")}</Table.Th>
                        <Table.Th>{t("rollover.after")}</Table.Th>
                        <Table.Th>{t("rollover.outcome")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {plan.entries.map((e) => (
                        <Table.Tr key={e.childVolunteer.id}>
                          <Table.Td>
                            <Text size="sm">{e.childVolunteer.person.name}</Text>
                            <Text size="xs" c="dimmed">
                              {e.childVolunteer.person.legalNameKana}
                            </Text>
                          </Table.Td>
                          <Table.Td>{t("gradeValue", { grade: e.gradeBefore })}</Table.Td>
                          <Table.Td>{e.gradeAfter === null ? t("status.ALUMNI") : t("gradeValue", { grade: e.gradeAfter })}</Table.Td>
                          <Table.Td>
                            <Badge
                              variant="filled"
                              miw="max-content"
                              color={e.outcome === "GRADUATES" ? "grape.9" : e.outcome === "PROMOTED" ? "blue.8" : "gray.7"}
                            >
                              {t(`rollover.outcomes.${e.outcome}`)}
                            </Badge>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              )}
              <Group>
                <Button onClick={() => setConfirming(true)} disabled={Boolean(plan.appliedAt) || plan.entries.length === 0}>
                  {t("rollover.apply")}
                </Button>
              </Group>
              <Modal
                opened={confirming}
                onClose={() => setConfirming(false)}
                title={t("rollover.confirmTitle", { year: fy(plan.fiscalYear) })}
              >
                <Stack>
                  <Text size="sm">{t("rollover.confirmBody", { promoted: plan.promotedCount, graduated: plan.graduatingCount })}</Text>
                  {plan.fiscalYear > current ? (
                    <Alert color="yellow" title={t("rollover.earlyTitle")}>
                      {t("rollover.earlyBody", { date: date(plan.alumniSince) })}
                    </Alert>
                  ) : null}
                  <Group justify="flex-end">
                    <Button variant="default" onClick={() => setConfirming(false)}>
                      {tc("action.cancel")}
                    </Button>
                    <Button onClick={() => void run()} loading={applying}>
                      {t("rollover.confirm")}
                    </Button>
                  </Group>
                </Stack>
              </Modal>
            </Stack>
          ) : null}
        </QueryState>
      </Stack>
    </>
  );
}
