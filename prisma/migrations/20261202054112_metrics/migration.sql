-- CreateTable
CREATE TABLE "MetricImport" (
    "id" TEXT NOT NULL,
    "layout" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "rows" INTEGER NOT NULL,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkforceObservation" (
    "id" BIGSERIAL NOT NULL,
    "organisationCode" TEXT NOT NULL,
    "regionCode" TEXT,
    "period" DATE NOT NULL,
    "staffGroupCode" TEXT NOT NULL,
    "startHeadcount" INTEGER,
    "headcount" INTEGER,
    "fte" DOUBLE PRECISION,
    "leavers" INTEGER,
    "joiners" INTEGER,
    "leaversFte" DOUBLE PRECISION,
    "stabilityBase" INTEGER,
    "stabilityStayed" INTEGER,
    "vacancyFte" DOUBLE PRECISION,
    "nqHeadcount" INTEGER,
    "nqLeavers" INTEGER,
    "importId" TEXT NOT NULL,

    CONSTRAINT "WorkforceObservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SicknessObservation" (
    "id" BIGSERIAL NOT NULL,
    "organisationCode" TEXT NOT NULL,
    "regionCode" TEXT,
    "period" DATE NOT NULL,
    "fteDaysLost" DOUBLE PRECISION NOT NULL,
    "fteDaysAvailable" DOUBLE PRECISION NOT NULL,
    "importId" TEXT NOT NULL,

    CONSTRAINT "SicknessObservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestChart" (
    "token" TEXT NOT NULL,
    "png" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestChart_pkey" PRIMARY KEY ("token")
);

-- CreateIndex
CREATE INDEX "WorkforceObservation_regionCode_staffGroupCode_period_idx" ON "WorkforceObservation"("regionCode", "staffGroupCode", "period");

-- CreateIndex
CREATE INDEX "WorkforceObservation_staffGroupCode_period_idx" ON "WorkforceObservation"("staffGroupCode", "period");

-- CreateIndex
CREATE INDEX "WorkforceObservation_importId_idx" ON "WorkforceObservation"("importId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkforceObservation_organisationCode_period_staffGroupCode_key" ON "WorkforceObservation"("organisationCode", "period", "staffGroupCode");

-- CreateIndex
CREATE INDEX "SicknessObservation_regionCode_period_idx" ON "SicknessObservation"("regionCode", "period");

-- CreateIndex
CREATE INDEX "SicknessObservation_importId_idx" ON "SicknessObservation"("importId");

-- CreateIndex
CREATE UNIQUE INDEX "SicknessObservation_organisationCode_period_key" ON "SicknessObservation"("organisationCode", "period");

-- CreateIndex
CREATE INDEX "DigestChart_createdAt_idx" ON "DigestChart"("createdAt");

-- AddForeignKey
ALTER TABLE "WorkforceObservation" ADD CONSTRAINT "WorkforceObservation_importId_fkey" FOREIGN KEY ("importId") REFERENCES "MetricImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SicknessObservation" ADD CONSTRAINT "SicknessObservation_importId_fkey" FOREIGN KEY ("importId") REFERENCES "MetricImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
