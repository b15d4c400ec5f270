-- AlterTable
ALTER TABLE "GroupRole" ADD COLUMN     "singleHolder" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "joinedOn" DATE;

-- CreateTable
CREATE TABLE "GroupKindRole" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "kindId" UUID NOT NULL,
    "groupRoleId" UUID NOT NULL,

    CONSTRAINT "GroupKindRole_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GroupKindRole_orgId_kindId_groupRoleId_key" ON "GroupKindRole"("orgId", "kindId", "groupRoleId");

-- AddForeignKey
ALTER TABLE "GroupKindRole" ADD CONSTRAINT "GroupKindRole_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupKindRole" ADD CONSTRAINT "GroupKindRole_orgId_kindId_fkey" FOREIGN KEY ("orgId", "kindId") REFERENCES "GroupKind"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupKindRole" ADD CONSTRAINT "GroupKindRole_orgId_groupRoleId_fkey" FOREIGN KEY ("orgId", "groupRoleId") REFERENCES "GroupRole"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────── backfill (hand-written) ─────────────

-- the catalog's single-holder roles (packages/seed/src/catalog.ts)
UPDATE "GroupRole" SET "singleHolder" = true WHERE "code" IN ('representative', 'chair');

-- the roles each kind uses: the catalog's list for its kinds; every role for a kind of a 社協's own;
-- and any role a kind's groups already hold, so that no existing membership falls outside its kind
INSERT INTO "GroupKindRole" ("id", "orgId", "kindId", "groupRoleId")
SELECT gen_random_uuid(), k."orgId", k."id", r."id"
FROM "GroupKind" k
JOIN "GroupRole" r ON r."orgId" = k."orgId"
WHERE (k."code", r."code") IN (
    ('school-committee', 'child-volunteer'), ('school-committee', 'supporter'),
    ('network', 'representative'), ('network', 'vice'), ('network', 'treasurer'), ('network', 'secretary'), ('network', 'member'),
    ('subcommittee', 'chair'), ('subcommittee', 'secretary'), ('subcommittee', 'member'),
    ('salon', 'representative'), ('salon', 'vice'), ('salon', 'treasurer'), ('salon', 'secretary'), ('salon', 'member'), ('salon', 'supporter'),
    ('multigen-cafe', 'representative'), ('multigen-cafe', 'vice'), ('multigen-cafe', 'treasurer'), ('multigen-cafe', 'secretary'), ('multigen-cafe', 'member'), ('multigen-cafe', 'supporter'),
    ('kyosei-salon', 'representative'), ('kyosei-salon', 'vice'), ('kyosei-salon', 'treasurer'), ('kyosei-salon', 'secretary'), ('kyosei-salon', 'member'), ('kyosei-salon', 'supporter'),
    ('dementia-cafe', 'representative'), ('dementia-cafe', 'vice'), ('dementia-cafe', 'treasurer'), ('dementia-cafe', 'secretary'), ('dementia-cafe', 'member'), ('dementia-cafe', 'supporter'),
    ('gyofuku-project', 'representative'), ('gyofuku-project', 'vice'), ('gyofuku-project', 'treasurer'), ('gyofuku-project', 'secretary'), ('gyofuku-project', 'member'), ('gyofuku-project', 'supporter'),
    ('farm', 'representative'), ('farm', 'vice'), ('farm', 'treasurer'), ('farm', 'secretary'), ('farm', 'member'), ('farm', 'supporter')
  )
  OR k."code" NOT IN ('school-committee', 'network', 'subcommittee', 'salon', 'multigen-cafe', 'kyosei-salon', 'dementia-cafe', 'cohort', 'gyofuku-project', 'farm')
  OR EXISTS (
    SELECT 1 FROM "Membership" m JOIN "Group" g ON g."id" = m."groupId"
    WHERE g."kindId" = k."id" AND m."groupRoleId" = r."id"
  );

-- a role change ended one row the day before the next began: the later rows carry the first one's start
WITH RECURSIVE chain AS (
  SELECT m."id", m."startedOn" AS "joinedOn"
  FROM "Membership" m
  WHERE NOT EXISTS (
    SELECT 1 FROM "Membership" p
    WHERE p."groupId" = m."groupId" AND p."personId" = m."personId" AND p."endedOn" = m."startedOn" - 1
  )
  UNION ALL
  SELECT n."id", c."joinedOn"
  FROM chain c
  JOIN "Membership" cur ON cur."id" = c."id"
  JOIN "Membership" n ON n."groupId" = cur."groupId" AND n."personId" = cur."personId" AND n."startedOn" = cur."endedOn" + 1
)
UPDATE "Membership" m SET "joinedOn" = chain."joinedOn"
FROM chain
WHERE chain."id" = m."id" AND chain."joinedOn" < m."startedOn";

ALTER TABLE "Membership" ADD CONSTRAINT "Membership_joinedOn_check" CHECK ("joinedOn" IS NULL OR "joinedOn" <= "startedOn");
