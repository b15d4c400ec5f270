// The bar itself, in its own chunk: @mantine/charts and recharts are the largest library a page
// loads, so FiguresChart loads this lazily and the page's cards and tables show first.
import { BarChart } from "@mantine/charts";

export default function HoursBarChart({
  data,
  height,
  orientation,
  seriesLabel,
  format,
}: {
  data: Array<{ label: string; hours: number }>;
  height: number;
  orientation: "horizontal" | "vertical";
  seriesLabel: string;
  format(value: number): string;
}) {
  return (
    <BarChart
      h={height}
      data={data}
      dataKey="label"
      orientation={orientation}
      series={[{ name: "hours", label: seriesLabel, color: "blue.7" }]}
      valueFormatter={format}
      tickLine="none"
      gridAxis={orientation === "vertical" ? "x" : "y"}
      textColor="gray.8"
      yAxisProps={orientation === "vertical" ? { width: 110 } : { width: 44 }}
      xAxisProps={orientation === "horizontal" ? { interval: 0, fontSize: 11 } : undefined}
    />
  );
}
