// The accounts that speak for a group (its "leaders", told when something concerns the whole group,
// e.g. a thank-you to it or a sign-up moving up on its event's waiting list):
// - the accounts of the people who hold a leading group role (GroupRole.isLeader: 代表, 部会長) in it
//   today;
// - the accounts whose access role is the group's responsible one: its SCHOOL_COORDINATOR (a school
//   group has no 代表) or SALON_LEADER, and for a juvenile cohort the programme's INSTITUTION_LIAISON.
// A 部会's SUBCOMMITTEE_MEMBER accounts are members, not leaders. Whoever is returned still passes
// notify's check that they may read the group's records.
import { todayInJapan, type Prisma } from "@tsunagu/db";

export async function groupLeaderAccounts(tx: Prisma.TransactionClient, orgId: string, groupId: string): Promise<string[]> {
  const today = todayInJapan();
  const group = await tx.group.findFirst({
    where: { id: groupId, orgId },
    select: { programmeId: true, programme: { select: { privacyTier: true } } },
  });
  if (!group) return [];
  const juvenile = group.programme.privacyTier === "JUVENILE";
  const accounts = await tx.user.findMany({
    where: {
      orgId,
      OR: [
        {
          person: {
            memberships: {
              some: {
                groupId,
                groupRole: { isLeader: true },
                startedOn: { lte: today },
                OR: [{ endedOn: null }, { endedOn: { gte: today } }],
              },
            },
          },
        },
        {
          accessRoles: {
            some: juvenile
              ? { revokedAt: null, role: "INSTITUTION_LIAISON", programmeId: group.programmeId }
              : { revokedAt: null, role: { in: ["SCHOOL_COORDINATOR", "SALON_LEADER"] }, groupId },
          },
        },
      ],
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return accounts.map((a) => a.id);
}
