// Recording ボランティア活動保険 (staff): enrol one person or many at once for a 年度, correct an
// enrolment (plan, date, receipt number) and cancel one. Each runs in one transaction with its audit
// entry: a bulk enrolment where any person is bad (unknown in the organisation, named twice, already
// enrolled for the year) writes nothing and names every bad item (input.personIds.N). A cancelled
// enrolment is deleted; its audit entry keeps what it was (plan, date, reference), so the person can
// be enrolled again for the year and the trail still tells the story.
import { currentFiscalYear, isUniqueViolation } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { ConflictError, fieldIssue, InvalidInputError, NotFoundError, type FieldIssue } from "../errors.ts";

const alreadyEnrolled = () =>
  new ConflictError({
    ja: "同じ年度にすでに加入が記録されている人がいます。何も保存していません。",
    en: "Someone is already enrolled for that fiscal year. Nothing was saved.",
  });

/** Enrolments are recorded for last year (late paperwork), this year or the next. */
function checkEnrolmentYear(fiscalYear: number, path = "input.fiscalYear"): void {
  const current = currentFiscalYear();
  if (fiscalYear >= current - 1 && fiscalYear <= current + 1) return;
  throw new InvalidInputError([
    fieldIssue(path, {
      ja: `年度は${current - 1}〜${current + 1}年度から選んでください。`,
      en: `The fiscal year must be between ${current - 1} and ${current + 1}.`,
    }),
  ]);
}

/** "" or blanks: no reference */
const referenceOf = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

export interface EnrolInput {
  personIds: string[];
  fiscalYear: number;
  plan: string;
  enrolledOn: Date;
  reference?: string | null;
}

/** Enrols every person given for the year, all or nothing; returns the new enrolments' ids. */
export async function enrolInsurance(ctx: Context, input: EnrolInput): Promise<string[]> {
  const orgId = signedIn(ctx).orgId;
  checkEnrolmentYear(input.fiscalYear);
  return prisma()
    .$transaction(async (tx) => {
      const people = await tx.person.findMany({
        where: { orgId, id: { in: input.personIds } },
        select: {
          id: true,
          legalName: true,
          insuranceEnrolments: { where: { fiscalYear: input.fiscalYear }, select: { id: true } },
        },
      });
      const byId = new Map(people.map((p) => [p.id, p]));
      const seen = new Set<string>();
      const issues: FieldIssue[] = [];
      input.personIds.forEach((id, i) => {
        const path = `input.personIds.${i}`;
        const person = byId.get(id);
        if (!person) issues.push(fieldIssue(path, { ja: "対象の人が見つかりません。", en: "The person was not found." }));
        else if (seen.has(id))
          issues.push(fieldIssue(path, { ja: `${person.legalName}さんが2回指定されています。`, en: "The same person is listed twice." }));
        else if (person.insuranceEnrolments.length > 0)
          issues.push(
            fieldIssue(path, {
              ja: `${person.legalName}さんは${input.fiscalYear}年度にすでに加入しています。`,
              en: `This person is already enrolled for fiscal year ${input.fiscalYear}.`,
            }),
          );
        seen.add(id);
      });
      if (issues.length > 0) throw new InvalidInputError(issues);
      const data = input.personIds.map((personId) => ({
        orgId,
        personId,
        fiscalYear: input.fiscalYear,
        plan: input.plan.trim(),
        enrolledOn: input.enrolledOn,
        reference: referenceOf(input.reference),
      }));
      const created = await tx.insuranceEnrolment.createManyAndReturn({ data, select: { id: true, personId: true } });
      await audit(
        ctx,
        {
          action: "create",
          entity: "InsuranceEnrolment",
          entityId: created.length === 1 ? (created[0]?.id ?? null) : null,
          details: {
            fiscalYear: input.fiscalYear,
            plan: input.plan.trim(),
            enrolledOn: input.enrolledOn.toISOString().slice(0, 10),
            reference: referenceOf(input.reference),
            ids: created.map((c) => c.id),
            personIds: created.map((c) => c.personId),
          },
        },
        tx,
      );
      return created.map((c) => c.id);
    })
    .catch((err: unknown) => {
      // two staff enrolling the same person at once: the unique index decides
      throw isUniqueViolation(err) ? alreadyEnrolled() : err;
    });
}

export interface CorrectInput {
  plan?: string | null;
  enrolledOn?: Date | null;
  /** "" clears it */
  reference?: string | null;
}

const notFound = () => new NotFoundError({ ja: "保険の加入記録", en: "insurance enrolment" });

const snapshot = (e: { plan: string; enrolledOn: Date; reference: string | null; fiscalYear: number; personId: string }) => ({
  personId: e.personId,
  fiscalYear: e.fiscalYear,
  plan: e.plan,
  enrolledOn: e.enrolledOn.toISOString().slice(0, 10),
  reference: e.reference,
});

/** Corrects an enrolment's plan, date or reference (only the fields given). */
export function correctInsuranceEnrolment(ctx: Context, id: string, input: CorrectInput): Promise<string> {
  const orgId = signedIn(ctx).orgId;
  return prisma().$transaction(async (tx) => {
    const before = await tx.insuranceEnrolment.findFirst({ where: { id, orgId } });
    if (!before) throw notFound();
    const after = await tx.insuranceEnrolment.update({
      where: { id: before.id },
      data: {
        ...(input.plan != null ? { plan: input.plan.trim() } : {}),
        ...(input.enrolledOn != null ? { enrolledOn: input.enrolledOn } : {}),
        ...(input.reference !== undefined ? { reference: referenceOf(input.reference) } : {}),
      },
    });
    await audit(
      ctx,
      {
        action: "update",
        entity: "InsuranceEnrolment",
        entityId: before.id,
        details: { before: snapshot(before), after: snapshot(after) },
      },
      tx,
    );
    return after.id;
  });
}

/** Cancels (deletes) an enrolment; the audit entry keeps what it was. Returns its id. */
export function cancelInsuranceEnrolment(ctx: Context, id: string): Promise<string> {
  const orgId = signedIn(ctx).orgId;
  return prisma().$transaction(async (tx) => {
    const before = await tx.insuranceEnrolment.findFirst({ where: { id, orgId } });
    if (!before) throw notFound();
    await tx.insuranceEnrolment.delete({ where: { id: before.id } });
    await audit(ctx, { action: "delete", entity: "InsuranceEnrolment", entityId: before.id, details: { before: snapshot(before) } }, tx);
    return before.id;
  });
}
