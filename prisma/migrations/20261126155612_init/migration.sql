-- CreateEnum
CREATE TYPE "SchoolKind" AS ENUM ('PRIMARY', 'JUNIOR_HIGH', 'COMPULSORY');

-- CreateEnum
CREATE TYPE "PrivacyTier" AS ENUM ('CHILD', 'NETWORK', 'SALON', 'JUVENILE', 'OPEN');

-- CreateEnum
CREATE TYPE "NetworkStatus" AS ENUM ('FORMER_TOJISHA', 'FAMILY', 'SUPPORTER');

-- CreateEnum
CREATE TYPE "ChildVolunteerStatus" AS ENUM ('ACTIVE', 'ALUMNI');

-- CreateEnum
CREATE TYPE "ConsentKind" AS ENUM ('GUARDIAN_ACTIVITY', 'PHOTO_PUBLICATION');

-- CreateEnum
CREATE TYPE "AccessRole" AS ENUM ('STAFF', 'SCHOOL_COORDINATOR', 'SUBCOMMITTEE_MEMBER', 'SALON_LEADER', 'INSTITUTION_LIAISON');

-- CreateEnum
CREATE TYPE "ActivityLogStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "EventStatus" AS ENUM ('PLANNED', 'HELD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SignUpStatus" AS ENUM ('CONFIRMED', 'WAITLISTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ModerationStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('FIRST_ACTIVITY', 'HOURS', 'YEARS_OF_SERVICE');

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "municipality" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Area" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "nameKana" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolDistrict" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "areaId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SchoolDistrict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "School" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "districtId" UUID,
    "name" TEXT NOT NULL,
    "kind" "SchoolKind" NOT NULL,

    CONSTRAINT "School_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "privacyTier" "PrivacyTier" NOT NULL DEFAULT 'OPEN',
    "description" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupKind" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "GroupKind_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Group" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "kindId" UUID NOT NULL,
    "parentId" UUID,
    "areaId" UUID,
    "districtId" UUID,
    "schoolId" UUID,
    "name" TEXT NOT NULL,
    "nameKana" TEXT,
    "nickname" TEXT,
    "description" TEXT,
    "venue" TEXT,
    "hostsHokkoriConsultation" BOOLEAN NOT NULL DEFAULT false,
    "institution" TEXT,
    "meetingSchedule" TEXT,
    "startedOn" DATE,
    "endedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "legalName" TEXT NOT NULL,
    "legalNameKana" TEXT NOT NULL,
    "displayName" TEXT,
    "areaId" UUID,
    "birthYear" INTEGER,
    "phone" TEXT,
    "email" TEXT,
    "address" TEXT,
    "networkStatus" "NetworkStatus",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChildVolunteer" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "grade" INTEGER NOT NULL,
    "status" "ChildVolunteerStatus" NOT NULL DEFAULT 'ACTIVE',
    "alumniSince" DATE,
    "guardianName" TEXT NOT NULL,
    "guardianKana" TEXT,
    "guardianRelation" TEXT,
    "guardianPhone" TEXT,
    "guardianEmail" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChildVolunteer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "childVolunteerId" UUID NOT NULL,
    "kind" "ConsentKind" NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "givenBy" TEXT NOT NULL,
    "givenOn" DATE NOT NULL,
    "scope" TEXT NOT NULL,
    "policyVersion" TEXT NOT NULL,
    "recordedById" TEXT,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMPTZ(3),

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JuvenileParticipant" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "joinedOn" DATE NOT NULL,
    "leftOn" DATE,

    CONSTRAINT "JuvenileParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupRole" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "isLeader" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GroupRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "groupRoleId" UUID NOT NULL,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,
    "endReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "orgId" UUID NOT NULL,
    "personId" UUID,
    "locale" TEXT NOT NULL DEFAULT 'ja',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMPTZ(3),
    "refreshTokenExpiresAt" TIMESTAMPTZ(3),
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rateLimit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "lastRequest" BIGINT NOT NULL,

    CONSTRAINT "rateLimit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessRoleAssignment" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "AccessRole" NOT NULL,
    "programmeId" UUID,
    "groupId" UUID,
    "grantedById" TEXT,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AccessRoleAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityType" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "programmeId" UUID,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ActivityType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityLog" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "activityTypeId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    "place" TEXT,
    "peopleServed" INTEGER,
    "description" TEXT,
    "status" "ActivityLogStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedById" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "rejectionReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivityLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityLogParticipant" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "activityLogId" UUID NOT NULL,
    "personId" UUID,
    "juvenileParticipantId" UUID,
    "minutes" INTEGER NOT NULL,
    "uninsured" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ActivityLogParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "place" TEXT,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "EventStatus" NOT NULL DEFAULT 'PLANNED',
    "activityLogId" UUID,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventTask" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "assigneeId" UUID,
    "dueOn" DATE,
    "doneAt" TIMESTAMPTZ(3),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "EventTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shift" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "capacity" INTEGER NOT NULL,

    CONSTRAINT "Shift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignUp" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "shiftId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "status" "SignUpStatus" NOT NULL,
    "signedUpAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMPTZ(3),
    "attended" BOOLEAN,

    CONSTRAINT "SignUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingMinutes" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "eventId" UUID,
    "heldOn" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingMinutes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThankYouMessage" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "toPersonId" UUID,
    "toGroupId" UUID,
    "fromName" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "receivedOn" DATE NOT NULL,
    "status" "ModerationStatus" NOT NULL DEFAULT 'PENDING',
    "moderatedById" TEXT,
    "moderatedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThankYouMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "MilestoneKind" NOT NULL,
    "threshold" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MilestoneAward" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "milestoneId" UUID NOT NULL,
    "personId" UUID,
    "juvenileParticipantId" UUID,
    "activityLogId" UUID,
    "awardedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MilestoneAward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupAchievement" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "achievedOn" DATE NOT NULL,

    CONSTRAINT "GroupAchievement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "serialNumber" INTEGER NOT NULL,
    "personId" UUID,
    "juvenileParticipantId" UUID,
    "groupId" UUID,
    "milestoneAwardId" UUID,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "issuedById" TEXT,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InsuranceEnrolment" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "plan" TEXT NOT NULL,
    "enrolledOn" DATE NOT NULL,

    CONSTRAINT "InsuranceEnrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "orgId" UUID NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "requestId" TEXT,
    "details" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Area_orgId_id_key" ON "Area"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Area_orgId_name_key" ON "Area"("orgId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolDistrict_orgId_id_key" ON "SchoolDistrict"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolDistrict_orgId_name_key" ON "SchoolDistrict"("orgId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "School_orgId_id_key" ON "School"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "School_orgId_name_key" ON "School"("orgId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_orgId_id_key" ON "Programme"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_orgId_code_key" ON "Programme"("orgId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "GroupKind_orgId_id_key" ON "GroupKind"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "GroupKind_orgId_code_key" ON "GroupKind"("orgId", "code");

-- CreateIndex
CREATE INDEX "Group_orgId_programmeId_idx" ON "Group"("orgId", "programmeId");

-- CreateIndex
CREATE INDEX "Group_orgId_parentId_idx" ON "Group"("orgId", "parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Group_orgId_id_key" ON "Group"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Group_orgId_kindId_name_key" ON "Group"("orgId", "kindId", "name");

-- CreateIndex
CREATE INDEX "Person_orgId_legalNameKana_idx" ON "Person"("orgId", "legalNameKana");

-- CreateIndex
CREATE UNIQUE INDEX "Person_orgId_id_key" ON "Person"("orgId", "id");

-- CreateIndex
CREATE INDEX "ChildVolunteer_orgId_schoolId_status_idx" ON "ChildVolunteer"("orgId", "schoolId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ChildVolunteer_orgId_id_key" ON "ChildVolunteer"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ChildVolunteer_orgId_personId_key" ON "ChildVolunteer"("orgId", "personId");

-- CreateIndex
CREATE INDEX "Consent_orgId_childVolunteerId_kind_idx" ON "Consent"("orgId", "childVolunteerId", "kind");

-- CreateIndex
CREATE INDEX "JuvenileParticipant_orgId_cohortId_idx" ON "JuvenileParticipant"("orgId", "cohortId");

-- CreateIndex
CREATE UNIQUE INDEX "JuvenileParticipant_orgId_id_key" ON "JuvenileParticipant"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "JuvenileParticipant_orgId_code_key" ON "JuvenileParticipant"("orgId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "GroupRole_orgId_id_key" ON "GroupRole"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "GroupRole_orgId_code_key" ON "GroupRole"("orgId", "code");

-- CreateIndex
CREATE INDEX "Membership_orgId_groupId_endedOn_idx" ON "Membership"("orgId", "groupId", "endedOn");

-- CreateIndex
CREATE INDEX "Membership_orgId_personId_idx" ON "Membership"("orgId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "user_orgId_id_key" ON "user"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "user_orgId_personId_key" ON "user"("orgId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_userId_idx" ON "session"("userId");

-- CreateIndex
CREATE INDEX "account_userId_idx" ON "account"("userId");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "rateLimit_key_key" ON "rateLimit"("key");

-- CreateIndex
CREATE INDEX "AccessRoleAssignment_userId_idx" ON "AccessRoleAssignment"("userId");

-- CreateIndex
CREATE INDEX "AccessRoleAssignment_orgId_role_idx" ON "AccessRoleAssignment"("orgId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityType_orgId_id_key" ON "ActivityType"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityType_orgId_code_key" ON "ActivityType"("orgId", "code");

-- CreateIndex
CREATE INDEX "ActivityLog_orgId_fiscalYear_status_idx" ON "ActivityLog"("orgId", "fiscalYear", "status");

-- CreateIndex
CREATE INDEX "ActivityLog_orgId_groupId_date_idx" ON "ActivityLog"("orgId", "groupId", "date");

-- CreateIndex
CREATE INDEX "ActivityLog_orgId_status_date_idx" ON "ActivityLog"("orgId", "status", "date");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityLog_orgId_id_key" ON "ActivityLog"("orgId", "id");

-- CreateIndex
CREATE INDEX "ActivityLogParticipant_orgId_personId_idx" ON "ActivityLogParticipant"("orgId", "personId");

-- CreateIndex
CREATE INDEX "ActivityLogParticipant_orgId_juvenileParticipantId_idx" ON "ActivityLogParticipant"("orgId", "juvenileParticipantId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityLogParticipant_activityLogId_personId_key" ON "ActivityLogParticipant"("activityLogId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityLogParticipant_activityLogId_juvenileParticipantId_key" ON "ActivityLogParticipant"("activityLogId", "juvenileParticipantId");

-- CreateIndex
CREATE INDEX "Event_orgId_groupId_startsAt_idx" ON "Event"("orgId", "groupId", "startsAt");

-- CreateIndex
CREATE INDEX "Event_orgId_startsAt_idx" ON "Event"("orgId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Event_orgId_id_key" ON "Event"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Event_orgId_activityLogId_key" ON "Event"("orgId", "activityLogId");

-- CreateIndex
CREATE INDEX "EventTask_orgId_eventId_idx" ON "EventTask"("orgId", "eventId");

-- CreateIndex
CREATE INDEX "Shift_orgId_eventId_idx" ON "Shift"("orgId", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "Shift_orgId_id_key" ON "Shift"("orgId", "id");

-- CreateIndex
CREATE INDEX "SignUp_orgId_shiftId_status_signedUpAt_idx" ON "SignUp"("orgId", "shiftId", "status", "signedUpAt");

-- CreateIndex
CREATE INDEX "SignUp_orgId_personId_idx" ON "SignUp"("orgId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "SignUp_shiftId_personId_key" ON "SignUp"("shiftId", "personId");

-- CreateIndex
CREATE INDEX "MeetingMinutes_orgId_groupId_heldOn_idx" ON "MeetingMinutes"("orgId", "groupId", "heldOn");

-- CreateIndex
CREATE INDEX "ThankYouMessage_orgId_status_createdAt_idx" ON "ThankYouMessage"("orgId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ThankYouMessage_orgId_toPersonId_idx" ON "ThankYouMessage"("orgId", "toPersonId");

-- CreateIndex
CREATE INDEX "ThankYouMessage_orgId_toGroupId_idx" ON "ThankYouMessage"("orgId", "toGroupId");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_orgId_id_key" ON "Milestone"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_orgId_code_key" ON "Milestone"("orgId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_orgId_kind_threshold_key" ON "Milestone"("orgId", "kind", "threshold");

-- CreateIndex
CREATE INDEX "MilestoneAward_orgId_personId_idx" ON "MilestoneAward"("orgId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "MilestoneAward_orgId_id_key" ON "MilestoneAward"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "MilestoneAward_milestoneId_personId_key" ON "MilestoneAward"("milestoneId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "MilestoneAward_milestoneId_juvenileParticipantId_key" ON "MilestoneAward"("milestoneId", "juvenileParticipantId");

-- CreateIndex
CREATE INDEX "GroupAchievement_orgId_groupId_idx" ON "GroupAchievement"("orgId", "groupId");

-- CreateIndex
CREATE INDEX "Certificate_orgId_personId_idx" ON "Certificate"("orgId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_orgId_serialNumber_key" ON "Certificate"("orgId", "serialNumber");

-- CreateIndex
CREATE INDEX "InsuranceEnrolment_orgId_fiscalYear_idx" ON "InsuranceEnrolment"("orgId", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "InsuranceEnrolment_personId_fiscalYear_key" ON "InsuranceEnrolment"("personId", "fiscalYear");

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_at_idx" ON "AuditEvent"("orgId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_entity_entityId_idx" ON "AuditEvent"("orgId", "entity", "entityId");

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolDistrict" ADD CONSTRAINT "SchoolDistrict_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolDistrict" ADD CONSTRAINT "SchoolDistrict_orgId_areaId_fkey" FOREIGN KEY ("orgId", "areaId") REFERENCES "Area"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "School" ADD CONSTRAINT "School_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "School" ADD CONSTRAINT "School_orgId_districtId_fkey" FOREIGN KEY ("orgId", "districtId") REFERENCES "SchoolDistrict"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupKind" ADD CONSTRAINT "GroupKind_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupKind" ADD CONSTRAINT "GroupKind_orgId_programmeId_fkey" FOREIGN KEY ("orgId", "programmeId") REFERENCES "Programme"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_orgId_programmeId_fkey" FOREIGN KEY ("orgId", "programmeId") REFERENCES "Programme"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_orgId_kindId_fkey" FOREIGN KEY ("orgId", "kindId") REFERENCES "GroupKind"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_orgId_parentId_fkey" FOREIGN KEY ("orgId", "parentId") REFERENCES "Group"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_orgId_areaId_fkey" FOREIGN KEY ("orgId", "areaId") REFERENCES "Area"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_orgId_districtId_fkey" FOREIGN KEY ("orgId", "districtId") REFERENCES "SchoolDistrict"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_orgId_schoolId_fkey" FOREIGN KEY ("orgId", "schoolId") REFERENCES "School"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_orgId_areaId_fkey" FOREIGN KEY ("orgId", "areaId") REFERENCES "Area"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildVolunteer" ADD CONSTRAINT "ChildVolunteer_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildVolunteer" ADD CONSTRAINT "ChildVolunteer_orgId_personId_fkey" FOREIGN KEY ("orgId", "personId") REFERENCES "Person"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildVolunteer" ADD CONSTRAINT "ChildVolunteer_orgId_schoolId_fkey" FOREIGN KEY ("orgId", "schoolId") REFERENCES "School"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_orgId_childVolunteerId_fkey" FOREIGN KEY ("orgId", "childVolunteerId") REFERENCES "ChildVolunteer"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuvenileParticipant" ADD CONSTRAINT "JuvenileParticipant_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuvenileParticipant" ADD CONSTRAINT "JuvenileParticipant_orgId_cohortId_fkey" FOREIGN KEY ("orgId", "cohortId") REFERENCES "Group"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupRole" ADD CONSTRAINT "GroupRole_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_orgId_groupId_fkey" FOREIGN KEY ("orgId", "groupId") REFERENCES "Group"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_orgId_personId_fkey" FOREIGN KEY ("orgId", "personId") REFERENCES "Person"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_orgId_groupRoleId_fkey" FOREIGN KEY ("orgId", "groupRoleId") REFERENCES "GroupRole"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user" ADD CONSTRAINT "user_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user" ADD CONSTRAINT "user_orgId_personId_fkey" FOREIGN KEY ("orgId", "personId") REFERENCES "Person"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRoleAssignment" ADD CONSTRAINT "AccessRoleAssignment_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRoleAssignment" ADD CONSTRAINT "AccessRoleAssignment_orgId_userId_fkey" FOREIGN KEY ("orgId", "userId") REFERENCES "user"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRoleAssignment" ADD CONSTRAINT "AccessRoleAssignment_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRoleAssignment" ADD CONSTRAINT "AccessRoleAssignment_orgId_programmeId_fkey" FOREIGN KEY ("orgId", "programmeId") REFERENCES "Programme"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRoleAssignment" ADD CONSTRAINT "AccessRoleAssignment_orgId_groupId_fkey" FOREIGN KEY ("orgId", "groupId") REFERENCES "Group"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityType" ADD CONSTRAINT "ActivityType_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityType" ADD CONSTRAINT "ActivityType_orgId_programmeId_fkey" FOREIGN KEY ("orgId", "programmeId") REFERENCES "Programme"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityLog" ADD CONSTRAINT "ActivityLog_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityLog" ADD CONSTRAINT "ActivityLog_orgId_groupId_fkey" FOREIGN KEY ("orgId", "groupId") REFERENCES "Group"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityLog" ADD CONSTRAINT "ActivityLog_orgId_activityTypeId_fkey" FOREIGN KEY ("orgId", "activityTypeId") REFERENCES "ActivityType"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityLog" ADD CONSTRAINT "ActivityLog_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityLog" ADD CONSTRAINT "ActivityLog_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityLogParticipant" ADD CONSTRAINT "ActivityLogParticipant_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityLogParticipant" ADD CONSTRAINT "ActivityLogParticipant_orgId_activityLogId_fkey" FOREIGN KEY ("orgId", "activityLogId") REFERENCES "ActivityLog"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityLogParticipant" ADD CONSTRAINT "ActivityLogParticipant_orgId_personId_fkey" FOREIGN KEY ("orgId", "personId") REFERENCES "Person"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityLogParticipant" ADD CONSTRAINT "ActivityLogParticipant_orgId_juvenileParticipantId_fkey" FOREIGN KEY ("orgId", "juvenileParticipantId") REFERENCES "JuvenileParticipant"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_orgId_groupId_fkey" FOREIGN KEY ("orgId", "groupId") REFERENCES "Group"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_orgId_activityLogId_fkey" FOREIGN KEY ("orgId", "activityLogId") REFERENCES "ActivityLog"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventTask" ADD CONSTRAINT "EventTask_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventTask" ADD CONSTRAINT "EventTask_orgId_eventId_fkey" FOREIGN KEY ("orgId", "eventId") REFERENCES "Event"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventTask" ADD CONSTRAINT "EventTask_orgId_assigneeId_fkey" FOREIGN KEY ("orgId", "assigneeId") REFERENCES "Person"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shift" ADD CONSTRAINT "Shift_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shift" ADD CONSTRAINT "Shift_orgId_eventId_fkey" FOREIGN KEY ("orgId", "eventId") REFERENCES "Event"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignUp" ADD CONSTRAINT "SignUp_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignUp" ADD CONSTRAINT "SignUp_orgId_shiftId_fkey" FOREIGN KEY ("orgId", "shiftId") REFERENCES "Shift"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignUp" ADD CONSTRAINT "SignUp_orgId_personId_fkey" FOREIGN KEY ("orgId", "personId") REFERENCES "Person"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingMinutes" ADD CONSTRAINT "MeetingMinutes_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingMinutes" ADD CONSTRAINT "MeetingMinutes_orgId_groupId_fkey" FOREIGN KEY ("orgId", "groupId") REFERENCES "Group"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingMinutes" ADD CONSTRAINT "MeetingMinutes_orgId_eventId_fkey" FOREIGN KEY ("orgId", "eventId") REFERENCES "Event"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingMinutes" ADD CONSTRAINT "MeetingMinutes_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThankYouMessage" ADD CONSTRAINT "ThankYouMessage_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThankYouMessage" ADD CONSTRAINT "ThankYouMessage_orgId_toPersonId_fkey" FOREIGN KEY ("orgId", "toPersonId") REFERENCES "Person"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThankYouMessage" ADD CONSTRAINT "ThankYouMessage_orgId_toGroupId_fkey" FOREIGN KEY ("orgId", "toGroupId") REFERENCES "Group"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThankYouMessage" ADD CONSTRAINT "ThankYouMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThankYouMessage" ADD CONSTRAINT "ThankYouMessage_moderatedById_fkey" FOREIGN KEY ("moderatedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneAward" ADD CONSTRAINT "MilestoneAward_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneAward" ADD CONSTRAINT "MilestoneAward_orgId_milestoneId_fkey" FOREIGN KEY ("orgId", "milestoneId") REFERENCES "Milestone"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneAward" ADD CONSTRAINT "MilestoneAward_orgId_personId_fkey" FOREIGN KEY ("orgId", "personId") REFERENCES "Person"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneAward" ADD CONSTRAINT "MilestoneAward_orgId_juvenileParticipantId_fkey" FOREIGN KEY ("orgId", "juvenileParticipantId") REFERENCES "JuvenileParticipant"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneAward" ADD CONSTRAINT "MilestoneAward_orgId_activityLogId_fkey" FOREIGN KEY ("orgId", "activityLogId") REFERENCES "ActivityLog"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupAchievement" ADD CONSTRAINT "GroupAchievement_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupAchievement" ADD CONSTRAINT "GroupAchievement_orgId_groupId_fkey" FOREIGN KEY ("orgId", "groupId") REFERENCES "Group"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_orgId_personId_fkey" FOREIGN KEY ("orgId", "personId") REFERENCES "Person"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_orgId_juvenileParticipantId_fkey" FOREIGN KEY ("orgId", "juvenileParticipantId") REFERENCES "JuvenileParticipant"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_orgId_groupId_fkey" FOREIGN KEY ("orgId", "groupId") REFERENCES "Group"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_orgId_milestoneAwardId_fkey" FOREIGN KEY ("orgId", "milestoneAwardId") REFERENCES "MilestoneAward"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InsuranceEnrolment" ADD CONSTRAINT "InsuranceEnrolment_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InsuranceEnrolment" ADD CONSTRAINT "InsuranceEnrolment_orgId_personId_fkey" FOREIGN KEY ("orgId", "personId") REFERENCES "Person"("orgId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─── Hand-written: what the database itself must never let be wrong ───
-- Prisma's schema language cannot express CHECK constraints or triggers; they live here, at the
-- end of the migration that creates their tables. docs/data-model.md lists them.

-- kana (ふりがな) is hiragana, ー and spaces only, so 五十音 order and kana search work
ALTER TABLE "Person" ADD CONSTRAINT "Person_legalNameKana_check"
  CHECK ("legalNameKana" ~ '^[ぁ-ゖー 　]+$');
ALTER TABLE "Area" ADD CONSTRAINT "Area_nameKana_check"
  CHECK ("nameKana" ~ '^[ぁ-ゖー 　]+$');
ALTER TABLE "Group" ADD CONSTRAINT "Group_nameKana_check"
  CHECK ("nameKana" IS NULL OR "nameKana" ~ '^[ぁ-ゖー 　]+$');
ALTER TABLE "ChildVolunteer" ADD CONSTRAINT "ChildVolunteer_guardianKana_check"
  CHECK ("guardianKana" IS NULL OR "guardianKana" ~ '^[ぁ-ゖー 　]+$');

ALTER TABLE "Person" ADD CONSTRAINT "Person_birthYear_check"
  CHECK ("birthYear" IS NULL OR "birthYear" BETWEEN 1900 AND 2100);

-- 学年: 小学校 1–6, 中学校 1–3, 義務教育学校 1–9 (the school's kind narrows it in the API)
ALTER TABLE "ChildVolunteer" ADD CONSTRAINT "ChildVolunteer_grade_check"
  CHECK ("grade" BETWEEN 1 AND 9);
ALTER TABLE "ChildVolunteer" ADD CONSTRAINT "ChildVolunteer_alumni_check"
  CHECK (("status" = 'ALUMNI') = ("alumniSince" IS NOT NULL));

-- a juvenile participant is a pseudonymous code, never a name (少年法61条)
ALTER TABLE "JuvenileParticipant" ADD CONSTRAINT "JuvenileParticipant_code_check"
  CHECK ("code" ~ '^[A-Z0-9-]{2,20}$');
ALTER TABLE "JuvenileParticipant" ADD CONSTRAINT "JuvenileParticipant_dates_check"
  CHECK ("leftOn" IS NULL OR "leftOn" >= "joinedOn");

ALTER TABLE "Group" ADD CONSTRAINT "Group_dates_check"
  CHECK ("endedOn" IS NULL OR "startedOn" IS NULL OR "endedOn" >= "startedOn");
ALTER TABLE "Group" ADD CONSTRAINT "Group_parent_check"
  CHECK ("parentId" IS NULL OR "parentId" <> "id");

ALTER TABLE "Membership" ADD CONSTRAINT "Membership_dates_check"
  CHECK ("endedOn" IS NULL OR "endedOn" >= "startedOn");
-- one open membership per person, group and role (history rows have endedOn set)
CREATE UNIQUE INDEX "Membership_one_open_per_role" ON "Membership" ("orgId", "groupId", "personId", "groupRoleId")
  WHERE "endedOn" IS NULL;

-- access-role scope: staff hold the organisation, the liaison a programme, the others a group
ALTER TABLE "AccessRoleAssignment" ADD CONSTRAINT "AccessRoleAssignment_scope_check"
  CHECK (CASE "role"
    WHEN 'STAFF' THEN "programmeId" IS NULL AND "groupId" IS NULL
    WHEN 'INSTITUTION_LIAISON' THEN "programmeId" IS NOT NULL AND "groupId" IS NULL
    ELSE "groupId" IS NOT NULL AND "programmeId" IS NULL
  END);

-- activity logs: non-negative figures, a fiscal year (年度, April–March) that matches the date,
-- and a reviewer on every decided log
ALTER TABLE "ActivityLog" ADD CONSTRAINT "ActivityLog_minutes_check"
  CHECK ("minutes" >= 0 AND "minutes" <= 1440);
ALTER TABLE "ActivityLog" ADD CONSTRAINT "ActivityLog_peopleServed_check"
  CHECK ("peopleServed" IS NULL OR "peopleServed" >= 0);
ALTER TABLE "ActivityLog" ADD CONSTRAINT "ActivityLog_fiscalYear_check"
  CHECK ("fiscalYear" BETWEEN 2000 AND 2100
    AND "fiscalYear" = EXTRACT(YEAR FROM ("date" - INTERVAL '3 months'))::int);
ALTER TABLE "ActivityLog" ADD CONSTRAINT "ActivityLog_review_check"
  CHECK ("status" NOT IN ('APPROVED', 'REJECTED') OR ("reviewedById" IS NOT NULL AND "reviewedAt" IS NOT NULL));

ALTER TABLE "ActivityLogParticipant" ADD CONSTRAINT "ActivityLogParticipant_minutes_check"
  CHECK ("minutes" >= 0 AND "minutes" <= 1440);
ALTER TABLE "ActivityLogParticipant" ADD CONSTRAINT "ActivityLogParticipant_one_participant_check"
  CHECK (num_nonnulls("personId", "juvenileParticipantId") = 1);

ALTER TABLE "Event" ADD CONSTRAINT "Event_dates_check" CHECK ("endsAt" >= "startsAt");
ALTER TABLE "Shift" ADD CONSTRAINT "Shift_capacity_check" CHECK ("capacity" >= 0);
ALTER TABLE "Shift" ADD CONSTRAINT "Shift_dates_check" CHECK ("endsAt" >= "startsAt");
ALTER TABLE "SignUp" ADD CONSTRAINT "SignUp_cancelled_check"
  CHECK (("status" = 'CANCELLED') = ("cancelledAt" IS NOT NULL));

ALTER TABLE "ThankYouMessage" ADD CONSTRAINT "ThankYouMessage_one_recipient_check"
  CHECK (num_nonnulls("toPersonId", "toGroupId") = 1);
ALTER TABLE "ThankYouMessage" ADD CONSTRAINT "ThankYouMessage_moderation_check"
  CHECK ("status" = 'PENDING' OR ("moderatedById" IS NOT NULL AND "moderatedAt" IS NOT NULL));

ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_threshold_check" CHECK ("threshold" >= 1);
ALTER TABLE "MilestoneAward" ADD CONSTRAINT "MilestoneAward_one_recipient_check"
  CHECK (num_nonnulls("personId", "juvenileParticipantId") = 1);
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_one_recipient_check"
  CHECK (num_nonnulls("personId", "juvenileParticipantId", "groupId") = 1);
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_serial_check" CHECK ("serialNumber" >= 1);

ALTER TABLE "InsuranceEnrolment" ADD CONSTRAINT "InsuranceEnrolment_fiscalYear_check"
  CHECK ("fiscalYear" BETWEEN 2000 AND 2100);

-- the audit trail is append-only
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
