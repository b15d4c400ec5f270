-- AlterTable
ALTER TABLE "ActivityLog" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ActivityLogVersion" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "activityLogId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "ActivityLogStatus" NOT NULL,
    "activityTypeId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "minutes" INTEGER NOT NULL,
    "place" TEXT,
    "peopleServed" INTEGER,
    "description" TEXT,
    "participants" JSONB NOT NULL,
    "changedById" TEXT,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT,

    CONSTRAINT "ActivityLogVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ActivityLogVersion_orgId_activityLogId_idx" ON "ActivityLogVersion"("orgId", "activityLogId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityLogVersion_activityLogId_version_key" ON "ActivityLogVersion"("activityLogId", "version");

-- AddForeignKey
ALTER TABLE "ActivityLogVersion" ADD CONSTRAINT "ActivityLogVersion_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityLogVersion" ADD CONSTRAINT "ActivityLogVersion_orgId_activityLogId_fkey" FOREIGN KEY ("orgId", "activityLogId") REFERENCES "ActivityLog"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityLogVersion" ADD CONSTRAINT "ActivityLogVersion_orgId_activityTypeId_fkey" FOREIGN KEY ("orgId", "activityTypeId") REFERENCES "ActivityType"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityLogVersion" ADD CONSTRAINT "ActivityLogVersion_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
