// Turns the log drafts of every domain into ActivityLog and ActivityLogParticipant rows: fiscal
// year, status (mostly APPROVED by staff; an approval queue of ~15 SUBMITTED in the last weeks; a
// few DRAFT; the one REJECTED duplicate), who submitted and reviewed, and the `uninsured` flag.
//
// It refuses (throws) a draft that puts a child without a valid GUARDIAN_ACTIVITY consent in a log.

import { addDays, fiscalYearOf } from "@tsunagu/db";

import { demoUserId } from "./accounts.ts";
import { createRng, demoId, groupOf, japanDay, jst, need, type DemoContext, type LogDraft, type LogInfo, type Rng } from "./context.ts";

export interface ActivityLogOptions {
  /** SUBMITTED logs waiting for staff (default 15) */
  queueSize?: number;
  /** DRAFT logs not yet submitted (default 3) */
  drafts?: number;
  /** how far back the approval queue reaches (default 21 days) */
  queueDays?: number;
}

type Status = LogInfo["status"];

export function seedActivityLogs(ctx: DemoContext, rng: Rng = createRng("activity-logs"), options: ActivityLogOptions = {}): void {
  const queueSize = options.queueSize ?? 15;
  const draftCount = options.drafts ?? 3;
  const cutoff = addDays(ctx.today, -(options.queueDays ?? 21));
  const staff = demoUserId(ctx, "staff");
  /** nothing is stamped later than 08:00 JST on "today" */
  const cap = jst(ctx.today, 8);
  const clamp = (d: Date) => (d > cap ? cap : d);

  const drafts = [...ctx.logDrafts].sort((a, b) => a.date.getTime() - b.date.getTime() || a.key.localeCompare(b.key));
  const seen = new Set<string>();
  for (const d of drafts) {
    if (seen.has(d.key)) throw new Error(`demo seed: two activity logs with the key ${d.key}`);
    seen.add(d.key);
    if (d.date > ctx.today) throw new Error(`demo seed: activity log ${d.key} is in the future`);
    for (const p of d.participants) {
      if (!p.personId) continue;
      const child = ctx.children.get(p.personId);
      if (child && (!child.activityConsentFrom || child.activityConsentFrom > d.date)) {
        throw new Error(`demo seed: ${d.key} logs a child without guardian consent`);
      }
    }
  }

  // The approval queue: staff approve as reports come in, so what waits is the most recent work
  // (~15 SUBMITTED, a few DRAFT not yet sent). The groups of the demo accounts get an item first
  // (the salon leader also a draft), so every demo account has something to look at.
  const status = new Map<string, Status>();
  const recent: LogDraft[] = [];
  for (const d of drafts) {
    if (d.status) status.set(d.key, d.status);
    else if (d.date > cutoff) recent.push(d);
  }
  recent.sort((a, b) => b.date.getTime() - a.date.getTime() || a.key.localeCompare(b.key));
  const latestOf = (groupKey: string, nth = 0) => recent.filter((d) => d.groupKey === groupKey)[nth];
  const pinnedDrafts = [latestOf("salon/01")].filter((d): d is LogDraft => d !== undefined).slice(0, draftCount);
  const pinnedQueue = [latestOf("salon/01", 1), latestOf("school/ozaki"), latestOf("school/tottori-higashi"), latestOf("network/event")]
    .filter((d): d is LogDraft => d !== undefined)
    .slice(0, queueSize);
  for (const d of pinnedDrafts) status.set(d.key, "DRAFT");
  for (const d of pinnedQueue) status.set(d.key, "SUBMITTED");
  let draftsLeft = draftCount - pinnedDrafts.length;
  let queueLeft = queueSize - pinnedQueue.length;
  for (const d of recent) {
    if (status.has(d.key)) continue;
    if (draftsLeft > 0 && rng.chance(0.5)) {
      status.set(d.key, "DRAFT");
      draftsLeft--;
    } else if (queueLeft > 0) {
      status.set(d.key, "SUBMITTED");
      queueLeft--;
    } else if (draftsLeft > 0) {
      status.set(d.key, "DRAFT");
      draftsLeft--;
    }
  }

  /** a moment `days` days and some hours after `from`, but before `cap` (and not before `from`) */
  const after = (from: Date, r: Rng, days: [number, number], hours: [number, number]): Date => {
    const proposed = jst(addDays(japanDay(from), r.int(days[0], days[1])), r.int(hours[0], hours[1]), r.int(0, 59));
    if (proposed > from && proposed <= cap) return proposed;
    const between = from.getTime() + (cap.getTime() - from.getTime()) * (0.2 + r.next() * 0.6);
    return new Date(Math.min(cap.getTime(), Math.ceil(between / 60_000) * 60_000));
  };

  for (const d of drafts) {
    const st: Status = status.get(d.key) ?? "APPROVED";
    const id = demoId(ctx, "activity-log", d.key);
    const r = createRng(`log-status/${d.key}`);
    const fy = fiscalYearOf(d.date);
    // written up the evening of the activity or a day or two later; submitted within a day;
    // reviewed by staff one to five working days after that — never later than this morning
    let lag = r.int(0, 2);
    const hour = r.int(18, 21);
    const minute = r.int(0, 59);
    while (lag > 0 && jst(addDays(d.date, lag), hour, minute) > cap) lag--;
    const createdAt = clamp(jst(addDays(d.date, lag), hour, minute));
    const submittedAt = st === "DRAFT" ? undefined : after(createdAt, r, [0, 1], [8, 22]);
    const reviewed = st === "APPROVED" || st === "REJECTED";
    const reviewedAt = reviewed && submittedAt ? after(submittedAt, r, [1, 5], [9, 17]) : undefined;
    const submitter = d.submitter ? demoUserId(ctx, d.submitter) : staff;
    ctx.rows.activityLog.push({
      id,
      orgId: ctx.orgId,
      groupId: groupOf(ctx, d.groupKey).id,
      activityTypeId: need(ctx.activityTypes, d.type, "activity type"),
      date: d.date,
      fiscalYear: fy,
      minutes: d.minutes,
      place: d.place ?? null,
      peopleServed: d.peopleServed ?? null,
      description: d.description ?? null,
      status: st,
      submittedById: submittedAt ? submitter : null,
      submittedAt: submittedAt ?? null,
      reviewedById: reviewedAt ? staff : null,
      reviewedAt: reviewedAt ?? null,
      rejectionReason: st === "REJECTED" ? (d.rejectionReason ?? "内容を確認してください。") : null,
      createdAt,
      updatedAt: reviewedAt ?? submittedAt ?? createdAt,
    });

    const participants: LogInfo["participants"] = [];
    const done = new Set<string>();
    for (const p of d.participants) {
      const who = p.personId ?? p.juvenileParticipantId;
      if (!who || done.has(who)) continue;
      done.add(who);
      const minutes = p.minutes ?? d.minutes;
      ctx.rows.activityLogParticipant.push({
        id: demoId(ctx, "activity-log-participant", d.key, who),
        orgId: ctx.orgId,
        activityLogId: id,
        personId: p.personId ?? null,
        juvenileParticipantId: p.personId ? null : (p.juvenileParticipantId ?? null),
        minutes,
        // juvenile participants are covered through the institution's programme, not per person
        uninsured: p.personId ? !ctx.insured.has(`${p.personId}/${fy}`) : false,
      });
      participants.push(
        p.personId ? { personId: p.personId, minutes } : { juvenileParticipantId: p.juvenileParticipantId as string, minutes },
      );
    }
    ctx.logs.push({
      id,
      key: d.key,
      groupKey: d.groupKey,
      date: d.date,
      status: st,
      ...(reviewedAt ? { reviewedAt } : {}),
      participants,
    });
  }
}
