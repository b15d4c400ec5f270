// Changes to rosters: add, end, transfer, change role. Each runs in one transaction with its audit
// entries, so a refused change writes nothing. History is kept: nothing is deleted; a transfer or
// a role change ends one row (the day before) and starts another — a role change carries over the
// day the person joined the group (joinedOn). A role must be one the group's kind uses
// (GroupKindRole); a single-holder role (代表, 部会長) has at most one current holder per group,
// and a new holder takes it over only with `endCurrentHolder` (the hand-over, in the same
// transaction). A closed group (endedOn set) takes no new member.
import { addDays, isUniqueViolation, type Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { ConflictError, fieldIssue, ForbiddenError, InvalidInputError, NotFoundError } from "../errors.ts";
import { guardFreeText } from "../juvenile/code-in-text.ts";
import { assertNoNamedPersonInCohort } from "../juvenile/cohort-people.ts";
import { scopedGroupIds } from "../organization/access.ts";
import { personVisibility, personVisibilitySelect } from "../person/access.ts";
import { guardDuplicates } from "../person/duplicates.ts";

type Tx = Prisma.TransactionClient;

/** The selection Pothos planned for the returned record (relations the client asked for). */
type PlannedQuery = object;

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A membership's end reason, read on the roster's history: never a juvenile code (../juvenile/code-in-text.ts). */
const reasonText = (reason: string | null | undefined) => ({ path: "input.reason", text: reason, what: { ja: "理由", en: "reason" } });

const groupSelect = {
  id: true,
  orgId: true,
  name: true,
  endedOn: true,
  kindId: true,
  kind: { select: { name: true, nameEn: true } },
  programme: { select: { privacyTier: true } },
} as const;

type GroupRow = Prisma.GroupGetPayload<{ select: typeof groupSelect }>;

async function findGroup(tx: Tx, ctx: Context, groupId: string): Promise<GroupRow> {
  const group = await tx.group.findFirst({ where: { id: groupId, orgId: signedIn(ctx).orgId }, select: groupSelect });
  if (!group) throw new NotFoundError({ ja: "団体", en: "group" });
  return group;
}

/**
 * Who may change a group's roster: staff of its organisation, or the coordinator, subcommittee
 * member or salon leader whose scope it is. Juvenile cohorts hold no Person (their youths are
 * codes), so only staff touch them; the institution liaison reads, never writes, here.
 */
function assertCanManage(ctx: Context, group: GroupRow): void {
  const viewer = signedIn(ctx);
  if (group.orgId !== viewer.orgId) throw new NotFoundError({ ja: "団体", en: "group" });
  if (viewer.isStaff) return;
  if (group.programme.privacyTier !== "JUVENILE" && scopedGroupIds(viewer).includes(group.id)) return;
  throw new ForbiddenError({
    ja: `「${group.name}」の名簿を変更する権限がありません。`,
    en: "You are not allowed to change this group's roster.",
  });
}

/**
 * Staff may put anyone of the organisation on a roster. Others only someone whose name they may
 * already see (../person/access.ts): otherwise adding a person to one's own group would reveal
 * their name (a child's, or a network member's). New volunteers are registered by staff (createPerson).
 */
async function findPersonToPlace(tx: Tx, ctx: Context, personId: string, group: GroupRow, groupPath: string) {
  // a cohort's youths are codes, never people: refused to staff too
  assertNoNamedPersonInCohort(group, groupPath);
  const person = await tx.person.findFirst({ where: { id: personId, orgId: signedIn(ctx).orgId }, select: personVisibilitySelect });
  if (!person) throw new NotFoundError({ ja: "人", en: "person" });
  if (signedIn(ctx).isStaff) return person;
  if (person.childVolunteer && !signedIn(ctx).schoolGroupIds.includes(group.id)) {
    throw new ForbiddenError({
      ja: "子ども福祉委員は、その学校の団体にのみ、学校の担当者か社協職員が登録できます。",
      en: "A child volunteer is placed only in their school's group, by its coordinator or by staff.",
    });
  }
  if (!personVisibility(ctx, person).name) {
    throw new ForbiddenError({
      ja: "この人を名簿に追加する権限がありません。社協職員に依頼してください。",
      en: "You may not add this person to a roster; ask the volunteer centre staff.",
    });
  }
  return person;
}

/**
 * 子ども福祉委員 are registered through 子ども福祉委員の登録 (../child-volunteer/register.ts: grade,
 * guardian, consent), never placed on a roster as anyone: a school group's member, or anyone in the
 * role child-volunteer, must have a ChildVolunteer record. Checked by every path that starts a
 * membership (add, transfer, change of role).
 */
async function assertRegisteredChild(tx: Tx, ctx: Context, group: GroupRow, personId: string, roleCode: string, path: string) {
  if (group.programme.privacyTier !== "CHILD" && roleCode !== "child-volunteer") return;
  const record = await tx.childVolunteer.findFirst({ where: { orgId: signedIn(ctx).orgId, personId }, select: { id: true } });
  if (record) return;
  throw new InvalidInputError([
    fieldIssue(path, {
      ja: "子ども福祉委員は、名簿からではなく「子ども福祉委員の登録」（学年・保護者・同意）から登録してください。",
      en: "Child volunteers are added through child volunteer registration (grade, guardian and consent), not from a roster.",
    }),
  ]);
}

const roleSelect = { id: true, code: true, name: true, nameEn: true, singleHolder: true } as const;

/** A role of the organisation that the group's kind uses; anything else is refused at `path`. */
async function findRole(tx: Tx, ctx: Context, code: string, group: GroupRow, path: string) {
  const role = await tx.groupRole.findFirst({ where: { orgId: signedIn(ctx).orgId, code }, select: roleSelect });
  if (!role) {
    throw new InvalidInputError([
      fieldIssue(path, { ja: `役割「${code}」は登録されていません。`, en: `There is no group role "${code}".` }),
    ]);
  }
  const ofKind = await tx.groupKindRole.findFirst({ where: { orgId: group.orgId, kindId: group.kindId, groupRoleId: role.id } });
  if (!ofKind) {
    throw new InvalidInputError([
      fieldIssue(path, {
        ja: `「${role.name}」は「${group.kind.name}」の役割ではありません。この団体で使える役割から選んでください。`,
        en: `${role.nameEn} is not a role of a ${group.kind.nameEn.toLowerCase()}; choose one of the group's roles.`,
      }),
    ]);
  }
  return role;
}

type RoleRow = Awaited<ReturnType<typeof findRole>>;

export interface HandOver {
  /** end the current holder's single-holder role the day before (the hand-over) */
  endCurrentHolder?: boolean | null;
  /** the role the previous holder continues in from `on` (e.g. member); none: they leave the group */
  previousHolderRoleCode?: string | null;
}

/**
 * A single-holder role has at most one current holder per group. With `endCurrentHolder` the
 * current holder's row ends the day before `on` (reason 「…交代」) and, when given, they continue
 * in `previousHolderRoleCode` keeping the day they joined; without it a second holder is refused.
 * The group row is locked first, so two hand-overs on PostgreSQL cannot both pass the check.
 */
async function takeOverSingleHolderRole(
  tx: Tx,
  ctx: Context,
  group: GroupRow,
  role: RoleRow,
  on: Date,
  handOver: HandOver,
  exceptMembershipId: string | null,
) {
  if (!role.singleHolder) return;
  await tx.$queryRaw`SELECT "id" FROM "Group" WHERE "id" = ${group.id}::uuid FOR UPDATE`;
  const holders = await tx.membership.findMany({
    where: {
      orgId: group.orgId,
      groupId: group.id,
      groupRoleId: role.id,
      endedOn: null,
      ...(exceptMembershipId ? { id: { not: exceptMembershipId } } : {}),
    },
    select: { id: true, personId: true, startedOn: true, joinedOn: true, person: { select: { displayName: true, legalName: true } } },
  });
  if (holders.length === 0) return;
  if (!handOver.endCurrentHolder) {
    throw new ConflictError({
      ja: `「${group.name}」の「${role.name}」はすでに決まっています（${holders.map((h) => h.person.displayName ?? h.person.legalName).join("、")}）。引き継ぐときは、今の${role.name}を同時に終了してください。`,
      en: `The group already has a ${role.nameEn.toLowerCase()}; to hand over, end the current holder's role in the same change (endCurrentHolder).`,
    });
  }
  const next = handOver.previousHolderRoleCode
    ? await findRole(tx, ctx, handOver.previousHolderRoleCode, group, "input.previousHolderRoleCode")
    : null;
  if (next?.singleHolder) {
    throw new InvalidInputError([
      fieldIssue("input.previousHolderRoleCode", {
        ja: `前任者の次の役割に「${next.name}」は選べません（一人だけの役割です）。`,
        en: `The previous holder cannot continue as ${next.nameEn.toLowerCase()}: it is a single-holder role.`,
      }),
    ]);
  }
  const reason = `${role.name}交代`;
  for (const holder of holders) {
    const endedOn = dayBefore(on, holder.startedOn, "role");
    await tx.membership.update({ where: { id: holder.id }, data: { endedOn, endReason: reason } });
    let continued: { id: string } | null = null;
    if (next) {
      continued = await createMembership(tx, ctx, {
        groupId: group.id,
        personId: holder.personId,
        groupRoleId: next.id,
        startedOn: on,
        joinedOn: holder.joinedOn ?? holder.startedOn,
        roleName: next.name,
        groupName: group.name,
      });
    }
    await audit(
      ctx,
      {
        action: "update",
        entity: "Membership",
        entityId: holder.id,
        details: {
          change: "hand-over",
          endedOn: iso(endedOn),
          reason,
          ...(continued ? { nextMembershipId: continued.id, continuesAs: next?.code } : {}),
        },
      },
      tx,
    );
    if (continued) {
      await audit(
        ctx,
        {
          action: "create",
          entity: "Membership",
          entityId: continued.id,
          details: { change: "role-start", fromMembershipId: holder.id, from: role.code, role: next?.code ?? null, startedOn: iso(on) },
        },
        tx,
      );
    }
  }
}

async function findOpenMembership(tx: Tx, ctx: Context, membershipId: string) {
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, orgId: signedIn(ctx).orgId },
    include: { group: { select: groupSelect }, groupRole: { select: { id: true, code: true, name: true } } },
  });
  if (!membership) throw new NotFoundError({ ja: "所属", en: "membership" });
  assertCanManage(ctx, membership.group);
  if (membership.endedOn) {
    throw new ConflictError({
      ja: `この所属はすでに終了しています（終了日 ${iso(membership.endedOn)}）。`,
      en: `This membership has already ended (on ${iso(membership.endedOn)}).`,
    });
  }
  return membership;
}

