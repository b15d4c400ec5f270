-- AlterTable
ALTER TABLE "user" ADD COLUMN     "lastSignInAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "invitedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sendCount" INTEGER NOT NULL DEFAULT 1,
    "acceptedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_orgId_createdAt_idx" ON "Invitation"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "Invitation_userId_idx" ON "Invitation"("userId");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_orgId_userId_fkey" FOREIGN KEY ("orgId", "userId") REFERENCES "user"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Invitations still pending in Better Auth's verification table (identifier "invitation:<userId>")
-- move to the Invitation table, so their links keep working until they expire.
INSERT INTO "Invitation" ("id", "orgId", "userId", "email", "tokenHash", "expiresAt", "createdAt", "sentAt")
SELECT gen_random_uuid(), u."orgId", u."id", u."email", v."value", v."expiresAt", v."createdAt", v."createdAt"
FROM "verification" v
JOIN "user" u ON u."id" = substring(v."identifier" FROM 12)
WHERE v."identifier" LIKE 'invitation:%';
DELETE FROM "verification" WHERE "identifier" LIKE 'invitation:%';
