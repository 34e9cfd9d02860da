-- AlterTable
-- What a case study is about (title A, summary and themes B, the same words and positions as the start of
-- `search`): a broad search ranks the case studies that match here as well as the first ones found.
ALTER TABLE "CaseStudy" ADD COLUMN "topicSearch" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english'::regconfig, coalesce("summary", '') || ' ' || coalesce("case_tags_text"("tags"), '')), 'B')
) STORED;

-- The search's GIN indexes keep no pending list (fastupdate off). With one, new entries wait in an
-- unsorted list that every search reads in full until VACUUM merges it, and PGlite runs no autovacuum:
-- after an import of thousands of case studies each search read that list, and the planner, pricing
-- the index by it, read the whole table instead. Case studies are written rarely and searched often.
CREATE INDEX "CaseStudy_topicSearch_idx" ON "CaseStudy" USING GIN ("topicSearch") WITH (fastupdate = off);
ALTER INDEX "CaseStudy_search_idx" SET (fastupdate = off);
ALTER INDEX "CaseStudy_tags_idx" SET (fastupdate = off);

-- Merges what is already waiting (an existing database keeps its list until then).
SELECT gin_clean_pending_list('"CaseStudy_search_idx"'::regclass);
SELECT gin_clean_pending_list('"CaseStudy_tags_idx"'::regclass);

-- The staff group and organisation type filters, as the search writes them, so that a filtered search
-- reads only the rows that pass every filter.
CREATE INDEX "CaseStudy_staffGroups_idx" ON "CaseStudy" USING GIN ("staffGroups") WITH (fastupdate = off);
CREATE INDEX "CaseStudy_organisationType_idx" ON "CaseStudy" (lower("organisationType"));
