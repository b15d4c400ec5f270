// The life of a log after it is written: DRAFT → SUBMITTED (by whoever may log for the group) →
// APPROVED / REJECTED by staff, in bulk, in one transaction. Approval awards milestones in the same
// transaction, and the report's aggregates (ActivityHoursAggregate) take the approved logs in it too;
// a return (差し戻し) is of a submitted log, which counts nowhere yet. Each change of status raises the log's version, so an edit begun before it is
// refused as stale (./update-activity-log.ts).
import { beginActivityHoursChange, type ActivityLogStatus, type Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { ConflictError, fieldIssue, ForbiddenError, InvalidInputError, NotFoundError } from "../errors.ts";
import { guardFreeText } from "../juvenile/code-in-text.ts";
import { awardMilestones } from "../milestone/award.ts";
import { notifyActivityLogsDecided } from "../notification/triggers.ts";
import { canAccessGroup } from "../organization/access.ts";

const STATUS_JA: Record<ActivityLogStatus, string> = {
  DRAFT: "下書き",
  SUBMITTED: "提出済み",
  APPROVED: "承認済み",
  REJECTED: "差し戻し",
};

export async function submitActivityLog(ctx: Context, id: string): Promise<string> {
  const viewer = signedIn(ctx);
  const log = await prisma().activityLog.findFirst({
    where: { id, orgId: viewer.orgId },
    select: { id: true, groupId: true },
  });
  if (!log) throw new NotFoundError({ ja: "活動記録", en: "activity log" });
  if (!(await canAccessGroup(ctx, log.groupId))) throw new ForbiddenError();
  return prisma().$transaction(async (tx) => {
    const { count } = await tx.activityLog.updateMany({
      where: { id: log.id, orgId: viewer.orgId, status: "DRAFT" },
      data: { status: "SUBMITTED", submittedById: viewer.userId, submittedAt: new Date(), version: { increment: 1 } },
    });
    if (count !== 1) {
      throw new ConflictError({ ja: "提出できるのは下書きの活動記録だけです。", en: "Only a draft activity log can be submitted." });
    }
    await audit(ctx, { action: "update", entity: "ActivityLog", entityId: log.id, details: { status: "SUBMITTED" } }, tx);
    return log.id;
  });
}

export interface ApproveResult {
  activityLogIds: string[];
  awardIds: string[];
}

/** Checks that every id is a SUBMITTED log of the organisation; nothing is decided otherwise. */
async function requireSubmitted(tx: Prisma.TransactionClient, orgId: string, ids: string[]): Promise<void> {
  const rows = await tx.activityLog.findMany({ where: { orgId, id: { in: ids } }, select: { id: true, status: true } });
  const byId = new Map(rows.map((r) => [r.id, r.status]));
  const issues = ids.flatMap((id, i) => {
    const status = byId.get(id);
    if (status === "SUBMITTED") return [];
    return [
      status === undefined
        ? fieldIssue(`ids.${i}`, { ja: "活動記録が見つかりません。", en: "The activity log was not found." })
        : fieldIssue(`ids.${i}`, {
            ja: `提出済みではない活動記録です（現在: ${STATUS_JA[status]}）。`,
            en: `The activity log is not submitted (it is ${status}).`,
          }),
    ];
  });
  if (issues.length > 0) throw new InvalidInputError(issues);
}

function raceConflict(): ConflictError {
  return new ConflictError({
    ja: "ほかの操作で活動記録の状態が変わりました。もう一度読み込んでください。",
    en: "Another change decided some of these logs meanwhile; reload and try again.",
  });
}

export async function approveActivityLogs(ctx: Context, ids: string[]): Promise<ApproveResult> {
  const viewer = signedIn(ctx);
  const orgId = viewer.orgId;
  return prisma().$transaction(async (tx) => {
    await requireSubmitted(tx, orgId, ids);
    const hours = await beginActivityHoursChange(tx, orgId, { logIds: ids });
    const { count } = await tx.activityLog.updateMany({
      where: { orgId, id: { in: ids }, status: "SUBMITTED" },
      data: { status: "APPROVED", reviewedById: viewer.userId, reviewedAt: new Date(), rejectionReason: null, version: { increment: 1 } },
    });
    if (count !== ids.length) throw raceConflict();
    await hours.finish();
    const participants = await tx.activityLogParticipant.findMany({
      where: { orgId, activityLogId: { in: ids } },
      select: { personId: true, juvenileParticipantId: true },
    });
    const awardIds = await awardMilestones(tx, orgId, {
      personIds: [...new Set(participants.flatMap((p) => (p.personId ? [p.personId] : [])))],
      juvenileParticipantIds: [...new Set(participants.flatMap((p) => (p.juvenileParticipantId ? [p.juvenileParticipantId] : [])))],
    });
    await audit(
      ctx,
      { action: "approve", entity: "ActivityLog", entityId: ids.length === 1 ? ids[0] : null, details: { ids, milestoneAwards: awardIds } },
      tx,
    );
    await notifyActivityLogsDecided(tx, viewer.userId, orgId, ids, "APPROVED");
    return { activityLogIds: ids, awardIds };
  });
}

export async function rejectActivityLogs(
  ctx: Context,
  ids: string[],
  reason: string,
  acknowledgeNameWarning?: boolean | null,
): Promise<string[]> {
  const viewer = signedIn(ctx);
  const orgId = viewer.orgId;
  return prisma().$transaction(async (tx) => {
    await requireSubmitted(tx, orgId, ids);
    // the reason is read by whoever reads the log: only cohorts' logs stay with staff and the liaison
    const outsideJuvenile = await tx.activityLog.count({
      where: { orgId, id: { in: ids }, group: { programme: { privacyTier: { not: "JUVENILE" } } } },
    });
    await guardFreeText(tx, orgId, { juvenile: outsideJuvenile === 0, acknowledgeNameWarning }, [
      { path: "reason", text: reason, what: { ja: "差し戻しの理由", en: "reason" } },
    ]);
    const { count } = await tx.activityLog.updateMany({
      where: { orgId, id: { in: ids }, status: "SUBMITTED" },
      data: {
        status: "REJECTED",
        reviewedById: viewer.userId,
        reviewedAt: new Date(),
        rejectionReason: reason,
        version: { increment: 1 },
      },
    });
    if (count !== ids.length) throw raceConflict();
    await audit(ctx, { action: "reject", entity: "ActivityLog", entityId: ids.length === 1 ? ids[0] : null, details: { ids, reason } }, tx);
    await notifyActivityLogsDecided(tx, viewer.userId, orgId, ids, "REJECTED");
    return ids;
  });
}
