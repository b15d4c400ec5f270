// From an event's attendance to ONE activity log (活動記録): the people who attended each shift
// (or, for a shift whose attendance was not taken, those confirmed), each with the minutes of the
// shifts they worked, flagged `uninsured` when they have no ボランティア活動保険 for the fiscal year.
// A child volunteer without guardian consent on the day is never logged (docs/domain.md): the log is
// refused until the child is marked absent or the consent recorded.
import { fiscalYearOf, todayInJapan } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { childrenWithoutActivityConsent } from "../child-volunteer/consent-check.ts";
import { signedIn, type Context } from "../context.ts";
import { ConflictError, fieldIssue, InvalidInputError } from "../errors.ts";
import { findEvent } from "./access.ts";

const DAY_MINUTES = 1_440;

function minutesBetween(from: Date, to: Date): number {
  return Math.min(DAY_MINUTES, Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000)));
}

export interface EventActivityLogInput {
  eventId: string;
  activityTypeCode: string;
  /** the log's minutes; the event's length when omitted */
  minutes?: number | null;
  peopleServed?: number | null;
}

/** Makes the event's activity log (SUBMITTED, for staff to approve); returns the event's id. */
export async function recordEventActivityLog(ctx: Context, input: EventActivityLogInput): Promise<string> {
  const viewer = signedIn(ctx);
  const orgId = viewer.orgId;
  return prisma().$transaction(async (tx) => {
    const event = await findEvent(tx, ctx, input.eventId, {
      id: true,
      groupId: true,
      title: true,
      place: true,
      startsAt: true,
      endsAt: true,
      status: true,
      activityLogId: true,
      group: { select: { programmeId: true } },
      shifts: {
        select: {
          startsAt: true,
          endsAt: true,
          signUps: { where: { status: { not: "CANCELLED" } }, select: { personId: true, status: true, attended: true } },
        },
      },
    });
    if (event.activityLogId) {
      throw new ConflictError({
        ja: "このイベントの活動記録はすでに作成されています。",
        en: "An activity log has already been made from this event.",
      });
    }
    if (event.status === "CANCELLED") {
      throw new ConflictError({
        ja: "中止になったイベントの活動記録は作成できません。",
        en: "The event was cancelled; there is nothing to log.",
      });
    }
    const activityType = await tx.activityType.findFirst({
      where: { orgId, code: input.activityTypeCode, OR: [{ programmeId: null }, { programmeId: event.group.programmeId }] },
      select: { id: true },
    });
    if (!activityType) {
      throw new InvalidInputError([
        fieldIssue("activityTypeCode", {
          ja: "この団体で使える活動種別ではありません。",
          en: "Not an activity type this group can use.",
        }),
      ]);
    }

    // minutes per person: the shifts they worked, added up (a whole day at most)
    const minutesByPerson = new Map<string, number>();
    for (const shift of event.shifts) {
      const attendanceTaken = shift.signUps.some((s) => s.attended !== null);
      const present = shift.signUps.filter((s) => (attendanceTaken ? s.attended === true : s.status === "CONFIRMED"));
      const length = minutesBetween(shift.startsAt, shift.endsAt);
      for (const s of present) {
        minutesByPerson.set(s.personId, Math.min(DAY_MINUTES, (minutesByPerson.get(s.personId) ?? 0) + length));
      }
    }
    if (minutesByPerson.size === 0) {
      throw new ConflictError({
        ja: "出席者（または確定した申し込み）がいないため、活動記録を作成できません。",
        en: "Nobody attended (or was confirmed), so there is no activity to log.",
      });
    }

    const date = todayInJapan(event.startsAt);
    const fiscalYear = fiscalYearOf(date);
    const personIds = [...minutesByPerson.keys()];
    const withoutConsent = await childrenWithoutActivityConsent(tx, orgId, personIds, { on: date });
    if (withoutConsent.length > 0) {
      // counted, not named: the event's members may not see a child's name
      throw new InvalidInputError([
        fieldIssue("eventId", {
          ja: `保護者の活動参加同意がない子ども福祉委員が${withoutConsent.length}人含まれているため、活動記録を作成できません。欠席にするか、同意を記録してください。`,
          en: `${withoutConsent.length} child volunteer(s) have no guardian consent to take part, so no activity log can be made. Mark them absent or record the consent.`,
        }),
      ]);
    }
    const insured = new Set(
      (
        await tx.insuranceEnrolment.findMany({
          where: { orgId, fiscalYear, personId: { in: personIds } },
          select: { personId: true },
        })
      ).map((e) => e.personId),
    );
    const now = new Date();
    const log = await tx.activityLog.create({
      data: {
        orgId,
        groupId: event.groupId,
        activityTypeId: activityType.id,
        date,
        fiscalYear,
        minutes: input.minutes ?? minutesBetween(event.startsAt, event.endsAt),
        place: event.place,
        peopleServed: input.peopleServed ?? null,
        description: event.title,
        status: "SUBMITTED",
        submittedById: viewer.userId,
        submittedAt: now,
      },
      select: { id: true },
    });
    await tx.activityLogParticipant.createMany({
      data: [...minutesByPerson].map(([personId, minutes]) => ({
        orgId,
        activityLogId: log.id,
        personId,
        minutes,
        uninsured: !insured.has(personId),
      })),
    });
    // conditional on "no log yet", so a concurrent second call finds nothing to update and fails
    const linked = await tx.event.updateMany({
      where: { id: event.id, orgId, activityLogId: null },
      data: { activityLogId: log.id, status: "HELD" },
    });
    if (linked.count !== 1) {
      throw new ConflictError({
        ja: "このイベントの活動記録はすでに作成されています。",
        en: "An activity log has already been made from this event.",
      });
    }
    await audit(
      ctx,
      {
        action: "create",
        entity: "ActivityLog",
        entityId: log.id,
        details: { eventId: event.id, participants: personIds.length, uninsured: personIds.filter((id) => !insured.has(id)).length },
      },
      tx,
    );
    await audit(ctx, { action: "update", entity: "Event", entityId: event.id, details: { activityLogId: log.id, status: "HELD" } }, tx);
    return event.id;
  });
}
