-- The case-study search indexes without GIN's pending list. With fastupdate (the default) new entries
-- wait in an unsorted list that every search reads in full until VACUUM merges it, and PGlite runs no
-- autovacuum: after an import of thousands of case studies each search scanned that list, and the
-- planner, pricing the index by it, read the whole table instead. Case studies are written rarely and
-- searched often, so each write now updates the index itself.
ALTER INDEX "CaseStudy_search_idx" SET (fastupdate = off);
ALTER INDEX "CaseStudy_tags_idx" SET (fastupdate = off);

-- Merges what is already waiting (an existing database keeps its list until then).
SELECT gin_clean_pending_list('"CaseStudy_search_idx"'::regclass);
SELECT gin_clean_pending_list('"CaseStudy_tags_idx"'::regclass);
