-- Full-text search over the directory: one row per vendor holding its name, description, package
-- names and category labels, folded by app/lib/search-text.ts (lower case, no diacritics, đ → d).
-- The vendors model rewrites a vendor's row in the same transaction as the data it is made from.
CREATE VIRTUAL TABLE `vendors_fts` USING fts5(vendor_id UNINDEXED, body, tokenize = 'unicode61');
