-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "welshName" TEXT;
