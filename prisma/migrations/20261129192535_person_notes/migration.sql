-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "notes" TEXT;
