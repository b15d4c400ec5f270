// 活動実績報告 (reports): the figures a 社協 reports to its city for a fiscal year (年度), from
// approved logs — totals, then by month, programme, area and activity type, each as a chart with
// its table and a CSV for Excel. Optional programme and area filters.
import { useQuery } from "@apollo/client/react";
import { Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { useDates } from "../../app/dates.ts";
import { FailureAlert } from "../../components/FailureAlert.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { QueryState } from "../../components/States.tsx";
import { graphql, type ResultOf, type VariablesOf } from "../../graphql.ts";
import { currentFiscalYear, formatMonth } from "../../lib/dates.ts";
import { useFileDownload } from "../../lib/download.ts";
import { FiguresChart, type FiguresRow } from "./FiguresChart.tsx";

const ReportFiltersQuery = graphql(`
  query ReportFilters {
    programmes {
      id
      code
      name
      nameEn
    }
    organization {
      id
      areas {
        id
        name
        nameKana
      }
    }
  }
`);

const FiscalYearReportQuery = graphql(`
  query FiscalYearReport($fiscalYear: Int!, $programmeCode: String, $areaId: ID) {
    fiscalYearReport(fiscalYear: $fiscalYear, programmeCode: $programmeCode, areaId: $areaId) {
      fiscalYear
      includesJuvenileProgramme
      totals {
        hours
        activities
        volunteers
        peopleServed
      }
      exportTotals {
        hours
        activities
        volunteers
        peopleServed
      }
      byMonth {
        year
        month
        figures {
          hours
          activities
          volunteers
          peopleServed
        }
      }
      byProgramme {
        id
        code
        name
        nameEn
        figures {
          hours
          activities
          volunteers
          peopleServed
        }
      }
      byArea {
        id
        name
        nameEn
        figures {
          hours
          activities
          volunteers
          peopleServed
        }
      }
      byActivityType {
        id
        code
        name
        nameEn
        figures {
          hours
          activities
          volunteers
          peopleServed
        }
      }
    }
  }
`);

const ReportCsvQuery = graphql(`
  query FiscalYearReportCsv($fiscalYear: Int!, $breakdown: ReportBreakdown!, $programmeCode: String, $areaId: ID) {
    fiscalYearReportCsv(fiscalYear: $fiscalYear, breakdown: $breakdown, programmeCode: $programmeCode, areaId: $areaId) {
      filename
      mimeType
      text
    }
  }
`);

type Report = ResultOf<typeof FiscalYearReportQuery>["fiscalYearReport"];
type Breakdown = VariablesOf<typeof ReportCsvQuery>["breakdown"];

/** the fiscal years offered: this one and the four before it */
const YEARS_BACK = 5;

export function Component() {
  const { t, i18n } = useTranslation("report");
  const en = i18n.resolvedLanguage === "en";
  const number = new Intl.NumberFormat(en ? "en-GB" : "ja-JP", { maximumFractionDigits: 1 });
  const { fiscalYear: fyLabel } = useDates();
  const thisYear = currentFiscalYear();
  const [fiscalYear, setFiscalYear] = useState(thisYear);
  const [programmeCode, setProgrammeCode] = useState<string | null>(null);
  const [areaId, setAreaId] = useState<string | null>(null);
  const filters = useQuery(ReportFiltersQuery, { fetchPolicy: "cache-first" });
  const variables = { fiscalYear, programmeCode, areaId };
  const { data, loading, error, refetch } = useQuery(FiscalYearReportQuery, { variables });
  const report = data?.fiscalYearReport;

  const name = (r: { name: string; nameEn: string }) => (en ? r.nameEn : r.name);
  const row = (key: string, label: string, f: Report["totals"]): FiguresRow => ({ key, label, ...f });

  return (
    <>
      <PageTitle title={t("title")} />
      <Stack gap="lg">
        <Text size="sm">{t("intro")}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t("filter.fiscalYear")}
            data={Array.from({ length: YEARS_BACK }, (_, i) => ({ value: String(thisYear - i), label: fyLabel(thisYear - i) }))}
            value={String(fiscalYear)}
            onChange={(v) => v && setFiscalYear(Number(v))}
            allowDeselect={false}
          />
          <Select
            label={t("filter.programme")}
            placeholder={t("filter.all")}
            data={(filters.data?.programmes ?? []).map((p) => ({ value: p.code, label: name(p) }))}
            value={programmeCode}
            onChange={setProgrammeCode}
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

        <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()}>
          {report ? (
            <Stack gap="xl">
              <Totals report={report} />
              {report.includesJuvenileProgramme ? (
                <Text size="sm" c="dimmed" data-testid="juvenile-left-out">
                  {t("includesJuvenile", {
                    hours: number.format(report.exportTotals.hours),
                    activities: number.format(report.exportTotals.activities),
                    volunteers: number.format(report.exportTotals.volunteers),
                  })}
                </Text>
              ) : null}
              <Section
                title={t("breakdown.month")}
                breakdown="MONTH"
                variables={variables}
                rows={report.byMonth.map((m) => row(`${m.year}-${m.month}`, formatMonth(m.month, en ? "en" : "ja"), m.figures))}
              />
              <Section
                title={t("breakdown.programme")}
                breakdown="PROGRAMME"
                variables={variables}
                orientation="vertical"
                rows={report.byProgramme.map((p) => row(p.id ?? p.code ?? p.name, name(p), p.figures))}
              />
              <Section
                title={t("breakdown.area")}
                breakdown="AREA"
                variables={variables}
                orientation="vertical"
                rows={report.byArea.map((a) => row(a.id ?? "none", a.id ? name(a) : t("noArea"), a.figures))}
              />
              <Section
                title={t("breakdown.activityType")}
                breakdown="ACTIVITY_TYPE"
                variables={variables}
                orientation="vertical"
                rows={report.byActivityType.map((a) => row(a.id ?? a.code ?? a.name, name(a), a.figures))}
              />
            </Stack>
          ) : null}
        </QueryState>
      </Stack>
    </>
  );
}

