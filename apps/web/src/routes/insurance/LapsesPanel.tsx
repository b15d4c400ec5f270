// 未加入者: people active in the viewer's groups (staff: the organisation) without ボランティア活動保険
// for the 年度, filtered by programme, group and area. Staff tick people and enrol them at once
// (plan, date, receipt number), or download the list as the 加入申込 CSV.
import { useQuery } from "@apollo/client/react";
import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconDownload, IconShieldPlus } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { useDates } from "../../app/dates.ts";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql } from "../../graphql.ts";
import { useFileDownload } from "../../lib/download.ts";
import { notifySaved } from "../../lib/form.ts";
import { useEnrolInsuranceMutation } from "../../mutations/useEnrolInsuranceMutation.ts";
import { EnrolmentForm } from "./EnrolmentForm.tsx";

const InsuranceFiltersQuery = graphql(`
  query InsuranceFilters {
    programmes {
      id
      code
      name
      nameEn
      privacyTier
    }
    groups {
      id
      name
      endedOn
      programme {
        id
        code
        privacyTier
      }
    }
    organization {
      id
      areas {
        id
        name
      }
    }
  }
`);

const InsuranceLapsesQuery = graphql(`
  query InsuranceLapses($fiscalYear: Int, $programmeCode: String, $groupId: ID, $areaId: ID) {
    insuranceLapses(fiscalYear: $fiscalYear, programmeCode: $programmeCode, groupId: $groupId, areaId: $areaId) {
      id
      name
      memberships {
        id
        group {
          id
          name
        }
      }
    }
  }
`);

const InsuranceLapsesCsvQuery = graphql(`
  query InsuranceLapsesCsv($fiscalYear: Int, $programmeCode: String, $groupId: ID, $areaId: ID) {
    insuranceLapsesCsv(fiscalYear: $fiscalYear, programmeCode: $programmeCode, groupId: $groupId, areaId: $areaId) {
      filename
      mimeType
      text
    }
  }
`);

export function LapsesPanel({
  fiscalYear,
  records,
  groupId,
  onGroup,
}: {
  fiscalYear: number;
  records: boolean;
  groupId: string | null;
  onGroup(groupId: string | null): void;
}) {
  const { t, i18n } = useTranslation("insurance");
  const en = i18n.resolvedLanguage === "en";
  const { fiscalYear: fyLabel } = useDates();
  const [programmeCode, setProgrammeCode] = useState<string | null>(null);
  const [areaId, setAreaId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [enrolling, setEnrolling] = useState(false);
  const csv = useFileDownload();
  const [enrol] = useEnrolInsuranceMutation();
  const filters = useQuery(InsuranceFiltersQuery, { fetchPolicy: "cache-first" });
  const variables = { fiscalYear, programmeCode, groupId, areaId };
  const { data, loading, error, refetch } = useQuery(InsuranceLapsesQuery, { variables });
  const people = useMemo(() => data?.insuranceLapses ?? [], [data]);
  // only the people shown can stay ticked
  const ticked = people.filter((p) => selected.has(p.id)).map((p) => p.id);
  const heading = t("lapses.heading", { year: fyLabel(fiscalYear) });

  const programmes = (filters.data?.programmes ?? []).filter((p) => p.privacyTier !== "JUVENILE");
  const groups = (filters.data?.groups ?? []).filter(
    (g) => g.programme.privacyTier !== "JUVENILE" && !g.endedOn && (!programmeCode || g.programme.code === programmeCode),
  );

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t("filter.programme")}
          placeholder={t("filter.all")}
          data={programmes.map((p) => ({ value: p.code, label: en ? p.nameEn : p.name }))}
          value={programmeCode}
          onChange={(v) => {
            setProgrammeCode(v);
            onGroup(null);
          }}
          clearable
        />
        <Select
          label={t("filter.group")}
          placeholder={t("filter.all")}
          data={groups.map((g) => ({ value: g.id, label: g.name }))}
          value={groupId}
          onChange={onGroup}
          searchable
          clearable
        />
        <Select
          label={t("filter.area")}
          placeholder={t("filter.all")}
          data={(filters.data?.organization.areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={areaId}
          onChange={setAreaId}
          clearable
        />
      </SimpleGrid>
      <FailureAlert message={csv.failure ? t("lapses.csvFailed", { message: csv.failure }) : null} />
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4">
          {heading}{" "}
          <Text span size="sm" c="dimmed" role="status">
            {t("lapses.count", { count: people.length })}
          </Text>
        </Title>
        {records ? (
          <Group gap="xs" wrap="wrap">
            <Button
              leftSection={<IconShieldPlus size={18} aria-hidden />}
              disabled={ticked.length === 0}
              onClick={() => setEnrolling(true)}
            >
              {t("lapses.enrol")}
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
              onClick={() => void csv.download(InsuranceLapsesCsvQuery, variables, (d) => d.insuranceLapsesCsv)}
              loading={csv.busy}
            >
              {t("lapses.csv")}
            </Button>
          </Group>
        ) : null}
      </Group>
      {records && ticked.length > 0 ? <Text size="sm">{t("lapses.selected", { count: ticked.length })}</Text> : null}
      <QueryState
        loading={loading && !data}
        error={error}
        empty={people.length === 0}
        emptyText={t("lapses.empty")}
        onRetry={() => void refetch()}
      >
        <ScrollTable minWidth={records ? 420 : 360} label={heading}>
          <Table striped verticalSpacing="xs" aria-label={heading}>
            <Table.Thead>
              <Table.Tr>
                {records ? (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t("lapses.selectAll")}
                      checked={ticked.length > 0 && ticked.length === people.length}
                      indeterminate={ticked.length > 0 && ticked.length < people.length}
                      onChange={(e) => setSelected(e.currentTarget.checked ? new Set(people.map((p) => p.id)) : new Set())}
                    />
                  </Table.Th>
                ) : null}
                <Table.Th>{t("lapses.name")}</Table.Th>
                <Table.Th>{t("lapses.groups")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((p) => (
                <Table.Tr key={p.id}>
                  {records ? (
                    <Table.Td>
                      <Checkbox
                        aria-label={t("lapses.select", { name: p.name })}
                        checked={selected.has(p.id)}
                        onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                      />
                    </Table.Td>
                  ) : null}
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{[...new Set(p.memberships.map((m) => m.group.name))].join("、")}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </QueryState>
      <Modal
        opened={enrolling}
        onClose={() => setEnrolling(false)}
        title={t("form.enrolTitle", { year: fyLabel(fiscalYear), count: ticked.length })}
      >
        {enrolling ? (
          <EnrolmentForm
            submitLabel={t("form.submitEnrol")}
            onCancel={() => setEnrolling(false)}
            onSubmit={async (v) => {
              const outcome = await enrol({
                input: { personIds: ticked, fiscalYear, plan: v.plan, enrolledOn: v.enrolledOn ?? "", reference: v.reference || null },
              });
              if (outcome.ok) {
                notifySaved(t("form.enrolled", { count: outcome.data.length }));
                setSelected(new Set());
                setEnrolling(false);
              }
              return outcome;
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
