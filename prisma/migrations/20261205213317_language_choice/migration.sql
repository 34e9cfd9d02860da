-- CreateEnum
CREATE TYPE "LanguageChoice" AS ENUM ('cy', 'en', 'both');

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "language" "LanguageChoice";

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "language" "LanguageChoice";
