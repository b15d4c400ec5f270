-- DropIndex
DROP INDEX "MailOutbox_status_createdAt_idx";

-- AlterTable
ALTER TABLE "MailOutbox" ADD COLUMN     "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "MailOutbox_status_nextAttemptAt_idx" ON "MailOutbox"("status", "nextAttemptAt");
