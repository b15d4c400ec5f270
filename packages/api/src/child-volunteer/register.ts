// Registering 子ども福祉委員: a Person, their ChildVolunteer record (school from the group), a
// Membership of the school group with the role 子ども福祉委員, and the guardian's consents. The form
// registers one child and the CSV import many, with the same code and a fixed number of statements.
import { randomBytes } from "node:crypto";

import { todayInJapan, type Prisma } from "@tsunagu/db";
import { prisma } from "@tsunagu/db/client";

import { audit } from "../audit/audit.ts";
import { signedIn, type Context } from "../context.ts";
import { ConflictError, fieldIssue, InvalidInputError } from "../errors.ts";
import { guardFreeText } from "../juvenile/code-in-text.ts";
import { required } from "../required.ts";
import type { SchoolGroup } from "./access.ts";
import { gradeProblem, nameKey, type ChildDetails, type ConsentTerms } from "./validation.ts";

export interface NewChild extends ChildDetails {
  activityConsent?: ConsentTerms | undefined;
  photoConsent?: ConsentTerms | undefined;
}

/** A time-ordered UUID (v7), as the database's own defaults are: rows created together link up. */
function uuidv7(): string {
  const b = randomBytes(16);
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = (b.readUInt8(6) & 0x0f) | 0x70;
  b[8] = (b.readUInt8(8) & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The children already registered at a school (active and alumni), by name and kana. */
export async function existingChildrenByName(tx: Prisma.TransactionClient, orgId: string, schoolId: string): Promise<Map<string, string>> {
  const rows = await tx.childVolunteer.findMany({
    where: { orgId, schoolId },
    select: { id: true, person: { select: { legalName: true, legalNameKana: true } } },
  });
  return new Map(rows.map((r) => [nameKey(r.person.legalName, r.person.legalNameKana), r.id]));
}

/** Writes the children (in the caller's transaction); returns their ChildVolunteer ids in order. */
export async function createChildVolunteers(
  tx: Prisma.TransactionClient,
  params: { group: SchoolGroup; recordedById: string; joinedOn: Date },
  children: NewChild[],
): Promise<string[]> {
  const { group, recordedById, joinedOn } = params;
  const orgId = group.orgId;
  const role = await tx.groupRole.findUnique({ where: { orgId_code: { orgId, code: "child-volunteer" } }, select: { id: true } });
  if (!role) {
    throw new ConflictError({
      ja: "団体内の役割「子ども福祉委員」（child-volunteer）が登録されていません。職員に連絡してください。",
      en: "The group role “child-volunteer” is not set up in this organisation; ask the staff.",
    });
  }
  const people: Prisma.PersonCreateManyInput[] = [];
  const records: Prisma.ChildVolunteerCreateManyInput[] = [];
  const memberships: Prisma.MembershipCreateManyInput[] = [];
  const consents: Prisma.ConsentCreateManyInput[] = [];
  for (const child of children) {
    const personId = uuidv7();
    const childVolunteerId = uuidv7();
    people.push({ id: personId, orgId, legalName: child.legalName, legalNameKana: child.legalNameKana, areaId: group.areaId });
    records.push({
      id: childVolunteerId,
      orgId,
      personId,
      schoolId: group.schoolId,
      grade: child.grade,
      guardianName: child.guardianName,
      guardianKana: child.guardianKana ?? null,
      guardianRelation: child.guardianRelation ?? null,
      guardianPhone: child.guardianPhone ?? null,
      guardianEmail: child.guardianEmail ?? null,
    });
    memberships.push({ orgId, groupId: group.id, personId, groupRoleId: role.id, startedOn: joinedOn });
    for (const [kind, terms] of [
      ["GUARDIAN_ACTIVITY", child.activityConsent],
      ["PHOTO_PUBLICATION", child.photoConsent],
    ] as const) {
      if (terms) consents.push({ orgId, childVolunteerId, kind, ...terms, recordedById });
    }
  }
  await tx.person.createMany({ data: people });
  await tx.childVolunteer.createMany({ data: records });
  await tx.membership.createMany({ data: memberships });
  if (consents.length > 0) await tx.consent.createMany({ data: consents });
  return records.map((r) => r.id as string);
}

export interface RegisterChildVolunteerInput {
  legalName: string;
  legalNameKana: string;
  grade: number;
  guardianName: string;
  guardianKana?: string | null;
  guardianRelation?: string | null;
  guardianPhone?: string | null;
  guardianEmail?: string | null;
  /** default today */
  joinedOn?: Date | null;
  activityConsent?: ConsentTerms | null;
  photoConsent?: ConsentTerms | null;
}

/** Registers one child in the school group, with the consents given; returns the ChildVolunteer id. */
export async function registerChildVolunteer(ctx: Context, group: SchoolGroup, input: RegisterChildVolunteerInput): Promise<string> {
  const problem = gradeProblem(group.schoolKind, input.grade);
  if (problem) throw new InvalidInputError([fieldIssue("input.grade", problem)]);
  return prisma().$transaction(async (tx) => {
    // read by the school's coordinators: never a juvenile code (../juvenile/code-in-text.ts)
    await guardFreeText(tx, group.orgId, { juvenile: false }, [
      { path: "input.legalName", text: input.legalName, what: { ja: "氏名", en: "name" } },
      { path: "input.guardianName", text: input.guardianName, what: { ja: "保護者の氏名", en: "guardian's name" } },
      { path: "input.guardianRelation", text: input.guardianRelation, what: { ja: "続柄", en: "relation" } },
      { path: "input.activityConsent.scope", text: input.activityConsent?.scope, what: { ja: "同意の範囲", en: "consent scope" } },
      { path: "input.photoConsent.scope", text: input.photoConsent?.scope, what: { ja: "同意の範囲", en: "consent scope" } },
    ]);
    const existing = await existingChildrenByName(tx, group.orgId, group.schoolId);
    if (existing.has(nameKey(input.legalName, input.legalNameKana))) {
      throw new ConflictError({
        ja: `同じ氏名・ふりがなの児童が${group.schoolName}に登録済みです。`,
        en: `A child with the same name and kana is already registered at ${group.schoolName}.`,
      });
    }
    const [id] = await createChildVolunteers(
      tx,
      { group, recordedById: signedIn(ctx).userId, joinedOn: input.joinedOn ?? todayInJapan() },
      [
        {
          legalName: input.legalName,
          legalNameKana: input.legalNameKana,
          grade: input.grade,
          guardianName: input.guardianName,
          guardianKana: input.guardianKana ?? undefined,
          guardianRelation: input.guardianRelation ?? undefined,
          guardianPhone: input.guardianPhone ?? undefined,
          guardianEmail: input.guardianEmail ?? undefined,
          activityConsent: input.activityConsent ?? undefined,
          photoConsent: input.photoConsent ?? undefined,
        },
      ],
    );
    await audit(
      ctx,
      {
        action: "create",
        entity: "ChildVolunteer",
        entityId: id,
        details: {
          groupId: group.id,
          grade: input.grade,
          consents: [input.activityConsent && "GUARDIAN_ACTIVITY", input.photoConsent && "PHOTO_PUBLICATION"].filter(Boolean) as string[],
        },
      },
      tx,
    );
    return required(id, "id of the child volunteer just created");
  });
}
