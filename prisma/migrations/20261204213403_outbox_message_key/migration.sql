-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "messageKey" TEXT;

-- CreateIndex
CREATE INDEX "OutboxMessage_messageKey_idx" ON "OutboxMessage"("messageKey");

-- Rows queued before this migration: their message key is the part of `key` before the target.
UPDATE "OutboxMessage" SET "messageKey" = split_part(key, '#', 1) WHERE key IS NOT NULL;
