ALTER TABLE `vendor_profiles` ADD `listed_until` integer;--> statement-breakpoint
ALTER TABLE `vendor_profiles` ADD `search_rowid` integer;--> statement-breakpoint
CREATE INDEX `vendor_profiles_listed_idx` ON `vendor_profiles` (`listed_until`);--> statement-breakpoint
CREATE INDEX `vendor_profiles_listed_newest_idx` ON `vendor_profiles` ("vetted_at" DESC,`organisation_id`,`listed_until`);--> statement-breakpoint
CREATE INDEX `vendor_profiles_listed_rating_idx` ON `vendor_profiles` (("rating_avg_x100" IS NULL),"rating_avg_x100" DESC,"rating_count" DESC,"vetted_at" DESC,`organisation_id`,`listed_until`);--> statement-breakpoint
CREATE INDEX `vendor_profiles_listed_search_idx` ON `vendor_profiles` (`search_rowid`,`listed_until`,`rating_count`,`vetted_at`,`organisation_id`);