-- The directory's search rows get one column per kind of text (name, categories, packages,
-- description), so that a match on the vendor's name ranks above one in its categories, and its
-- packages above its description (app/models/directory.server.ts). The text stays folded by
-- app/lib/search-text.ts; the tokenizer also removes diacritics, so that the rows rebuilt here in
-- SQL (which cannot fold) search the same: only đ needs replacing by hand.
-- Category labels live in the locale files, so the rebuilt rows keep the old folded text (which
-- has them) as their description; the next change to a vendor's dossier rewrites its row exactly.
CREATE VIRTUAL TABLE `vendors_fts_new` USING fts5(vendor_id UNINDEXED, name, categories, packages, description, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `vendors_fts_new` (vendor_id, name, categories, packages, description)
SELECT f.vendor_id,
  replace(replace(o.legal_name, 'đ', 'd'), 'Đ', 'D'),
  coalesce((SELECT group_concat(c.category, ' ') FROM vendor_categories c WHERE c.vendor_id = f.vendor_id), ''),
  coalesce((SELECT group_concat(replace(replace(sp.name, 'đ', 'd'), 'Đ', 'D'), ' ') FROM service_packages sp
    WHERE sp.vendor_id = f.vendor_id AND sp.removed_at IS NULL), ''),
  f.body
FROM `vendors_fts` f JOIN organisations o ON o.id = f.vendor_id;
--> statement-breakpoint
DROP TABLE `vendors_fts`;
--> statement-breakpoint
ALTER TABLE `vendors_fts_new` RENAME TO `vendors_fts`;
