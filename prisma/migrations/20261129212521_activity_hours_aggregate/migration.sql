-- CreateTable
CREATE TABLE "ActivityHoursAggregate" (
    "orgId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "programmeScope" UUID NOT NULL,
    "areaScope" UUID NOT NULL,
    "withoutJuvenile" BOOLEAN NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "activities" INTEGER NOT NULL,
    "peopleServed" INTEGER NOT NULL,
    "volunteers" INTEGER NOT NULL,

    CONSTRAINT "ActivityHoursAggregate_pkey" PRIMARY KEY ("orgId","fiscalYear","programmeScope","areaScope","withoutJuvenile","dimension","key")
);

-- AddForeignKey
ALTER TABLE "ActivityHoursAggregate" ADD CONSTRAINT "ActivityHoursAggregate_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the aggregates of every organisation's approved logs, as rebuildActivityHours(tx, null)
-- in packages/db/src/activity-hours.ts counts them (the same statements).
ANALYZE "ActivityLog", "ActivityLogParticipant";

INSERT INTO "ActivityHoursAggregate" ("orgId", "fiscalYear", "programmeScope", "areaScope", "withoutJuvenile", dimension, key,
                                          minutes, activities, "peopleServed", volunteers)
    SELECT x."orgId", x."fiscalYear", s."programmeScope", s."areaScope", w."withoutJuvenile", d.dimension, d.key, 1 * SUM(x.minutes)::int, 1 * COUNT(*)::int, 1 * SUM(x."peopleServed")::int, 0
  FROM (
    SELECT l."orgId", l."fiscalYear", EXTRACT(MONTH FROM l.date)::int AS month, g."programmeId", g."areaId",
           l."activityTypeId", pr."privacyTier" = 'JUVENILE' AS juvenile, COALESCE(l."peopleServed", 0) AS "peopleServed",
           COALESCE((SELECT SUM(p.minutes) FROM "ActivityLogParticipant" p WHERE p."orgId" = l."orgId" AND p."activityLogId" = l.id), 0) AS minutes
    FROM "ActivityLog" l
    JOIN "Group" g ON g."orgId" = l."orgId" AND g.id = l."groupId"
    JOIN "Programme" pr ON pr."orgId" = g."orgId" AND pr.id = g."programmeId"
    WHERE l.status = 'APPROVED'
      ) x
  CROSS JOIN LATERAL (VALUES
    ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid), (x."programmeId", '00000000-0000-0000-0000-000000000000'::uuid),
    ('00000000-0000-0000-0000-000000000000'::uuid, x."areaId"), (x."programmeId", x."areaId")
  ) s("programmeScope", "areaScope")
  CROSS JOIN LATERAL (VALUES (false), (true)) w("withoutJuvenile")
  CROSS JOIN LATERAL (VALUES
    ('total', ''), ('month', x.month::text), ('programme', x."programmeId"::text),
    ('area', COALESCE(x."areaId"::text, 'none')), ('type', x."activityTypeId"::text)
  ) d(dimension, key)
  WHERE s."areaScope" IS NOT NULL AND NOT (w."withoutJuvenile" AND x.juvenile)
    GROUP BY x."orgId", x."fiscalYear", s."programmeScope", s."areaScope", w."withoutJuvenile", d.dimension, d.key
    ON CONFLICT ("orgId", "fiscalYear", "programmeScope", "areaScope", "withoutJuvenile", dimension, key) DO UPDATE SET
      minutes = "ActivityHoursAggregate".minutes + excluded.minutes,
      activities = "ActivityHoursAggregate".activities + excluded.activities,
      "peopleServed" = "ActivityHoursAggregate"."peopleServed" + excluded."peopleServed";

INSERT INTO "ActivityHoursAggregate" ("orgId", "fiscalYear", "programmeScope", "areaScope", "withoutJuvenile", dimension, key,
                                          minutes, activities, "peopleServed", volunteers)
    SELECT "orgId", "fiscalYear", "programmeScope", "areaScope", "withoutJuvenile", dimension, key, 0, 0, 0, 1 * COUNT(*)::int
    FROM (SELECT DISTINCT x."orgId", x."fiscalYear", s."programmeScope", s."areaScope", w."withoutJuvenile", d.dimension, d.key, x.who, x."whoJuvenile"
  FROM (
    SELECT DISTINCT l."orgId", l."fiscalYear", EXTRACT(MONTH FROM l.date)::int AS month, g."programmeId", g."areaId",
           l."activityTypeId", pr."privacyTier" = 'JUVENILE' AS juvenile,
           COALESCE(p."personId", p."juvenileParticipantId") AS who, p."personId" IS NULL AS "whoJuvenile"
    FROM "ActivityLogParticipant" p
    JOIN "ActivityLog" l ON l."orgId" = p."orgId" AND l.id = p."activityLogId"
    JOIN "Group" g ON g."orgId" = l."orgId" AND g.id = l."groupId"
    JOIN "Programme" pr ON pr."orgId" = g."orgId" AND pr.id = g."programmeId"
    WHERE l.status = 'APPROVED'
      ) x
  CROSS JOIN LATERAL (VALUES
    ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid), (x."programmeId", '00000000-0000-0000-0000-000000000000'::uuid),
    ('00000000-0000-0000-0000-000000000000'::uuid, x."areaId"), (x."programmeId", x."areaId")
  ) s("programmeScope", "areaScope")
  CROSS JOIN LATERAL (VALUES (false), (true)) w("withoutJuvenile")
  CROSS JOIN LATERAL (VALUES
    ('total', ''), ('month', x.month::text), ('programme', x."programmeId"::text),
    ('area', COALESCE(x."areaId"::text, 'none')), ('type', x."activityTypeId"::text)
  ) d(dimension, key)
  WHERE s."areaScope" IS NOT NULL AND NOT (w."withoutJuvenile" AND x.juvenile)) c
    GROUP BY "orgId", "fiscalYear", "programmeScope", "areaScope", "withoutJuvenile", dimension, key
    ON CONFLICT ("orgId", "fiscalYear", "programmeScope", "areaScope", "withoutJuvenile", dimension, key) DO UPDATE SET volunteers = "ActivityHoursAggregate".volunteers + excluded.volunteers;
