-- An account holds a scoped role at most once at a time. The service checks before it inserts, but
-- two grants at once could both pass the check; this index refuses the second. Duplicates that an
-- earlier race may have left are ended first (the oldest grant stays active).
UPDATE "AccessRoleAssignment" AS later
   SET "revokedAt" = now()
  FROM "AccessRoleAssignment" AS earlier
 WHERE later."revokedAt" IS NULL
   AND earlier."revokedAt" IS NULL
   AND earlier."userId" = later."userId"
   AND earlier."role" = later."role"
   AND earlier."programmeId" IS NOT DISTINCT FROM later."programmeId"
   AND earlier."groupId" IS NOT DISTINCT FROM later."groupId"
   AND (earlier."grantedAt", earlier."id") < (later."grantedAt", later."id");

CREATE UNIQUE INDEX "AccessRoleAssignment_held_once" ON "AccessRoleAssignment" (
  "userId",
  "role",
  COALESCE("programmeId", '00000000-0000-0000-0000-000000000000'::uuid),
  COALESCE("groupId", '00000000-0000-0000-0000-000000000000'::uuid)
) WHERE "revokedAt" IS NULL;
