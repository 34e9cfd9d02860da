-- CreateTable
CREATE TABLE "LinkAttempt" (
    "id" BIGSERIAL NOT NULL,
    "actorHash" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LinkAttempt_actorHash_at_idx" ON "LinkAttempt"("actorHash", "at");
