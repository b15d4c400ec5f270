// ホーム (dashboard): each role's start page. Everyone: the organisation's hours by month this
// fiscal year (aggregates are open to every account) and the latest thank-yous. Staff: the logs
// waiting for approval, upcoming events, volunteers without insurance. Coordinators, subcommittee
// members and salon leaders: their groups' submitted and draft logs and their uninsured members;
// subcommittee members also their 部会's events. The liaison: their logs (no insurance card: the
// juvenile programme has codes, not people).
import { SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

import { useViewer } from "../../app/session.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ApprovalQueueCard, HoursByMonthCard, InsuranceLapsesCard, MyLogsCard, RecentThankYousCard, UpcomingEventsCard } from "./cards.tsx";

export function Component() {
  const { t } = useTranslation("dashboard");
  const { viewer } = useViewer();
  if (!viewer) return null;
  // staff see the approval queue; the others their own group's logs
  const logs = viewer.can.activityLogs && !viewer.can.reviewActivityLogs;
  const eventsGroup = viewer.isStaff ? null : (viewer.subcommitteeIds[0] ?? undefined);
  return (
    <>
      <PageTitle title={t("title")} />
      <Stack gap="md">
        <Text>{t("welcome", { name: viewer.name })}</Text>
        <HoursByMonthCard viewer={viewer} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {viewer.can.reviewActivityLogs ? <ApprovalQueueCard /> : null}
          {logs ? <MyLogsCard /> : null}
          {viewer.can.rosters ? <InsuranceLapsesCard viewer={viewer} /> : null}
          {eventsGroup !== undefined ? <UpcomingEventsCard groupId={eventsGroup} /> : null}
          <RecentThankYousCard />
        </SimpleGrid>
      </Stack>
    </>
  );
}
