-- DropIndex
DROP INDEX "DigestSubscription_conversationId_scopeKind_scopeCode_key";

-- AlterTable
ALTER TABLE "DigestSubscription" ADD COLUMN     "staffGroupCode" TEXT NOT NULL DEFAULT 'all-staff-groups';

-- CreateIndex
CREATE UNIQUE INDEX "DigestSubscription_conversationId_scopeKind_scopeCode_staff_key" ON "DigestSubscription"("conversationId", "scopeKind", "scopeCode", "staffGroupCode");
