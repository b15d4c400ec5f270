// Which scope each access role takes, checked before a role is granted (by invitation, grant or
// hand-over): staff the organisation; a school coordinator a school group; a 部会 member a 部会; a
// salon leader a salon; the institution liaison the juvenile programme. The database checks the
// shape (a CHECK constraint), this the kind and the organisation.
import type { AccessRole, Prisma } from "@tsunagu/db";

import { fieldIssue, InvalidInputError, NotFoundError, type Bilingual } from "../errors.ts";

export const scopeRule: Record<AccessRole, { groupKinds?: string[]; programmeTier?: "JUVENILE" } | null> = {
  STAFF: null,
  SCHOOL_COORDINATOR: { groupKinds: ["school-committee"] },
  SUBCOMMITTEE_MEMBER: { groupKinds: ["subcommittee"] },
  SALON_LEADER: { groupKinds: ["salon", "multigen-cafe", "kyosei-salon", "dementia-cafe"] },
  INSTITUTION_LIAISON: { programmeTier: "JUVENILE" },
};

/** Each role's name in both languages (mail, audit details). */
export const roleName: Record<AccessRole, Bilingual> = {
  STAFF: { ja: "社協職員", en: "staff" },
  SCHOOL_COORDINATOR: { ja: "学校の担当（子ども福祉委員）", en: "school coordinator" },
  SUBCOMMITTEE_MEMBER: { ja: "部会メンバー", en: "subcommittee (bukai) member" },
  SALON_LEADER: { ja: "サロン代表", en: "salon leader" },
  INSTITUTION_LIAISON: { ja: "少年院の担当", en: "juvenile institution liaison" },
};

export interface RoleScope {
  role: AccessRole;
  groupId: string | null;
  programmeId: string | null;
}

/**
 * Refuses a scope that does not fit the role: a group or programme of another organisation is
 * not found (NotFoundError: nothing is told about it), one of the wrong kind is bad input.
 * `prefix` is the input path of the fields ("input.").
 */
export async function checkScope(tx: Prisma.TransactionClient, orgId: string, scope: RoleScope, prefix = "input."): Promise<void> {
  const rule = scopeRule[scope.role];
  const bad = (field: string, text: Bilingual) => new InvalidInputError([fieldIssue(`${prefix}${field}`, text)]);
  if (!rule) {
    if (scope.groupId || scope.programmeId)
      throw bad("groupId", { ja: "職員には団体・事業を指定しません。", en: "Staff accounts take no group or programme." });
    return;
  }
  if (rule.groupKinds) {
    if (scope.programmeId) throw bad("programmeId", { ja: "事業は指定しません。", en: "This role takes no programme." });
    if (!scope.groupId) throw bad("groupId", { ja: "この役割の団体を指定してください。", en: "Give the group of this role." });
    const group = await tx.group.findFirst({ where: { id: scope.groupId, orgId }, select: { kind: { select: { code: true } } } });
    if (!group) throw new NotFoundError({ ja: "団体", en: "group" });
    if (!rule.groupKinds.includes(group.kind.code)) {
      throw bad("groupId", { ja: "この役割に合う団体を指定してください。", en: "Give a group of the kind this role is for." });
    }
    return;
  }
  if (scope.groupId) throw bad("groupId", { ja: "団体は指定しません。", en: "This role takes no group." });
  if (!scope.programmeId)
    throw bad("programmeId", { ja: "少年院ボランティアの事業を指定してください。", en: "Give the juvenile programme." });
  const programme = await tx.programme.findFirst({ where: { id: scope.programmeId, orgId }, select: { privacyTier: true } });
  if (!programme) throw new NotFoundError({ ja: "事業", en: "programme" });
  if (programme.privacyTier !== rule.programmeTier) {
    throw bad("programmeId", { ja: "少年院ボランティアの事業を指定してください。", en: "Give the juvenile programme." });
  }
}
