// 活動記録の修正・訂正: whoever may log for the group edits a draft or a returned (差し戻し) log and may
// resubmit it; staff edit a log at any status — an approved one is corrected (訂正). The same checks
// as logActivity (checkActivityLog: programme, members on the day, guardian consent on the day,
// juvenile codes, free text). Every edit keeps the state it replaces as an ActivityLogVersion (訂正履歴)
// and raises ActivityLog.version; the caller names the version it read, and an edit of a log that
// changed since (edited, approved, returned) is refused with STALE_VERSION. Hours are read from the
// approved logs' participants, so they follow a correction at once, and the report's aggregates
// (ActivityHoursAggregate) follow it in the same transaction; a correction of an approved log
// awards the milestones its participants newly reach, and never withdraws an award already made.
import { beginActivityHoursChange } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { ForbiddenError, NotFoundError, StaleVersionError } from "../errors.ts";
import { awardMilestones } from "../milestone/award.ts";
import { groupAccess, groupAccessSelect } from "../organization/access.ts";
import { canEditActivityLog } from "./access.ts";
import { checkActivityLog, participantRows, type ActivityLogFields } from "./log-activity.ts";

export interface UpdateActivityLogInput extends ActivityLogFields {
  id: string;
  /** ActivityLog.version as the caller read it */
  expectedVersion: number;
  /** a draft or returned log: true submits it for approval (→ SUBMITTED); ignored at other statuses */
  submit?: boolean | null;
  /** 訂正の理由, kept with the version it replaces */
  reason?: string | null;
}

export interface UpdateActivityLogResult {
  activityLogId: string;
  uninsuredPersonIds: string[];
  awardIds: string[];
}

function stale(): StaleVersionError {
  return new StaleVersionError({
    ja: "この活動記録は、開いた後にほかの人が変更しました（修正・承認・差し戻し）。もう一度開いて確認してから修正してください。何も保存していません。",
    en: "Someone else changed this activity log after you opened it (edited, approved or returned it). Open it again and redo your change; nothing was saved.",
  });
}

export async function updateActivityLog(ctx: Context, input: UpdateActivityLogInput): Promise<UpdateActivityLogResult> {
  const viewer = signedIn(ctx);
  const orgId = viewer.orgId;
  return prisma().$transaction(async (tx) => {
    const log = await tx.activityLog.findFirst({
      where: { id: input.id, orgId },
      include: {
        group: { select: groupAccessSelect },
        participants: { select: { personId: true, juvenileParticipantId: true, minutes: true } },
      },
    });
    if (!log) throw new NotFoundError({ ja: "活動記録", en: "activity log" });
    // another group's log: refused as submitActivityLog refuses it
    if (!groupAccess(viewer, log.group)) throw new ForbiddenError();
    if (!canEditActivityLog(viewer, log)) {
      throw new ForbiddenError({
        ja: "提出済み・承認済みの活動記録を修正できるのは社協職員だけです。",
        en: "Only the volunteer centre staff may change a submitted or approved activity log.",
      });
    }
    if (log.version !== input.expectedVersion) throw stale();

    const checked = await checkActivityLog(tx, ctx, log.group, input);
    const editable = log.status === "DRAFT" || log.status === "REJECTED";
    const submit = editable && input.submit === true;
    const now = new Date();
    const reason = input.reason?.trim() || null;
    // an approved log counts in the report: take it (and its old and new participants) back, then add it again
    const hours =
      log.status === "APPROVED"
        ? await beginActivityHoursChange(tx, orgId, {
            logIds: [log.id],
            personIds: checked.memberIds,
            juvenileParticipantIds: checked.juvenileIds,
            fiscalYears: [checked.fiscalYear],
          })
        : null;

    // the guard on version makes a concurrent edit, approval or return lose to the first
    const { count } = await tx.activityLog.updateMany({
      where: { id: log.id, orgId, version: input.expectedVersion },
      data: {
        activityTypeId: checked.activityTypeId,
        date: input.date,
        fiscalYear: checked.fiscalYear,
        minutes: input.minutes,
        place: input.place ?? null,
        peopleServed: input.peopleServed ?? null,
        description: input.description ?? null,
        version: { increment: 1 },
        ...(submit ? { status: "SUBMITTED", submittedById: viewer.userId, submittedAt: now } : {}),
      },
    });
    if (count !== 1) throw stale();
    await tx.activityLogVersion.create({
      data: {
        orgId,
        activityLogId: log.id,
        version: log.version,
        status: log.status,
        activityTypeId: log.activityTypeId,
        date: log.date,
        minutes: log.minutes,
        place: log.place,
        peopleServed: log.peopleServed,
        description: log.description,
        participants: log.participants,
        changedById: viewer.userId,
        changedAt: now,
        reason,
      },
    });
    await tx.activityLogParticipant.deleteMany({ where: { orgId, activityLogId: log.id } });
    await tx.activityLogParticipant.createMany({ data: participantRows(orgId, log.id, checked, input.minutes) });
    await hours?.finish();

    const awardIds =
      log.status === "APPROVED"
        ? await awardMilestones(tx, orgId, { personIds: checked.memberIds, juvenileParticipantIds: checked.juvenileIds })
        : [];
    const before = {
      personIds: log.participants.flatMap((p) => (p.personId ? [p.personId] : [])),
      juvenileParticipantIds: log.participants.flatMap((p) => (p.juvenileParticipantId ? [p.juvenileParticipantId] : [])),
    };
    await audit(
      ctx,
      {
        action: "update",
        entity: "ActivityLog",
        entityId: log.id,
        details: {
          change: log.status === "APPROVED" ? "correct" : "edit",
          version: log.version + 1,
          status: submit ? "SUBMITTED" : log.status,
          ...(reason ? { reason } : {}),
          minutes: { from: log.minutes, to: input.minutes },
          participants: { from: log.participants.length, to: checked.memberIds.length + checked.juvenileIds.length },
          added: [
            ...checked.memberIds.filter((id) => !before.personIds.includes(id)),
            ...checked.juvenileIds.filter((id) => !before.juvenileParticipantIds.includes(id)),
          ],
          removed: [
            ...before.personIds.filter((id) => !checked.memberIds.includes(id)),
            ...before.juvenileParticipantIds.filter((id) => !checked.juvenileIds.includes(id)),
          ],
          milestoneAwards: awardIds,
        },
      },
      tx,
    );
    return { activityLogId: log.id, uninsuredPersonIds: checked.uninsuredPersonIds, awardIds };
  });
}