/** A closed group (endedOn set) keeps its history but takes no new member and no role change. */
function assertGroupOpen(group: GroupRow) {
  if (group.endedOn) {
    throw new ConflictError({
      ja: `「${group.name}」は ${iso(group.endedOn)} に活動を終了しています。終了した団体の名簿は変更できません（履歴は閲覧できます）。`,
      en: `The group was closed on ${iso(group.endedOn)}; its roster cannot change any more (its history stays readable).`,
    });
  }
}

/** The partial unique index "Membership_one_open_per_role" refuses a second open row. */
const isOpenMembershipConflict = (err: unknown) => isUniqueViolation(err, { name: "Membership_one_open_per_role", column: "groupRoleId" });

async function createMembership(
  tx: Tx,
  ctx: Context,
  data: {
    groupId: string;
    personId: string;
    groupRoleId: string;
    startedOn: Date;
    /** the day they joined the group, when earlier than startedOn (a role change) */
    joinedOn?: Date | null;
    roleName: string;
    groupName: string;
  },
  query: PlannedQuery = {},
) {
  try {
    return await tx.membership.create({
      ...(query as Pick<Prisma.MembershipCreateArgs, "include">),
      data: {
        orgId: signedIn(ctx).orgId,
        groupId: data.groupId,
        personId: data.personId,
        groupRoleId: data.groupRoleId,
        startedOn: data.startedOn,
        joinedOn: data.joinedOn && data.joinedOn < data.startedOn ? data.joinedOn : null,
      },
    });
  } catch (err) {
    if (!isOpenMembershipConflict(err)) throw err;
    throw new ConflictError({
      ja: `この人はすでに「${data.groupName}」に「${data.roleName}」として所属しています（終了していない所属があります）。`,
      en: "This person already has an open membership of this group in the same role.",
    });
  }
}

