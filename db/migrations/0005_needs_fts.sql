-- Full-text search over needs (DESIGN §14): the body is the title, description and requirements
-- folded by app/lib/search-text.ts (lower case, no diacritics, đ → d), written by
-- app/models/needs.server.ts in the same transaction as the need itself.
CREATE VIRTUAL TABLE `needs_fts` USING fts5(`need_id` UNINDEXED, `body`, tokenize = 'unicode61');
