-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "odsCode" TEXT,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "nation" "Nation" NOT NULL,
    "regionCode" TEXT,
    "icbCode" TEXT,
    "icbName" TEXT,
    "isNhsTrust" BOOLEAN NOT NULL,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_odsCode_key" ON "Organisation"("odsCode");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE INDEX "Organisation_regionCode_idx" ON "Organisation"("regionCode");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;