export interface AddMembershipInput extends HandOver {
  groupId: string;
  personId: string;
  roleCode: string;
  startedOn: Date;
}

export function addMembership(ctx: Context, input: AddMembershipInput, query: PlannedQuery = {}) {
  return prisma().$transaction(async (tx) => {
    const group = await findGroup(tx, ctx, input.groupId);
    assertCanManage(ctx, group);
    const person = await findPersonToPlace(tx, ctx, input.personId, group, "input.groupId");
    assertGroupOpen(group);
    const role = await findRole(tx, ctx, input.roleCode, group, "input.roleCode");
    await assertRegisteredChild(tx, ctx, group, person.id, role.code, "input.personId");
    await takeOverSingleHolderRole(tx, ctx, group, role, input.startedOn, input, null);
    const membership = await createMembership(
      tx,
      ctx,
      {
        groupId: group.id,
        personId: person.id,
        groupRoleId: role.id,
        startedOn: input.startedOn,
        roleName: role.name,
        groupName: group.name,
      },
      query,
    );
    await audit(
      ctx,
      {
        action: "create",
        entity: "Membership",
        entityId: membership.id,
        details: { groupId: group.id, personId: person.id, role: role.code, startedOn: iso(input.startedOn) },
      },
      tx,
    );
    return membership;
  });
}

