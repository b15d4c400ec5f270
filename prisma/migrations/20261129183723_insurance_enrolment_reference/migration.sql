-- AlterTable
ALTER TABLE "InsuranceEnrolment" ADD COLUMN     "reference" TEXT;
