-- DropForeignKey
ALTER TABLE "WorkforceObservation" DROP CONSTRAINT "WorkforceObservation_importId_fkey";

-- DropForeignKey
ALTER TABLE "SicknessObservation" DROP CONSTRAINT "SicknessObservation_importId_fkey";
