// 活動記録の登録: validates a log against the group, its programme and its members (or cohort codes),
// refuses children without guardian consent, flags the uninsured, and writes it in one transaction.
import { fiscalYearOf, type Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { childrenWithoutActivityConsent } from "../child-volunteer/consent-check.ts";
import { signedIn, type Context } from "../context.ts";
import { fieldIssue, InvalidInputError, NotFoundError, type FieldIssue } from "../errors.ts";
import { guardFreeText } from "../juvenile/code-in-text.ts";
import { personLegalNameVisibleWhere, personVisibility, personVisibilitySelect } from "../person/access.ts";
import { required } from "../required.ts";

/** What a log says, whether it is written (logActivity) or edited (updateActivityLog). */
export interface ActivityLogFields {
  activityTypeCode: string;
  date: Date;
  minutes: number;
  place?: string | null;
  peopleServed?: number | null;
  description?: string | null;
  participantPersonIds?: readonly string[] | null;
  juvenileCodes?: readonly string[] | null;
  /** saves juvenile-programme text that seems to name someone next to a code (../juvenile/code-in-text.ts) */
  acknowledgeNameWarning?: boolean | null;
}

export interface LogActivityInput extends ActivityLogFields {
  groupId: string;
  submit: boolean;
}

export interface LogActivityResult {
  activityLogId: string;
  /** participants flagged: no volunteer-insurance enrolment for the log's fiscal year */
  uninsuredPersonIds: string[];
}

const unique = (xs: readonly string[] | null | undefined) => [...new Set(xs ?? [])];
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The group a log belongs to, as checkActivityLog reads it. */
export interface LogGroup {
  id: string;
  programmeId: string;
  programme: { privacyTier: string };
}

const logGroupSelect = { id: true, programmeId: true, programme: { select: { privacyTier: true } } } as const;

/** A log's fields checked against its group: what to write. */
export interface CheckedLog {
  activityTypeId: string;
  fiscalYear: number;
  /** the group's members who took part (people) */
  memberIds: string[];
  /** the cohort's juvenile participants who took part (codes) */
  juvenileIds: string[];
  /** of memberIds, those without volunteer insurance for the log's fiscal year */
  uninsuredPersonIds: string[];
}

/**
 * Checks a log's fields against its group (type of the programme, participants members on the day
 * or codes of the cohort, guardian consent in force on the day, free text naming nobody next to a
 * code) and flags the uninsured. Throws InvalidInputError (bilingual, per field) when anything is
 * wrong. Used by logActivity and updateActivityLog, in their transactions.
 */
export async function checkActivityLog(
  tx: Prisma.TransactionClient,
  ctx: Context,
  group: LogGroup,
  input: ActivityLogFields,
): Promise<CheckedLog> {
  const orgId = signedIn(ctx).orgId;
  const personIds = unique(input.participantPersonIds);
  const codes = unique(input.juvenileCodes);
  const date = input.date;
  const fiscalYear = fiscalYearOf(date);
  const juvenile = group.programme.privacyTier === "JUVENILE";

  const issues: FieldIssue[] = [];
  const activityType = await tx.activityType.findFirst({
    where: { orgId, code: input.activityTypeCode },
    select: { id: true, programmeId: true },
  });
  if (!activityType || (activityType.programmeId !== null && activityType.programmeId !== group.programmeId)) {
    issues.push(
      fieldIssue("input.activityTypeCode", {
        ja: "この団体の事業では使えない活動種別です。",
        en: "This activity type is not available for the group's programme.",
      }),
    );
  }

  if (personIds.length + codes.length === 0) {
    issues.push(
      fieldIssue("input.participantPersonIds", {
        ja: "参加者を1人以上指定してください。",
        en: "Name at least one participant.",
      }),
    );
  }

  // Juvenile cohorts are logged by pseudonymous code only; other groups by person (少年法61条).
  if (juvenile && personIds.length > 0) {
    issues.push(
      fieldIssue("input.participantPersonIds", {
        ja: "少年院ボランティアの活動は仮名コードで記録してください。",
        en: "Juvenile-programme activity is logged by pseudonymous code only.",
      }),
    );
  }
  if (!juvenile && codes.length > 0) {
    issues.push(
      fieldIssue("input.juvenileCodes", {
        ja: "仮名コードで記録できるのは少年院ボランティアの活動だけです。",
        en: "Pseudonymous codes are only for juvenile-programme cohorts.",
      }),
    );
  }

  let memberIds: string[] = [];
  if (!juvenile && personIds.length > 0) {
    const members = await tx.membership.findMany({
      where: {
        orgId,
        groupId: group.id,
        personId: { in: personIds },
        startedOn: { lte: date },
        OR: [{ endedOn: null }, { endedOn: { gte: date } }],
      },
      select: { personId: true },
      distinct: ["personId"],
    });
    const isMember = new Set(members.map((m) => m.personId));
    memberIds = personIds.filter((id) => isMember.has(id));
    personIds.forEach((id, i) => {
      if (!isMember.has(id)) {
        issues.push(
          fieldIssue(`input.participantPersonIds.${i}`, {
            ja: `参加者（${i + 1}人目）は活動日（${iso(date)}）にこの団体のメンバーではありません。`,
            en: `Participant ${i + 1} was not a member of this group on ${iso(date)}.`,
          }),
        );
      }
    });

    // 保護者同意: a child without a guardian activity consent in force on the day is never logged.
    // The child is named only to those who may see the child's name (staff, the school's coordinators).
    const withoutConsent = new Set(await childrenWithoutActivityConsent(tx, orgId, memberIds, { on: date }));
    if (withoutConsent.size > 0) {
      const children = await tx.person.findMany({
        where: { orgId, id: { in: [...withoutConsent] } },
        select: personVisibilitySelect,
      });
      // the legal name (the name of a child without a nickname) only of those the viewer may see it of
      const legalVisible = personLegalNameVisibleWhere(signedIn(ctx));
      const legal = await tx.person.findMany({
        where: { orgId, id: { in: children.filter((c) => c.displayName === null).map((c) => c.id) }, AND: [legalVisible ?? {}] },
        select: { id: true, legalName: true },
      });
      const legalNames = new Map(legal.map((c) => [c.id, c.legalName]));
      const byId = new Map(children.map((c) => [c.id, c]));
      personIds.forEach((id, i) => {
        const child = byId.get(id);
        if (!child) return;
        const name = personVisibility(ctx, child).name ? (child.displayName ?? legalNames.get(child.id) ?? null) : null;
        issues.push(
          name
            ? fieldIssue(`input.participantPersonIds.${i}`, {
                ja: `${name}さんは保護者の活動参加同意（有効なもの）がないため、活動を記録できません。`,
                en: `${name} has no valid guardian consent to take part in activities, so the activity cannot be logged.`,
              })
            : fieldIssue(`input.participantPersonIds.${i}`, {
                ja: `参加者（${i + 1}人目）は保護者の活動参加同意（有効なもの）がないため、活動を記録できません。`,
                en: `Participant ${i + 1} has no valid guardian consent to take part in activities, so the activity cannot be logged.`,
              }),
        );
      });
    }
  }

  let juvenileIds: string[] = [];
  if (juvenile && codes.length > 0) {
    const youths = await tx.juvenileParticipant.findMany({
      where: { orgId, cohortId: group.id, code: { in: codes } },
      select: { id: true, code: true, joinedOn: true, leftOn: true },
    });
    const byCode = new Map(youths.map((y) => [y.code, y]));
    codes.forEach((code, i) => {
      const y = byCode.get(code);
      if (!y) {
        issues.push(
          fieldIssue(`input.juvenileCodes.${i}`, {
            ja: `コード ${code} はこの受入れ期の参加者にありません。`,
            en: `The code ${code} is not a participant of this cohort.`,
          }),
        );
      } else if (y.joinedOn > date || (y.leftOn !== null && y.leftOn < date)) {
        issues.push(
          fieldIssue(`input.juvenileCodes.${i}`, {
            ja: `コード ${code} の参加者は活動日（${iso(date)}）に参加期間外です。`,
            en: `The participant ${code} was not taking part on ${iso(date)}.`,
          }),
        );
      }
    });
    juvenileIds = youths.map((y) => y.id);
  }

  if (issues.length > 0) throw new InvalidInputError(issues);
  // a cohort's log stays with staff and the liaison; any other group's is read by its members' accounts
  await guardFreeText(tx, orgId, { juvenile, acknowledgeNameWarning: input.acknowledgeNameWarning }, [
    { path: "input.place", text: input.place, what: { ja: "場所", en: "place" } },
    { path: "input.description", text: input.description, what: { ja: "内容", en: "description" } },
  ]);

  // ボランティア活動保険: logging someone uncovered is flagged, not refused.
  const insured = new Set(
    memberIds.length === 0
      ? []
      : (
          await tx.insuranceEnrolment.findMany({
            where: { orgId, personId: { in: memberIds }, fiscalYear },
            select: { personId: true },
          })
        ).map((e) => e.personId),
  );
  const uninsuredPersonIds = memberIds.filter((id) => !insured.has(id));
  return {
    activityTypeId: required(activityType, "activity type (checked above)").id,
    fiscalYear,
    memberIds,
    juvenileIds,
    uninsuredPersonIds,
  };
}

/** The participant rows of a checked log, each with the log's minutes. */
export function participantRows(orgId: string, activityLogId: string, checked: CheckedLog, minutes: number) {
  const uninsured = new Set(checked.uninsuredPersonIds);
  return [
    ...checked.memberIds.map((personId) => ({ orgId, activityLogId, personId, minutes, uninsured: uninsured.has(personId) })),
    // juvenile participants are covered through the institution, not per person
    ...checked.juvenileIds.map((juvenileParticipantId) => ({ orgId, activityLogId, juvenileParticipantId, minutes, uninsured: false })),
  ];
}

export async function logActivity(ctx: Context, input: LogActivityInput): Promise<LogActivityResult> {
  const viewer = signedIn(ctx);
  const orgId = viewer.orgId;

  return prisma().$transaction(async (tx) => {
    const group = await tx.group.findFirst({ where: { id: input.groupId, orgId }, select: logGroupSelect });
    if (!group) throw new NotFoundError({ ja: "団体", en: "group" });
    const checked = await checkActivityLog(tx, ctx, group, input);

    const now = new Date();
    const log = await tx.activityLog.create({
      data: {
        orgId,
        groupId: group.id,
        activityTypeId: checked.activityTypeId,
        date: input.date,
        fiscalYear: checked.fiscalYear,
        minutes: input.minutes,
        place: input.place ?? null,
        peopleServed: input.peopleServed ?? null,
        description: input.description ?? null,
        status: input.submit ? "SUBMITTED" : "DRAFT",
        submittedById: input.submit ? viewer.userId : null,
        submittedAt: input.submit ? now : null,
      },
      select: { id: true },
    });
    await tx.activityLogParticipant.createMany({ data: participantRows(orgId, log.id, checked, input.minutes) });
    await audit(
      ctx,
      {
        action: "create",
        entity: "ActivityLog",
        entityId: log.id,
        details: {
          groupId: group.id,
          status: input.submit ? "SUBMITTED" : "DRAFT",
          participants: checked.memberIds.length + checked.juvenileIds.length,
          uninsured: checked.uninsuredPersonIds.length,
        },
      },
      tx,
    );
    return { activityLogId: log.id, uninsuredPersonIds: checked.uninsuredPersonIds };
  });
}
