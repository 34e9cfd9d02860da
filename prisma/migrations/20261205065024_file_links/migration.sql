-- One table for every file behind a link (src/core/links): Download, EventExport and DigestChart go.
-- Downloads and event exports lived 15 minutes, so they are not carried over. Charts already posted in
-- digests keep working at /charts/<token>.png until their 90 days are up: their plain-text tokens become
-- `sha256:<hex>` hashes here, and nothing keeps the tokens themselves any more.

-- CreateTable
CREATE TABLE "FileLink" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "content" BYTEA,
    "eventId" TEXT,
    "memberId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FileLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FileLink_tokenHash_key" ON "FileLink"("tokenHash");

-- CreateIndex
CREATE INDEX "FileLink_expiresAt_idx" ON "FileLink"("expiresAt");

-- AddForeignKey
ALTER TABLE "FileLink" ADD CONSTRAINT "FileLink_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileLink" ADD CONSTRAINT "FileLink_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Posted charts, by the hash of their token.
INSERT INTO "FileLink" ("id", "tokenHash", "kind", "filename", "mediaType", "content", "createdAt", "expiresAt")
SELECT gen_random_uuid()::text, 'sha256:' || encode(sha256(convert_to("token", 'UTF8')), 'hex'), 'chart', 'trend.png', 'image/png', "png",
       "createdAt", "createdAt" + interval '90 days'
FROM "DigestChart"
WHERE "createdAt" > CURRENT_TIMESTAMP - interval '90 days';

-- DropForeignKey
ALTER TABLE "EventExport" DROP CONSTRAINT "EventExport_eventId_fkey";

-- DropForeignKey
ALTER TABLE "EventExport" DROP CONSTRAINT "EventExport_memberId_fkey";

-- DropTable
DROP TABLE "DigestChart";

-- DropTable
DROP TABLE "Download";

-- DropTable
DROP TABLE "EventExport";
