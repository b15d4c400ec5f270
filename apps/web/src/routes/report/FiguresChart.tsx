// A bar chart of hours (活動時間) with its figures as a table: the chart is an image named by a
// one-sentence summary, and the table carries the numbers for screen readers and for reading off
// (WCAG 1.1.1). The dashboard hides the table visually; the report shows it.
// The bars load lazily (HoursBarChart.tsx); until then the chart's place is kept, so nothing jumps.

import { Box, Skeleton, Table, VisuallyHidden } from "@mantine/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";

import { ScrollTable } from "../../components/ScrollTable.tsx";

const HoursBarChart = lazy(() => import("./HoursBarChart.tsx"));

export interface FiguresRow {
  key: string;
  label: string;
  hours: number;
  activities: number;
  volunteers: number;
  peopleServed: number;
}

export function FiguresChart({
  title,
  rows,
  orientation = "horizontal",
  tableHidden = false,
  height = 260,
}: {
  /** what the chart shows, e.g. 月別の活動時間 */
  title: string;
  rows: FiguresRow[];
  /** horizontal: a column per row (months); vertical: a bar per row (long names) */
  orientation?: "horizontal" | "vertical";
  tableHidden?: boolean;
  height?: number;
}) {
  const { t, i18n } = useTranslation("report");
  const number = new Intl.NumberFormat(i18n.resolvedLanguage === "en" ? "en-GB" : "ja-JP", { maximumFractionDigits: 1 });
  const top = rows.reduce<FiguresRow | null>((best, r) => (best === null || r.hours > best.hours ? r : best), null);
  const total = rows.reduce((sum, r) => sum + r.hours, 0);
  const summary =
    top && total > 0
      ? t("chart.summary", { title, total: number.format(total), top: top.label, topHours: number.format(top.hours) })
      : t("chart.summaryEmpty", { title });
  const data = rows.map((r) => ({ label: r.label, hours: r.hours }));
  const chartHeight = orientation === "vertical" ? Math.max(120, rows.length * 36 + 40) : height;

  const table = (
    <Table striped verticalSpacing={4} fz="sm" aria-label={title}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("column.name")}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t("figures.hours")}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t("figures.activities")}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t("figures.volunteers")}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t("figures.peopleServed")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th scope="row" fw={400}>
              {r.label}
            </Table.Th>
            <Table.Td ta="right">{number.format(r.hours)}</Table.Td>
            <Table.Td ta="right">{number.format(r.activities)}</Table.Td>
            <Table.Td ta="right">{number.format(r.volunteers)}</Table.Td>
            <Table.Td ta="right">{number.format(r.peopleServed)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  return (
    <Box>
      <Box role="img" aria-label={summary} data-testid="figures-chart">
        <Suspense fallback={<Skeleton h={chartHeight} animate={false} />}>
          <HoursBarChart
            data={data}
            height={chartHeight}
            orientation={orientation}
            seriesLabel={t("figures.hours")}
            format={(v) => number.format(v)}
          />
        </Suspense>
      </Box>
      {tableHidden ? (
        <VisuallyHidden>{table}</VisuallyHidden>
      ) : (
        <ScrollTable label={title} minWidth={420}>
          {table}
        </ScrollTable>
      )}
    </Box>
  );
}