export interface EndMembershipInput {
  membershipId: string;
  endedOn: Date;
  reason: string;
}

export function endMembership(ctx: Context, input: EndMembershipInput, query: PlannedQuery = {}) {
  return prisma().$transaction(async (tx) => {
    const membership = await findOpenMembership(tx, ctx, input.membershipId);
    await guardFreeText(tx, signedIn(ctx).orgId, { juvenile: false }, [reasonText(input.reason)]);
    if (input.endedOn < membership.startedOn) {
      throw new InvalidInputError([
        fieldIssue("input.endedOn", {
          ja: `終了日は開始日（${iso(membership.startedOn)}）以降の日付にしてください。`,
          en: `The end date must be on or after the start date (${iso(membership.startedOn)}).`,
        }),
      ]);
    }
    const ended = await tx.membership.update({
      ...(query as Pick<Prisma.MembershipUpdateArgs, "include">),
      where: { id: membership.id },
      data: { endedOn: input.endedOn, endReason: input.reason.trim() },
    });
    await audit(
      ctx,
      {
        action: "update",
        entity: "Membership",
        entityId: membership.id,
        details: { change: "end", endedOn: iso(input.endedOn), reason: input.reason.trim() },
      },
      tx,
    );
    return ended;
  });
}

/** The day a row ends when the next starts on `on`; refused if that is before the row began. */
function dayBefore(on: Date, startedOn: Date, what: "transfer" | "role"): Date {
  const end = addDays(on, -1);
  if (end < startedOn) {
    throw new InvalidInputError([
      fieldIssue("input.on", {
        ja: `${what === "transfer" ? "異動日" : "変更日"}は、今の所属の開始日（${iso(startedOn)}）の翌日以降にしてください。`,
        en: `The ${what === "transfer" ? "transfer" : "change"} date must be after the current membership's start (${iso(startedOn)}).`,
      }),
    ]);
  }
  return end;
}

export interface TransferMembershipInput extends HandOver {
  membershipId: string;
  toGroupId: string;
  roleCode?: string | null;
  on: Date;
  reason?: string | null;
}

export function transferMembership(ctx: Context, input: TransferMembershipInput) {
  return prisma().$transaction(async (tx) => {
    const membership = await findOpenMembership(tx, ctx, input.membershipId);
    const target = await findGroup(tx, ctx, input.toGroupId);
    assertCanManage(ctx, target);
    await guardFreeText(tx, signedIn(ctx).orgId, { juvenile: false }, [reasonText(input.reason)]);
    if (target.id === membership.groupId) {
      throw new InvalidInputError([
        fieldIssue("input.toGroupId", {
          ja: "異動先が今と同じ団体です。役割を変えるときは「役割の変更」を使ってください。",
          en: "The target is the same group; use changeMembershipRole to change a role.",
        }),
      ]);
    }
    await findPersonToPlace(tx, ctx, membership.personId, target, "input.toGroupId");
    assertGroupOpen(target);
    const role = await findRole(tx, ctx, input.roleCode ?? membership.groupRole.code, target, "input.roleCode");
    await assertRegisteredChild(tx, ctx, target, membership.personId, role.code, "input.toGroupId");
    const endedOn = dayBefore(input.on, membership.startedOn, "transfer");
    await takeOverSingleHolderRole(tx, ctx, target, role, input.on, input, null);
    const reason = input.reason?.trim() || `異動（${target.name}へ）`;
    const ended = await tx.membership.update({ where: { id: membership.id }, data: { endedOn, endReason: reason } });
    const started = await createMembership(tx, ctx, {
      groupId: target.id,
      personId: membership.personId,
      groupRoleId: role.id,
      startedOn: input.on,
      roleName: role.name,
      groupName: target.name,
    });
    await audit(
      ctx,
      {
        action: "update",
        entity: "Membership",
        entityId: ended.id,
        details: { change: "transfer-out", endedOn: iso(endedOn), reason, toGroupId: target.id, nextMembershipId: started.id },
      },
      tx,
    );
    await audit(
      ctx,
      {
        action: "create",
        entity: "Membership",
        entityId: started.id,
        details: { change: "transfer-in", fromMembershipId: ended.id, groupId: target.id, role: role.code, startedOn: iso(input.on) },
      },
      tx,
    );
    return { ended, started };
  });
}

