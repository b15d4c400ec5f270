// 年度更新 (insurance rollover): carry the people insured in one 年度 into the next in one step.
// Who is carried: enrolled for the year before, with a current membership outside the juvenile
// programme (as the lapse list counts it), and not yet enrolled for the target year; each keeps
// last year's plan. The preview writes nothing; applying inserts with skipDuplicates, so a second
// run (or two at once) enrols nobody twice: it is idempotent.
//
// When: the target is the next 年度 (the usual time is March, the month before it starts — the
// insurer's 加入申込 for April opens then) or this one (a rollover forgotten until April). Staff may
// run it earlier than March: the preview says so (`early`) and the web app asks for a second
// confirmation; a membership that ends before April can be corrected by cancelling the enrolment.
import { currentFiscalYear, todayInJapan, type Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { fieldIssue, InvalidInputError } from "../errors.ts";
import { required } from "../required.ts";
import { listedMembershipsWhere } from "./access.ts";
import { sortLapses } from "./lapses.ts";

export interface InsuranceRolloverEntry {
  personId: string;
  name: string;
  legalNameKana: string;
  plan: string;
  groupNames: string[];
}

export interface InsuranceRolloverPlan {
  fiscalYear: number;
  fromFiscalYear: number;
  /** March 1 before the year starts: the usual day to run it from */
  opensOn: Date;
  /** run before opensOn */
  early: boolean;
  entries: InsuranceRolloverEntry[];
  /** insured last year, with a current membership, already enrolled for the target year */
  alreadyEnrolledCount: number;
  /** insured last year without a current membership: not carried */
  notCurrentCount: number;
}

export function checkRolloverYear(fiscalYear: number, path = "fiscalYear"): void {
  const current = currentFiscalYear();
  if (fiscalYear === current || fiscalYear === current + 1) return;
  throw new InvalidInputError([
    fieldIssue(path, {
      ja: `年度更新の対象は今年度（${current}）か来年度（${current + 1}）です。`,
      en: `The rollover is into this fiscal year (${current}) or the next (${current + 1}).`,
    }),
  ]);
}

export async function planInsuranceRollover(
  ctx: Context,
  tx: Prisma.TransactionClient,
  fiscalYear: number,
): Promise<InsuranceRolloverPlan> {
  const viewer = signedIn(ctx);
  const current = listedMembershipsWhere(viewer) ?? { id: { in: [] } };
  const insuredBefore = await tx.person.findMany({
    where: { orgId: viewer.orgId, insuranceEnrolments: { some: { fiscalYear: fiscalYear - 1 } } },
    select: {
      id: true,
      legalName: true,
      legalNameKana: true,
      displayName: true,
      insuranceEnrolments: { where: { fiscalYear: { in: [fiscalYear - 1, fiscalYear] } }, select: { fiscalYear: true, plan: true } },
      memberships: { where: current, orderBy: [{ startedOn: "asc" }, { id: "asc" }], select: { group: { select: { name: true } } } },
    },
  });
  const active = insuredBefore.filter((p) => p.memberships.length > 0);
  const carried = active.filter((p) => !p.insuranceEnrolments.some((e) => e.fiscalYear === fiscalYear));
  const opensOn = new Date(Date.UTC(fiscalYear, 2, 1));
  return {
    fiscalYear,
    fromFiscalYear: fiscalYear - 1,
    opensOn,
    early: todayInJapan().getTime() < opensOn.getTime(),
    entries: sortLapses(viewer, carried).map((p) => ({
      personId: p.id,
      name: p.displayName ?? p.legalName,
      legalNameKana: p.legalNameKana,
      plan: required(
        p.insuranceEnrolments.find((e) => e.fiscalYear === fiscalYear - 1),
        "last year's enrolment of a person insured last year",
      ).plan,
      groupNames: [...new Set(p.memberships.map((m) => m.group.name))],
    })),
    alreadyEnrolledCount: active.length - carried.length,
    notCurrentCount: insuredBefore.length - active.length,
  };
}

export interface InsuranceRolloverResult {
  fiscalYear: number;
  enrolledCount: number;
}

/** Enrols the plan's people for the year; returns how many were enrolled by this run. */
export function applyInsuranceRollover(
  ctx: Context,
  input: { fiscalYear: number; enrolledOn: Date; reference?: string | null },
): Promise<InsuranceRolloverResult> {
  const orgId = signedIn(ctx).orgId;
  const reference = input.reference && input.reference.trim() ? input.reference.trim() : null;
  return prisma().$transaction(async (tx) => {
    const plan = await planInsuranceRollover(ctx, tx, input.fiscalYear);
    const { count } = await tx.insuranceEnrolment.createMany({
      data: plan.entries.map((e) => ({
        orgId,
        personId: e.personId,
        fiscalYear: input.fiscalYear,
        plan: e.plan,
        enrolledOn: input.enrolledOn,
        reference,
      })),
      skipDuplicates: true,
    });
    await audit(
      ctx,
      {
        action: "create",
        entity: "InsuranceRollover",
        details: {
          fiscalYear: input.fiscalYear,
          fromFiscalYear: plan.fromFiscalYear,
          enrolledOn: input.enrolledOn.toISOString().slice(0, 10),
          reference,
          enrolled: count,
          personIds: plan.entries.map((e) => e.personId),
        },
      },
      tx,
    );
    return { fiscalYear: input.fiscalYear, enrolledCount: count };
  });
}
