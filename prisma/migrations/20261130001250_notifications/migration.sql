-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('ACTIVITY_LOG_RETURNED', 'ACTIVITY_LOG_APPROVED', 'THANK_YOU_APPROVED', 'WAITLIST_PROMOTED', 'SHIFT_TOMORROW', 'CONSENT_OVERDUE_DIGEST', 'INSURANCE_NEXT_YEAR_MISSING', 'INVITATION_EXPIRING');

-- CreateEnum
CREATE TYPE "NotificationSubject" AS ENUM ('ACTIVITY_LOG', 'THANK_YOU', 'EVENT', 'SHIFT', 'GROUP', 'INVITATION', 'ORGANIZATION');

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "recipientId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "subjectType" "NotificationSubject" NOT NULL,
    "subjectId" UUID NOT NULL,
    "groupId" UUID,
    "params" JSONB NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "orgId" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "mail" BOOLEAN NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateIndex
CREATE INDEX "Notification_recipientId_createdAt_idx" ON "Notification"("recipientId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_recipientId_readAt_idx" ON "Notification"("recipientId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_recipientId_kind_dedupeKey_key" ON "Notification"("recipientId", "kind", "dedupeKey");

-- CreateIndex
CREATE INDEX "NotificationPreference_orgId_idx" ON "NotificationPreference"("orgId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_orgId_recipientId_fkey" FOREIGN KEY ("orgId", "recipientId") REFERENCES "user"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_orgId_groupId_fkey" FOREIGN KEY ("orgId", "groupId") REFERENCES "Group"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_orgId_userId_fkey" FOREIGN KEY ("orgId", "userId") REFERENCES "user"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
