-- The language a file made when its link is opened is written in (CSV headers): cy or en.
ALTER TABLE "FileLink" ADD COLUMN "language" TEXT;
