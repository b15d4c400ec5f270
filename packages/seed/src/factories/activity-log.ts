import { fiscalYearOf, rebuildActivityHours, type ActivityLog, type Group, type Person, type Prisma } from "@tsunagu/db";

import type { ActivityTypeCode } from "../catalog.ts";
import { nextRow, type SeededOrganization } from "./organization.ts";

export interface ActivityLogInput extends Partial<
  Omit<Prisma.ActivityLogCreateManyInput, "orgId" | "groupId" | "activityTypeId" | "fiscalYear">
> {
  group: Pick<Group, "id">;
  /** default: 見守り (watching over neighbours), which every programme may log */
  type?: ActivityTypeCode;
  /** the people who took part, each for the log's minutes */
  participants?: ReadonlyArray<Pick<Person, "id">>;
}

/** An activity log of a group (a draft of 60 minutes on 2025-05-10 unless told otherwise); its
 *  年度 (fiscal year) always follows its date. An approved one is counted in the report's aggregates
 *  (a recount of the organisation's, as the seeds do). */
export async function seedActivityLog(
  db: Prisma.TransactionClient,
  org: Pick<SeededOrganization, "id" | "catalog">,
  { group, type = "mimamori", participants = [], ...overrides }: ActivityLogInput,
): Promise<ActivityLog> {
  const date = new Date(overrides.date ?? "2025-05-10");
  const log = await db.activityLog.create({
    data: {
      id: nextRow(org.id, "activity-log").id,
      minutes: 60,
      ...overrides,
      date,
      fiscalYear: fiscalYearOf(date),
      orgId: org.id,
      groupId: group.id,
      activityTypeId: org.catalog.activityType[type],
    },
  });
  if (participants.length > 0) {
    await db.activityLogParticipant.createMany({
      data: participants.map((p) => ({ orgId: org.id, activityLogId: log.id, personId: p.id, minutes: log.minutes })),
    });
  }
  if (log.status === "APPROVED") await rebuildActivityHours(db, org.id);
  return log;
}
