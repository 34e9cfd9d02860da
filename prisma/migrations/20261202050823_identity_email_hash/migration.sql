-- AlterTable
ALTER TABLE "PlatformIdentity" ADD COLUMN     "emailHash" TEXT;

-- CreateIndex
CREATE INDEX "PlatformIdentity_emailHash_idx" ON "PlatformIdentity"("emailHash");
