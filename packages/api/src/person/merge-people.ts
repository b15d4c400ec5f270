// mergePeople — staff merge a duplicate person record into the one that stays (docs/domain.md,
// "The person master"). Everything of the merged record moves to the survivor in one transaction
// and the merged record is deleted; the audit trail keeps both ids. Rules:
//  - refused (nothing changes): the same record twice; a record of another organisation (not
//    found); both have a child-volunteer record; both have a sign-in account; both enrolled in
//    insurance for the same 年度; both on the same group's roster over overlapping dates; both in
//    the same activity log; both signed up for the same shift;
//  - the same milestone awarded to both: the earlier award is kept, certificates of the other point
//    to it, the other is deleted;
//  - the survivor's details win; a detail the survivor lacks (表示名, phone, e-mail, address, birth
//    year, area, 当事者・家族 status) is taken from the merged record; notes are joined.
import { beginActivityHoursChange, type Prisma } from "@tsunagu/db";

import { audit } from "../audit/audit.ts";
import { inAccessChange } from "../auth/access-change.ts";
import { signedIn, type Context } from "../context.ts";
import { fieldIssue, InvalidInputError, NotFoundError, type Bilingual } from "../errors.ts";

export interface MergeInput {
  survivorId: string;
  mergedId: string;
}

/** What moves to the survivor, by kind of record. */
export interface MergeCounts {
  memberships: number;
  participations: number;
  signUps: number;
  thankYous: number;
  milestoneAwards: number;
  certificates: number;
  insuranceEnrolments: number;
  tasks: number;
  childVolunteer: number;
  account: number;
}

