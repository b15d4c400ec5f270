// マイルストーン: the organisation's milestone definitions (first activity, hours, years of service),
// earned automatically when logs are approved. Staff switch one on or off (past awards are kept).
import { useQuery } from "@apollo/client/react";
import { Switch, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { useViewer } from "../../app/session.tsx";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { currentLanguage, notifySaved } from "../../lib/form.ts";
import { localized } from "../../lib/result.ts";
import { useUpdateMilestoneMutation } from "../../mutations/useUpdateMilestoneMutation.ts";

const MilestonesQuery = graphql(`
  query Milestones {
    milestones {
      id
      code
      kind
      threshold
      name
      nameEn
      active
    }
  }
`);

export function Milestones() {
  const { t, i18n } = useTranslation("recognition");
  const en = i18n.resolvedLanguage === "en";
  const { viewer } = useViewer();
  const { data, loading, error, refetch } = useQuery(MilestonesQuery);
  const [update] = useUpdateMilestoneMutation();
  const [alert, setAlert] = useState<string | null>(null);
  const rows = data?.milestones ?? [];

  const toggle = async (id: string, active: boolean) => {
    setAlert(null);
    const outcome = await update({ id, input: { active } });
    if (!outcome.ok) setAlert(localized(outcome.error, currentLanguage()));
    else notifySaved(t("common:saved"));
  };

  const condition = (kind: string, threshold: number) =>
    kind === "HOURS"
      ? t("milestone.hours", { count: threshold })
      : kind === "YEARS_OF_SERVICE"
        ? t("milestone.years", { count: threshold })
        : t("milestone.first");

  return (
    <QueryState
      loading={loading && !data}
      error={error}
      empty={rows.length === 0}
      onRetry={() => void refetch()}
      emptyText={t("milestone.empty")}
    >
      <FailureAlert message={alert} />
      <ScrollTable label={t("milestone.title")} minWidth={420}>
        <Table striped verticalSpacing="xs" aria-label={t("milestone.title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("milestone.name")}</Table.Th>
              <Table.Th scope="col">{t("milestone.condition")}</Table.Th>
              <Table.Th scope="col">{t("milestone.active")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{en ? m.nameEn : m.name}</Table.Td>
                <Table.Td>{condition(m.kind, m.threshold)}</Table.Td>
                <Table.Td>
                  {viewer?.isStaff ? (
                    <Switch
                      checked={m.active}
                      onChange={(e) => void toggle(m.id, e.currentTarget.checked)}
                      aria-label={t("milestone.toggle", { name: en ? m.nameEn : m.name })}
                    />
                  ) : (
                    <Text size="sm">{m.active ? t("milestone.on") : t("milestone.off")}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Text size="xs" c="dimmed" mt={4}>
        {t("milestone.note")}
      </Text>
    </QueryState>
  );
}