export interface ChangeMembershipRoleInput extends HandOver {
  membershipId: string;
  roleCode: string;
  on: Date;
  reason?: string | null;
}

export function changeMembershipRole(ctx: Context, input: ChangeMembershipRoleInput) {
  return prisma().$transaction(async (tx) => {
    const membership = await findOpenMembership(tx, ctx, input.membershipId);
    assertNoNamedPersonInCohort(membership.group, "input.membershipId");
    await guardFreeText(tx, signedIn(ctx).orgId, { juvenile: false }, [reasonText(input.reason)]);
    assertGroupOpen(membership.group);
    const role = await findRole(tx, ctx, input.roleCode, membership.group, "input.roleCode");
    await assertRegisteredChild(tx, ctx, membership.group, membership.personId, role.code, "input.roleCode");
    if (role.id === membership.groupRoleId) {
      throw new InvalidInputError([
        fieldIssue("input.roleCode", {
          ja: `すでに「${role.name}」です。別の役割を選んでください。`,
          en: "The membership already has this role.",
        }),
      ]);
    }
    const endedOn = dayBefore(input.on, membership.startedOn, "role");
    await takeOverSingleHolderRole(tx, ctx, membership.group, role, input.on, input, membership.id);
    const reason = input.reason?.trim() || `役割変更（${membership.groupRole.name} → ${role.name}）`;
    const ended = await tx.membership.update({ where: { id: membership.id }, data: { endedOn, endReason: reason } });
    const started = await createMembership(tx, ctx, {
      groupId: membership.groupId,
      personId: membership.personId,
      groupRoleId: role.id,
      startedOn: input.on,
      joinedOn: membership.joinedOn ?? membership.startedOn,
      roleName: role.name,
      groupName: membership.group.name,
    });
    await audit(
      ctx,
      {
        action: "update",
        entity: "Membership",
        entityId: ended.id,
        details: { change: "role-end", endedOn: iso(endedOn), reason, nextMembershipId: started.id },
      },
      tx,
    );
    await audit(
      ctx,
      {
        action: "create",
        entity: "Membership",
        entityId: started.id,
        details: {
          change: "role-start",
          fromMembershipId: ended.id,
          from: membership.groupRole.code,
          role: role.code,
          startedOn: iso(input.on),
        },
      },
      tx,
    );
    return { ended, started };
  });
}

export interface CreatePersonInput {
  legalName: string;
  legalNameKana: string;
  displayName: string | null;
  phone: string | null;
  email: string | null;
  areaId: string | null;
}

/** Registers a new volunteer (staff only; checked by the field's auth scope). */
export function createPerson(ctx: Context, input: CreatePersonInput, acknowledgeDuplicates: boolean, query: PlannedQuery = {}) {
  return prisma().$transaction(async (tx) => {
    const orgId = signedIn(ctx).orgId;
    if (!acknowledgeDuplicates) await guardDuplicates(tx, orgId, input);
    // a name is read by everyone whose role reaches the person's groups
    await guardFreeText(tx, orgId, { juvenile: false }, [
      { path: "input.legalName", text: input.legalName, what: { ja: "氏名", en: "legal name" } },
      { path: "input.displayName", text: input.displayName, what: { ja: "表示名", en: "display name" } },
    ]);
    if (input.areaId) {
      const area = await tx.area.findFirst({ where: { id: input.areaId, orgId }, select: { id: true } });
      if (!area) {
        throw new InvalidInputError([fieldIssue("input.areaId", { ja: "地区が見つかりません。", en: "There is no such area." })]);
      }
    }
    const person = await tx.person.create({ ...(query as Pick<Prisma.PersonCreateArgs, "include">), data: { orgId, ...input } });
    // the audit trail names what changed, not the person's details (those stay in Person)
    await audit(
      ctx,
      {
        action: "create",
        entity: "Person",
        entityId: person.id,
        details: {
          fields: Object.entries(input)
            .filter(([, v]) => v !== null)
            .map(([k]) => k),
        },
      },
      tx,
    );
    return person;
  });
}
