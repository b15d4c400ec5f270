// Staff create, edit and close groups (団体). Each change runs in one transaction with its audit
// entry, so a refused change writes nothing. Rules (docs/api.md#groups):
//  - the kind (and so the programme, privacy tier and roles) is chosen at creation and never changes;
//  - a 部会 (kind `subcommittee`) belongs to the network (a group of kind `network`); no other kind has a parent;
//  - the area and school are the organisation's; a school is named for a school group (CHILD tier) only;
//  - the institution is named for a juvenile cohort only (its youths are codes, never people: a group
//    holds no personal data of theirs); ほっこり相談 is held at salons (SALON tier) only;
//  - free text never carries a juvenile participant's code outside the juvenile programme;
//  - closing (endedOn) ends the open memberships that day (history kept), refuses while 部会 of
//    the group are open or events are planned after that day; a closed group takes no new member
//    or event (roster/membership.ts, event/plan-event.ts) and stays readable.
import { isUniqueViolation, type Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { ConflictError, fieldIssue, InvalidInputError, NotFoundError, type FieldIssue } from "../errors.ts";
import { guardFreeText } from "../juvenile/code-in-text.ts";

type Tx = Prisma.TransactionClient;
type PlannedQuery = object;

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The fields of a group staff write (create and edit); null clears an optional one. */
export interface GroupFields {
  name: string;
  nameKana: string | null;
  nickname: string | null;
  description: string | null;
  venue: string | null;
  meetingSchedule: string | null;
  hostsHokkoriConsultation: boolean;
  institution: string | null;
  areaId: string | null;
  schoolId: string | null;
  parentId: string | null;
  startedOn: Date | null;
  acknowledgeNameWarning?: boolean | null;
}

export interface CreateGroupInput extends GroupFields {
  kindCode: string;
}

export interface UpdateGroupInput extends GroupFields {
  id: string;
}

interface KindRow {
  id: string;
  code: string;
  programmeId: string;
  programme: { privacyTier: string };
}

/** Every rule that reads the database, checked together so that a form shows all its problems at once. */
async function checkFields(tx: Tx, orgId: string, kind: KindRow, fields: GroupFields, selfId: string | null): Promise<void> {
  const issues: FieldIssue[] = [];
  const tier = kind.programme.privacyTier;
  if (fields.areaId && !(await tx.area.findFirst({ where: { id: fields.areaId, orgId }, select: { id: true } }))) {
    issues.push(fieldIssue("input.areaId", { ja: "地区が見つかりません。", en: "There is no such area." }));
  }
  if (fields.schoolId) {
    if (tier !== "CHILD") {
      issues.push(
        fieldIssue("input.schoolId", {
          ja: "学校を指定できるのは、子ども福祉委員の学校の団体だけです。",
          en: "Only a school group of child welfare volunteers names a school.",
        }),
      );
    } else if (!(await tx.school.findFirst({ where: { id: fields.schoolId, orgId }, select: { id: true } }))) {
      issues.push(fieldIssue("input.schoolId", { ja: "学校が見つかりません。", en: "There is no such school." }));
    }
  } else if (tier === "CHILD") {
    issues.push(fieldIssue("input.schoolId", { ja: "学校を選んでください。", en: "Choose the school." }));
  }
  if (kind.code === "subcommittee") {
    const parent = fields.parentId
      ? await tx.group.findFirst({ where: { id: fields.parentId, orgId }, select: { id: true, kind: { select: { code: true } } } })
      : null;
    if (!parent || parent.kind.code !== "network" || parent.id === selfId) {
      issues.push(
        fieldIssue("input.parentId", {
          ja: "部会の親には、草の根ネットワークを選んでください。",
          en: "A subcommittee's parent must be the network.",
        }),
      );
    }
  } else if (fields.parentId) {
    issues.push(
      fieldIssue("input.parentId", {
        ja: "親の団体を指定できるのは部会だけです。",
        en: "Only a subcommittee has a parent group.",
      }),
    );
  }
  if (fields.institution && tier !== "JUVENILE") {
    issues.push(
      fieldIssue("input.institution", {
        ja: "施設名は少年院ボランティアの受入れ期にだけ記録します。",
        en: "Only a juvenile cohort names an institution.",
      }),
    );
  }
  if (!fields.institution && tier === "JUVENILE") {
    issues.push(fieldIssue("input.institution", { ja: "施設名を入力してください。", en: "Enter the institution." }));
  }
  if (fields.hostsHokkoriConsultation && tier !== "SALON") {
    issues.push(
      fieldIssue("input.hostsHokkoriConsultation", {
        ja: "まちなかほっこり相談は、サロン・カフェでだけ実施できます。",
        en: "Hokkori consultations are held at salons and cafés only.",
      }),
    );
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  // a group's name and texts are read by everyone of the organisation (juvenile: staff and the liaison)
  await guardFreeText(tx, orgId, { juvenile: tier === "JUVENILE", acknowledgeNameWarning: fields.acknowledgeNameWarning }, [
    { path: "input.name", text: fields.name, what: { ja: "団体名", en: "name" } },
    { path: "input.nickname", text: fields.nickname, what: { ja: "愛称", en: "nickname" } },
    { path: "input.description", text: fields.description, what: { ja: "説明", en: "description" } },
    { path: "input.venue", text: fields.venue, what: { ja: "会場", en: "venue" } },
    { path: "input.meetingSchedule", text: fields.meetingSchedule, what: { ja: "開催日時", en: "meeting schedule" } },
  ]);
}

function columns(fields: GroupFields) {
  return {
    name: fields.name,
    nameKana: fields.nameKana,
    nickname: fields.nickname,
    description: fields.description,
    venue: fields.venue,
    meetingSchedule: fields.meetingSchedule,
    hostsHokkoriConsultation: fields.hostsHokkoriConsultation,
    institution: fields.institution,
    areaId: fields.areaId,
    schoolId: fields.schoolId,
    parentId: fields.parentId,
    startedOn: fields.startedOn,
  };
}

/** The unique (orgId, kindId, name): two groups of a kind never share a name. */
function duplicateName(err: unknown, name: string): never {
  if (isUniqueViolation(err)) {
    throw new InvalidInputError([
      fieldIssue("input.name", {
        ja: `同じ種類の団体「${name}」がすでにあります。別の名前にしてください。`,
        en: "A group of this kind already has this name.",
      }),
    ]);
  }
  throw err;
}

/** What the audit trail keeps of a change: the fields set, not their text (the row holds that). */
const changedFields = (fields: GroupFields) =>
  Object.entries(columns(fields))
    .filter(([, v]) => v !== null && v !== false)
    .map(([k]) => k);

export function createGroup(ctx: Context, input: CreateGroupInput, query: PlannedQuery = {}) {
  const orgId = signedIn(ctx).orgId;
  return prisma().$transaction(async (tx) => {
    const kind = await tx.groupKind.findFirst({
      where: { orgId, code: input.kindCode },
      select: { id: true, code: true, programmeId: true, programme: { select: { privacyTier: true } } },
    });
    if (!kind) {
      throw new InvalidInputError([
        fieldIssue("input.kindCode", {
          ja: `団体の種類「${input.kindCode}」はありません。`,
          en: `There is no group kind "${input.kindCode}".`,
        }),
      ]);
    }
    await checkFields(tx, orgId, kind, input, null);
    const group = await tx.group
      .create({
        ...(query as Pick<Prisma.GroupCreateArgs, "include">),
        data: { orgId, programmeId: kind.programmeId, kindId: kind.id, ...columns(input) },
      })
      .catch((err: unknown) => duplicateName(err, input.name));
    await audit(
      ctx,
      { action: "create", entity: "Group", entityId: group.id, details: { kind: kind.code, fields: changedFields(input) } },
      tx,
    );
    return group;
  });
}

const groupKindSelect = {
  id: true,
  name: true,
  endedOn: true,
  startedOn: true,
  kind: { select: { id: true, code: true, programmeId: true, programme: { select: { privacyTier: true } } } },
} as const;

async function findGroup(tx: Tx, orgId: string, id: string) {
  const group = await tx.group.findFirst({ where: { id, orgId }, select: groupKindSelect });
  if (!group) throw new NotFoundError({ ja: "団体", en: "group" });
  return group;
}

/** Edits a group, closed ones too (their history stays readable and correctable); the kind never changes. */
export function updateGroup(ctx: Context, input: UpdateGroupInput, query: PlannedQuery = {}) {
  const orgId = signedIn(ctx).orgId;
  return prisma().$transaction(async (tx) => {
    const before = await findGroup(tx, orgId, input.id);
    await checkFields(tx, orgId, before.kind, input, before.id);
    if (before.endedOn && input.startedOn && input.startedOn > before.endedOn) {
      throw new InvalidInputError([
        fieldIssue("input.startedOn", {
          ja: `開始日は終了日（${iso(before.endedOn)}）以前にしてください。`,
          en: `The start date must be on or before the end date (${iso(before.endedOn)}).`,
        }),
      ]);
    }
    const group = await tx.group
      .update({ ...(query as Pick<Prisma.GroupUpdateArgs, "include">), where: { id: before.id }, data: columns(input) })
      .catch((err: unknown) => duplicateName(err, input.name));
    await audit(
      ctx,
      { action: "update", entity: "Group", entityId: group.id, details: { change: "edit", fields: changedFields(input) } },
      tx,
    );
    return group;
  });
}

export interface CloseGroupInput {
  id: string;
  endedOn: Date;
  reason: string | null;
}

/** Closes a group on a day: its open memberships (and a cohort's participants) end that day; nothing is deleted. */
export function closeGroup(ctx: Context, input: CloseGroupInput, query: PlannedQuery = {}) {
  const orgId = signedIn(ctx).orgId;
  return prisma().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Group" WHERE "id" = ${input.id}::uuid AND "orgId" = ${orgId}::uuid FOR UPDATE`;
    const group = await findGroup(tx, orgId, input.id);
    if (group.endedOn) {
      throw new ConflictError({
        ja: `「${group.name}」は ${iso(group.endedOn)} にすでに終了しています。`,
        en: `The group was already closed on ${iso(group.endedOn)}.`,
      });
    }
    if (group.startedOn && input.endedOn < group.startedOn) {
      throw new InvalidInputError([
        fieldIssue("input.endedOn", {
          ja: `終了日は開始日（${iso(group.startedOn)}）以降にしてください。`,
          en: `The end date must be on or after the start date (${iso(group.startedOn)}).`,
        }),
      ]);
    }
    const openSubgroups = await tx.group.count({ where: { orgId, parentId: group.id, endedOn: null } });
    if (openSubgroups > 0) {
      throw new ConflictError({
        ja: `「${group.name}」には活動中の部会が${openSubgroups}つあります。先に部会を終了してください。`,
        en: `The group still has ${openSubgroups} open subcommittee(s); close them first.`,
      });
    }
    const dayAfter = new Date(input.endedOn.getTime() + 86_400_000);
    const planned = await tx.event.count({ where: { orgId, groupId: group.id, status: "PLANNED", startsAt: { gte: dayAfter } } });
    if (planned > 0) {
      throw new ConflictError({
        ja: `終了日より後に予定中のイベントが${planned}件あります。先に中止してください。`,
        en: `${planned} planned event(s) fall after the end date; cancel them first.`,
      });
    }
    const late = await tx.membership.count({ where: { orgId, groupId: group.id, endedOn: null, startedOn: { gt: input.endedOn } } });
    if (late > 0) {
      throw new InvalidInputError([
        fieldIssue("input.endedOn", {
          ja: `終了日より後に始まる所属が${late}件あります。終了日を見直してください。`,
          en: `${late} membership(s) start after the end date; check the date.`,
        }),
      ]);
    }
    // the reason is read on the roster's history
    await guardFreeText(tx, orgId, { juvenile: group.kind.programme.privacyTier === "JUVENILE" }, [
      { path: "input.reason", text: input.reason, what: { ja: "理由", en: "reason" } },
    ]);
    const reason = input.reason?.trim() || "団体の活動終了";
    const ended = await tx.membership.updateMany({
      where: { orgId, groupId: group.id, endedOn: null },
      data: { endedOn: input.endedOn, endReason: reason },
    });
    const left = await tx.juvenileParticipant.updateMany({
      where: { orgId, cohortId: group.id, leftOn: null, joinedOn: { lte: input.endedOn } },
      data: { leftOn: input.endedOn },
    });
    const closed = await tx.group.update({
      ...(query as Pick<Prisma.GroupUpdateArgs, "include">),
      where: { id: group.id },
      data: { endedOn: input.endedOn },
    });
    await audit(
      ctx,
      {
        action: "update",
        entity: "Group",
        entityId: group.id,
        details: { change: "close", endedOn: iso(input.endedOn), reason, membershipsEnded: ended.count, participantsLeft: left.count },
      },
      tx,
    );
    return closed;
  });
}