function Totals({ report }: { report: Report }) {
  const { t, i18n } = useTranslation("report");
  const number = new Intl.NumberFormat(i18n.resolvedLanguage === "en" ? "en-GB" : "ja-JP", { maximumFractionDigits: 1 });
  const items = [
    { key: "hours", label: t("figures.hours"), value: report.totals.hours },
    { key: "activities", label: t("figures.activities"), value: report.totals.activities },
    { key: "volunteers", label: t("figures.volunteers"), value: report.totals.volunteers },
    { key: "peopleServed", label: t("figures.peopleServed"), value: report.totals.peopleServed },
  ];
  return (
    <section aria-labelledby="report-totals">
      <Title order={2} size="h3" id="report-totals" mb="xs">
        {t("totals")}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {items.map((item) => (
          <Card key={item.key} withBorder padding="sm">
            <Text size="sm" c="dimmed">
              {item.label}
            </Text>
            <Text fz={24} fw={700} data-testid={`total-${item.key}`}>
              {number.format(item.value)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}

function Section({
  title,
  breakdown,
  rows,
  variables,
  orientation,
}: {
  title: string;
  breakdown: Breakdown;
  rows: FiguresRow[];
  variables: { fiscalYear: number; programmeCode: string | null; areaId: string | null };
  orientation?: "horizontal" | "vertical";
}) {
  const { t, i18n } = useTranslation("report");
  const csv = useFileDownload();
  const id = `report-${breakdown.toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <Group justify="space-between" align="center" mb="xs" wrap="wrap" gap="xs">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={() => void csv.download(ReportCsvQuery, { ...variables, breakdown }, (d) => d.fiscalYearReportCsv)}
          loading={csv.busy}
          aria-label={t("csv", { title })}
        >
          {t("common:action.downloadCsv")}
        </Button>
      </Group>
      <FailureAlert
        message={
          csv.failure
            ? i18n.resolvedLanguage === "en"
              ? `Could not download the CSV (${csv.failure})`
              : `CSVをダウンロードできませんでした（${csv.failure}）`
            : null
        }
      />
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("empty")}
        </Text>
      ) : (
        <FiguresChart title={title} rows={rows} orientation={orientation} />
      )}
    </section>
  );
}
