-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT,
    "platform" "Platform" NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "conversationId" TEXT,
    "address" TEXT,
    "memberId" TEXT,
    "message" JSONB,
    "postKey" TEXT,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostedMessage" (
    "id" BIGSERIAL NOT NULL,
    "postKey" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "conversationId" TEXT,
    "address" TEXT,
    "messageId" TEXT NOT NULL,
    "memberId" TEXT,
    "refreshes" INTEGER NOT NULL DEFAULT 0,
    "dirtyAt" TIMESTAMPTZ(3),
    "lockedUntil" TIMESTAMPTZ(3),
    "postedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostedMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_key_key" ON "OutboxMessage"("key");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_notBefore_idx" ON "OutboxMessage"("status", "notBefore");

-- CreateIndex
CREATE INDEX "OutboxMessage_memberId_idx" ON "OutboxMessage"("memberId");

-- CreateIndex
CREATE INDEX "PostedMessage_postKey_idx" ON "PostedMessage"("postKey");

-- CreateIndex
CREATE INDEX "PostedMessage_dirtyAt_idx" ON "PostedMessage"("dirtyAt");

-- CreateIndex
CREATE INDEX "PostedMessage_memberId_idx" ON "PostedMessage"("memberId");

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostedMessage" ADD CONSTRAINT "PostedMessage_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
