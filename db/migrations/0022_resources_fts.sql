-- Full-text search over knowledge resources (ADR 004): the body is both languages' title, summary
-- and text folded by app/lib/search-text.ts, written by app/models/resources.server.ts in the same
-- transaction as the resource itself.
CREATE VIRTUAL TABLE `resources_fts` USING fts5(`resource_id` UNINDEXED, `body`, tokenize = 'unicode61');
