-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "exemplarCohort" INTEGER;
