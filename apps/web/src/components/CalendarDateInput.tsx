// A calendar-date field ("YYYY-MM-DD" value) shown in the reader's calendar (令和8年11月26日 or
// 2026年11月26日); typing 2026-11-26 or 2026/11/26 also works.
import { DateInput, type DateInputProps } from "@mantine/dates";

import { useDates } from "../app/dates.ts";

function parseTyped(text: string): string | null {
  const m = /^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$/.exec(text.normalize("NFKC"));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return null;
  return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function CalendarDateInput(props: Omit<DateInputProps, "valueFormat" | "dateParser">) {
  const { date } = useDates();
  return <DateInput {...props} valueFormat={(value) => date(value)} dateParser={parseTyped} />;
}
