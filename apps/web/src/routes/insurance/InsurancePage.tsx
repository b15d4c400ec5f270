// ボランティア活動保険: one screen, a 年度 picker and three tabs — 未加入者 (the lapse list with
// filters; staff tick people and enrol them, or download the 加入申込 CSV), 加入者 (the year's
// enrolments, to correct or cancel; staff) and 年度更新 (carry this year's insured into the next;
// staff). Non-staff leaders see their groups' lapses, read-only. What the viewer may do comes from
// me.can (insurance, recordInsurance).
import { Select, Stack, Tabs, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { useDates } from "../../app/dates.ts";
import { useViewer } from "../../app/session.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { currentFiscalYear } from "../../lib/dates.ts";
import { EnrolmentsPanel } from "./EnrolmentsPanel.tsx";
import { LapsesPanel } from "./LapsesPanel.tsx";
import { RolloverPanel } from "./RolloverPanel.tsx";

const TABS = ["lapses", "enrolments", "rollover"] as const;
type Tab = (typeof TABS)[number];

export function Component() {
  const { t } = useTranslation("insurance");
  const { fiscalYear: fyLabel } = useDates();
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const current = currentFiscalYear();
  const records = viewer?.can.recordInsurance ?? false;
  const years = records ? [current - 1, current, current + 1] : [current];
  const asked = Number(params.get("fy"));
  const fiscalYear = years.includes(asked) ? asked : current;
  const tab: Tab = records && TABS.includes(params.get("tab") as Tab) ? (params.get("tab") as Tab) : "lapses";
  const groupId = params.get("group");

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );

  const lapses = <LapsesPanel fiscalYear={fiscalYear} records={records} groupId={groupId} onGroup={(g) => update({ group: g })} />;
  return (
    <>
      <PageTitle title={t("title")} />
      <Stack>
        <Text size="sm">{records ? t("intro") : t("introReadOnly")}</Text>
        {records ? (
          <>
            <Select
              label={t("fiscalYear")}
              data={years.map((y) => ({ value: String(y), label: fyLabel(y) }))}
              value={String(fiscalYear)}
              onChange={(v) => v && update({ fy: v })}
              allowDeselect={false}
              maw={280}
            />
            <Tabs value={tab} onChange={(v) => update({ tab: v === "lapses" ? null : v })} keepMounted={false}>
              <Tabs.List aria-label={t("tabs.label")}>
                {TABS.map((k) => (
                  <Tabs.Tab key={k} value={k}>
                    {t(`tabs.${k}`)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Tabs.Panel value="lapses" pt="md">
                {lapses}
              </Tabs.Panel>
              <Tabs.Panel value="enrolments" pt="md">
                <EnrolmentsPanel fiscalYear={fiscalYear} />
              </Tabs.Panel>
              <Tabs.Panel value="rollover" pt="md">
                <RolloverPanel />
              </Tabs.Panel>
            </Tabs>
          </>
        ) : (
          lapses
        )}
      </Stack>
    </>
  );
}
