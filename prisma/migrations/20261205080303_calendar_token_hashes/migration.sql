-- Calendar links are derived from the event's id and COP_SECRET (src/core/links/calendar-links.ts), so
-- new events keep no token. Events made before keep their old link working for those who subscribed to
-- it: their plain-text token becomes a `sha256:<hex>` hash here, and nothing keeps the tokens any more.

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "legacyCalendarTokenHash" TEXT;

-- Existing events, by the hash of their token.
UPDATE "Event" SET "legacyCalendarTokenHash" = 'sha256:' || encode(sha256(convert_to("calendarToken", 'UTF8')), 'hex');

-- DropIndex
DROP INDEX "Event_calendarToken_key";

-- AlterTable
ALTER TABLE "Event" DROP COLUMN "calendarToken";

-- CreateIndex
CREATE UNIQUE INDEX "Event_legacyCalendarTokenHash_key" ON "Event"("legacyCalendarTokenHash");
