// ボランティア活動保険: an enrolment per person and fiscal year (年度). Everyone active last year was
// enrolled last year; about 90 % renewed this year, the rest show as lapsed (未加入) on rosters,
// and activity logged for them this year is flagged `uninsured`.

import { addDays, fiscalYearOf } from "@tsunagu/db";

import { createRng, demoId, fiscalYearEnd, fiscalYearStart, type DemoContext, type Rng } from "./context.ts";

const INSURANCE_PLANS = {
  basic: "ボランティア活動保険（基本タイプ）",
  disaster: "ボランティア活動保険（天災タイプ）",
} as const;

export function seedInsurance(ctx: DemoContext, rng: Rng = createRng("insurance"), options: { renewalRate?: number } = {}): void {
  const fy = fiscalYearOf(ctx.today);
  const renewalRate = options.renewalRate ?? 0.9;

  /** first day of the person's membership(s) overlapping the fiscal year, if any */
  const activeIn = (personId: string, year: number): Date | undefined => {
    const from = fiscalYearStart(year);
    const to = fiscalYearEnd(year);
    let first: Date | undefined;
    for (const m of ctx.memberships) {
      if (m.personId !== personId) continue;
      if (m.startedOn > to || (m.endedOn && m.endedOn < from)) continue;
      const start = m.startedOn > from ? m.startedOn : from;
      if (!first || start < first) first = start;
    }
    return first;
  };

  const people = [...ctx.people.values()];
  // who did not renew this year: ~10 % of those enrolled last year; one member of the demo salon
  // and one child of the demo school are among them so the roster screens show it
  const renewable = people.filter((p) => activeIn(p.id, fy - 1) && activeIn(p.id, fy));
  const lapsedCount = Math.round(renewable.length * (1 - renewalRate));
  const pinned = [
    ctx.memberships.find((m) => m.groupKey === "salon/01" && m.role === "member" && !m.endedOn)?.personId,
    ctx.memberships.find(
      (m) => m.groupKey === "school/ozaki" && !m.endedOn && ctx.children.get(m.personId)?.activityConsentFrom !== undefined,
    )?.personId,
  ].filter((id): id is string => id !== undefined);
  const lapsed = new Set(pinned);
  for (const p of rng.shuffle(renewable)) {
    if (lapsed.size >= Math.max(lapsedCount, pinned.length)) break;
    lapsed.add(p.id);
  }

  for (const p of people) {
    for (const year of [fy - 1, fy]) {
      const start = activeIn(p.id, year);
      if (!start) continue;
      if (year === fy && lapsed.has(p.id)) continue;
      const proposed = start.getTime() === fiscalYearStart(year).getTime() ? addDays(start, rng.int(0, 20)) : start;
      const enrolledOn = proposed > ctx.today ? ctx.today : proposed;
      ctx.rows.insuranceEnrolment.push({
        id: demoId(ctx, "insurance", p.id, year),
        orgId: ctx.orgId,
        personId: p.id,
        fiscalYear: year,
        plan: rng.chance(0.15) && !p.isChild ? INSURANCE_PLANS.disaster : INSURANCE_PLANS.basic,
        enrolledOn,
      });
      ctx.insured.add(`${p.id}/${year}`);
    }
  }
}
