-- What a need's ranked vendors are made of (rankVendorsForNeed): a write to any of it moves
-- matching_version's one row, and the lists kept in memory are read again. The candidates' facts
-- (vendorFacts, bestPossibleRanks): the organisation's kind, vendor status and name; its profile's
-- rating and vetting expiry; its categories, sectors and packages; its open engagement flags; its
-- maintained track record (vendor_stats and vendor_sector_completions, which the engagement events
-- rewrite). Other writes (bids, needs, messages, sessions) leave it, and the lists, as they are.
-- A new organisation counts only once it has a vendor profile (whose insert moves it).
INSERT INTO `matching_version` (`id`, `n`) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER `matching_version_organisations_update` AFTER UPDATE OF `id`, `kind`, `vendor_status`, `legal_name` ON `organisations`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_organisations_delete` AFTER DELETE ON `organisations`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_profiles_insert` AFTER INSERT ON `vendor_profiles`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_profiles_delete` AFTER DELETE ON `vendor_profiles`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_profiles_update` AFTER UPDATE OF `organisation_id`, `rating_avg_x100`, `rating_count`, `vetting_expires_at` ON `vendor_profiles`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_categories_insert` AFTER INSERT ON `vendor_categories`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_categories_delete` AFTER DELETE ON `vendor_categories`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_sectors_insert` AFTER INSERT ON `vendor_sectors`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_sectors_delete` AFTER DELETE ON `vendor_sectors`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_packages_insert` AFTER INSERT ON `service_packages`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_packages_delete` AFTER DELETE ON `service_packages`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_flags_insert` AFTER INSERT ON `flags`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_flags_delete` AFTER DELETE ON `flags`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_stats_insert` AFTER INSERT ON `vendor_stats`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_stats_delete` AFTER DELETE ON `vendor_stats`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_completions_insert` AFTER INSERT ON `vendor_sector_completions`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_completions_delete` AFTER DELETE ON `vendor_sector_completions`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_categories_update` AFTER UPDATE OF `vendor_id`, `category` ON `vendor_categories`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_sectors_update` AFTER UPDATE OF `vendor_id`, `sector` ON `vendor_sectors`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_packages_update` AFTER UPDATE OF `vendor_id`, `category`, `price_from`, `price_to`, `removed_at` ON `service_packages`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_flags_update` AFTER UPDATE OF `vendor_id`, `status`, `subject_type` ON `flags`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_stats_update` AFTER UPDATE OF `vendor_id`, `active_engagements`, `completed_by_sector`, `milestones_due`, `milestones_on_time` ON `vendor_stats`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `matching_version_completions_update` AFTER UPDATE OF `vendor_id`, `sector`, `completed` ON `vendor_sector_completions`
BEGIN
  UPDATE `matching_version` SET `n` = `n` + 1;
END;