export interface MergePlan {
  counts: MergeCounts;
  /** why the merge is refused; empty when it may go ahead */
  conflicts: Bilingual[];
  /** milestone awards of the merged record whose milestone the survivor has too: [dropped, kept] */
  awardPairs: Array<{ dropped: string; kept: string }>;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const FOREVER = new Date("9999-12-31T00:00:00Z");

async function loadPerson(tx: Prisma.TransactionClient, orgId: string, id: string) {
  return tx.person.findFirst({
    where: { id, orgId },
    include: {
      childVolunteer: { select: { id: true } },
      user: { select: { id: true } },
      memberships: { select: { groupId: true, startedOn: true, endedOn: true, group: { select: { name: true } } } },
      participations: { select: { activityLogId: true } },
      signUps: { select: { shiftId: true } },
      insuranceEnrolments: { select: { fiscalYear: true } },
      milestoneAwards: { select: { id: true, milestoneId: true, awardedAt: true } },
      _count: { select: { thankYouMessages: true, certificates: true, assignedTasks: true } },
    },
  });
}

/** What a merge of `mergedId` into `survivorId` would move, and what refuses it. Throws for an unknown or identical id. */
export async function mergePlan(tx: Prisma.TransactionClient, orgId: string, input: MergeInput): Promise<MergePlan> {
  if (input.survivorId === input.mergedId) {
    throw new InvalidInputError([
      fieldIssue("input.mergedId", {
        ja: "同じ人どうしは統合できません。別の記録を選んでください。",
        en: "A person cannot be merged into themself.",
      }),
    ]);
  }
  const [survivor, merged] = await Promise.all([loadPerson(tx, orgId, input.survivorId), loadPerson(tx, orgId, input.mergedId)]);
  if (!survivor || !merged) throw new NotFoundError({ ja: "人", en: "person" });
  const conflicts: Bilingual[] = [];
  if (survivor.childVolunteer && merged.childVolunteer) {
    conflicts.push({
      ja: "両方に子ども福祉委員の記録があります。どちらかを整理してから統合してください。",
      en: "Both have a child-volunteer record: resolve one before merging.",
    });
  }
  if (survivor.user && merged.user) {
    conflicts.push({ ja: "両方にログインアカウントがあります。", en: "Both have a sign-in account." });
  }
  const years = new Set(survivor.insuranceEnrolments.map((e) => e.fiscalYear));
  for (const e of merged.insuranceEnrolments.filter((e) => years.has(e.fiscalYear))) {
    conflicts.push({
      ja: `両方が${e.fiscalYear}年度のボランティア活動保険に加入しています。どちらかの加入を取り消してから統合してください。`,
      en: `Both are enrolled in insurance for fiscal year ${e.fiscalYear}: cancel one enrolment first.`,
    });
  }
  for (const m of merged.memberships) {
    const overlapping = survivor.memberships.find(
      (s) => s.groupId === m.groupId && s.startedOn <= (m.endedOn ?? FOREVER) && m.startedOn <= (s.endedOn ?? FOREVER),
    );
    if (overlapping) {
      conflicts.push({
        ja: `両方が同じ期間に「${m.group.name}」の名簿にいます（${iso(m.startedOn)}〜）。どちらかの所属を終えてから統合してください。`,
        en: `Both are on the roster of "${m.group.name}" over overlapping dates (from ${iso(m.startedOn)}): end one membership first.`,
      });
    }
  }
  const logs = new Set(survivor.participations.map((p) => p.activityLogId));
  const sharedLogs = merged.participations.filter((p) => logs.has(p.activityLogId)).length;
  if (sharedLogs > 0) {
    conflicts.push({
      ja: `両方が同じ活動記録に参加者として載っています（${sharedLogs}件）。活動記録を直してから統合してください。`,
      en: `Both take part in the same activity log(s) (${sharedLogs}): correct the logs first.`,
    });
  }
  const shifts = new Set(survivor.signUps.map((s) => s.shiftId));
  const sharedShifts = merged.signUps.filter((s) => shifts.has(s.shiftId)).length;
  if (sharedShifts > 0) {
    conflicts.push({
      ja: `両方が同じシフトに申し込んでいます（${sharedShifts}件）。どちらかの申し込みを取り消してから統合してください。`,
      en: `Both signed up for the same shift(s) (${sharedShifts}): cancel one sign-up first.`,
    });
  }
  const survivorAwards = new Map(survivor.milestoneAwards.map((a) => [a.milestoneId, a]));
  const awardPairs: MergePlan["awardPairs"] = [];
  let keptFromMerged = 0;
  for (const a of merged.milestoneAwards) {
    const other = survivorAwards.get(a.milestoneId);
    if (!other) keptFromMerged++;
    else if (a.awardedAt < other.awardedAt) awardPairs.push({ dropped: other.id, kept: a.id });
    else awardPairs.push({ dropped: a.id, kept: other.id });
  }
  return {
    counts: {
      memberships: merged.memberships.length,
      participations: merged.participations.length,
      signUps: merged.signUps.length,
      thankYous: merged._count.thankYouMessages,
      // the merged record's awards that stay (its own, or the earlier of a pair)
      milestoneAwards: keptFromMerged + awardPairs.filter((p) => merged.milestoneAwards.some((a) => a.id === p.kept)).length,
      certificates: merged._count.certificates,
      insuranceEnrolments: merged.insuranceEnrolments.length,
      tasks: merged._count.assignedTasks,
      childVolunteer: merged.childVolunteer ? 1 : 0,
      account: merged.user ? 1 : 0,
    },
    conflicts,
    awardPairs,
  };
}

/** Merges `mergedId` into `survivorId` (staff only: the field's auth scope); returns the survivor. */
export async function mergePeople(ctx: Context, input: MergeInput, query: object = {}) {
  return inAccessChange(ctx, async (tx, changed) => {
    const orgId = signedIn(ctx).orgId;
    const plan = await mergePlan(tx, orgId, input);
    if (plan.conflicts.length > 0) {
      throw new InvalidInputError(plan.conflicts.map((c) => fieldIssue("input.mergedId", c)));
    }
    // the merged record's approved participations count for the survivor in the report's aggregates
    const hours = await beginActivityHoursChange(tx, orgId, { personIds: [input.mergedId, input.survivorId] });
    const from = { orgId, personId: input.mergedId };
    const to = { personId: input.survivorId };
    // the same milestone on both: the earlier award stays, certificates follow it
    for (const pair of plan.awardPairs) {
      await tx.certificate.updateMany({ where: { orgId, milestoneAwardId: pair.dropped }, data: { milestoneAwardId: pair.kept } });
      await tx.milestoneAward.delete({ where: { id: pair.dropped } });
    }
    await tx.membership.updateMany({ where: from, data: to });
    await tx.activityLogParticipant.updateMany({ where: from, data: to });
    await hours.finish();
    await tx.signUp.updateMany({ where: from, data: to });
    await tx.milestoneAward.updateMany({ where: from, data: to });
    await tx.certificate.updateMany({ where: from, data: to });
    await tx.insuranceEnrolment.updateMany({ where: from, data: to });
    await tx.childVolunteer.updateMany({ where: from, data: to });
    // accounts of the merged record: their viewers carry its id (auth/viewer.ts)
    const accounts = await tx.user.findMany({ where: from, select: { id: true } });
    await tx.user.updateMany({ where: from, data: to });
    await changed(accounts.map((a) => a.id));
    await tx.thankYouMessage.updateMany({ where: { orgId, toPersonId: input.mergedId }, data: { toPersonId: input.survivorId } });
    await tx.eventTask.updateMany({ where: { orgId, assigneeId: input.mergedId }, data: { assigneeId: input.survivorId } });
    // the survivor's details win; what it lacks comes from the merged record
    const [survivor, merged] = await Promise.all([
      tx.person.findUniqueOrThrow({ where: { id: input.survivorId } }),
      tx.person.findUniqueOrThrow({ where: { id: input.mergedId } }),
    ]);
    const filled = (["displayName", "phone", "email", "address", "birthYear", "areaId", "networkStatus"] as const).filter(
      (k) => survivor[k] === null && merged[k] !== null,
    );
    const notes = [survivor.notes, merged.notes].filter((n): n is string => Boolean(n)).join("\n");
    await tx.person.delete({ where: { id: input.mergedId } });
    await tx.person.update({
      where: { id: input.survivorId },
      data: { ...Object.fromEntries(filled.map((k) => [k, merged[k]])), notes: notes || null },
    });
    const counts = { ...plan.counts };
    await audit(
      ctx,
      {
        action: "update",
        entity: "Person",
        entityId: input.survivorId,
        details: { change: "merge", mergedId: input.mergedId, moved: { ...counts }, filled: [...filled] },
      },
      tx,
    );
    await audit(
      ctx,
      { action: "delete", entity: "Person", entityId: input.mergedId, details: { change: "merge", survivorId: input.survivorId } },
      tx,
    );
    return tx.person.findUniqueOrThrow({ ...query, where: { id: input.survivorId } });
  });
}
