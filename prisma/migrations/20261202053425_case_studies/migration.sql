-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('draft', 'submitted', 'published', 'rejected', 'archived');

-- Tags as words for the search vector: array_to_string is only STABLE, and a generated column needs an
-- IMMUTABLE expression, which joining a text array with spaces is.
CREATE FUNCTION "case_tags_text"(tags TEXT[]) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT replace(array_to_string(tags, ' '), '-', ' ') $$;

-- CreateTable
CREATE TABLE "CaseStudy" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "sourceId" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "challenge" TEXT NOT NULL,
    "actions" TEXT NOT NULL,
    "results" TEXT NOT NULL,
    "resultsPeriod" TEXT,
    "organisationName" TEXT,
    "organisationType" TEXT,
    "regionCode" TEXT,
    "staffGroups" TEXT[],
    "promiseElements" TEXT[],
    "tags" TEXT[],
    "links" TEXT[],
    "contactName" TEXT,
    "contactRole" TEXT,
    "contactConsent" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "sourceDate" DATE,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "keywords" TEXT NOT NULL DEFAULT '',
    "status" "CaseStatus" NOT NULL DEFAULT 'submitted',
    "submittedById" TEXT,
    "reviewedById" TEXT,
    "reviewNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "submittedAt" TIMESTAMPTZ(3),
    "reviewedAt" TIMESTAMPTZ(3),
    -- Weighted: A title, B summary and tags, C the account and the organisation, D staff groups, People
    -- Promise elements, region and type names (keywords, written by the repository).
    "search" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
      setweight(to_tsvector('english'::regconfig, coalesce("summary", '') || ' ' || coalesce("case_tags_text"("tags"), '')), 'B') ||
      setweight(to_tsvector('english'::regconfig, coalesce("challenge", '') || ' ' || coalesce("actions", '') || ' ' || coalesce("results", '') || ' ' || coalesce("organisationName", '')), 'C') ||
      setweight(to_tsvector('english'::regconfig, coalesce("keywords", '')), 'D')
    ) STORED,

    CONSTRAINT "CaseStudy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseStudy_number_key" ON "CaseStudy"("number");

-- CreateIndex
CREATE UNIQUE INDEX "CaseStudy_sourceId_key" ON "CaseStudy"("sourceId");

-- CreateIndex
CREATE INDEX "CaseStudy_status_regionCode_idx" ON "CaseStudy"("status", "regionCode");

-- CreateIndex
CREATE INDEX "CaseStudy_submittedById_idx" ON "CaseStudy"("submittedById");

-- AddForeignKey
ALTER TABLE "CaseStudy" ADD CONSTRAINT "CaseStudy_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseStudy" ADD CONSTRAINT "CaseStudy_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseStudy" ADD CONSTRAINT "CaseStudy_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Full-text search over published case studies.
CREATE INDEX "CaseStudy_search_idx" ON "CaseStudy" USING GIN ("search");

-- Themes (tags) and staff group filters.
CREATE INDEX "CaseStudy_tags_idx" ON "CaseStudy" USING GIN ("tags");
