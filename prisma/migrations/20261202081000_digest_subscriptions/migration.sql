-- CreateEnum
CREATE TYPE "DigestScopeKind" AS ENUM ('national', 'region', 'organisation');

-- CreateTable
CREATE TABLE "DigestSubscription" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "conversationId" TEXT NOT NULL,
    "scopeKind" "DigestScopeKind" NOT NULL,
    "scopeCode" TEXT NOT NULL,
    "schedule" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/London',
    "pausedAt" TIMESTAMPTZ(3),
    "pauseReason" TEXT,
    "activeSince" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "subscribedBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestPost" (
    "id" BIGSERIAL NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'scheduled',
    "claimedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "outboxKey" TEXT NOT NULL,
    "requestedBy" TEXT,
    "failureReportedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DigestPost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DigestSubscription_number_key" ON "DigestSubscription"("number");

-- CreateIndex
CREATE INDEX "DigestSubscription_pausedAt_idx" ON "DigestSubscription"("pausedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DigestSubscription_conversationId_scopeKind_scopeCode_key" ON "DigestSubscription"("conversationId", "scopeKind", "scopeCode");

-- CreateIndex
CREATE UNIQUE INDEX "DigestPost_outboxKey_key" ON "DigestPost"("outboxKey");

-- CreateIndex
CREATE UNIQUE INDEX "DigestPost_subscriptionId_dueAt_key" ON "DigestPost"("subscriptionId", "dueAt");

-- AddForeignKey
ALTER TABLE "DigestSubscription" ADD CONSTRAINT "DigestSubscription_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestPost" ADD CONSTRAINT "DigestPost_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "DigestSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
