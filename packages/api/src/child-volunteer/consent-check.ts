// 保護者同意 before activity: children are minors, so no activity is logged for a 子ども福祉委員
// without a granted, unwithdrawn GUARDIAN_ACTIVITY consent (DOMAIN.md). The activity-log domain
// calls this inside its transaction and refuses the log when anyone is returned.
import { startOfDayInJapan, type Prisma } from "@tsunagu/db";

/**
 * Of `personIds`, those who are child volunteers (active or alumni) of the organisation and have
 * no guardian activity consent in force — granted and not withdrawn. People who are not child
 * volunteers need no guardian consent and are never returned. One SQL statement.
 *
 * With `options.on` (the activity's date, a @db.Date) the consent must also have been given on or
 * before that day and not withdrawn before that day began (in Japan).
 */
export async function childrenWithoutActivityConsent(
  tx: Prisma.TransactionClient,
  orgId: string,
  personIds: readonly string[],
  options: { on?: Date } = {},
): Promise<string[]> {
  if (personIds.length === 0) return [];
  const on = options.on;
  const children = await tx.childVolunteer.findMany({
    where: {
      orgId,
      personId: { in: [...new Set(personIds)] },
      consents: {
        none: {
          kind: "GUARDIAN_ACTIVITY",
          granted: true,
          ...(on
            ? { givenOn: { lte: on }, OR: [{ withdrawnAt: null }, { withdrawnAt: { gt: startOfDayInJapan(on) } }] }
            : { withdrawnAt: null }),
        },
      },
    },
    select: { personId: true },
  });
  const without = new Set(children.map((c) => c.personId));
  return personIds.filter((id, i) => without.has(id) && personIds.indexOf(id) === i);
}
