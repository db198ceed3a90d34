-- What the market figures count (marketStats): a write to any of it moves market_version's one
-- row, and the figures kept in memory are read again. Other writes (bids, messages, sessions) leave
-- it, and the figures, as they are. A new organisation counts only once it has a vendor profile
-- (whose insert moves it).
INSERT INTO `market_version` (`id`, `n`) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER `market_version_milestones_insert` AFTER INSERT ON `engagement_milestones`
BEGIN
  UPDATE `market_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `market_version_milestones_delete` AFTER DELETE ON `engagement_milestones`
BEGIN
  UPDATE `market_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `market_version_milestones_update` AFTER UPDATE OF `status`, `first_submitted_at`, `due_at` ON `engagement_milestones`
BEGIN
  UPDATE `market_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `market_version_profiles_insert` AFTER INSERT ON `vendor_profiles`
BEGIN
  UPDATE `market_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `market_version_profiles_delete` AFTER DELETE ON `vendor_profiles`
BEGIN
  UPDATE `market_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `market_version_profiles_update` AFTER UPDATE OF `organisation_id`, `rating_avg_x100`, `rating_count`, `vetting_expires_at` ON `vendor_profiles`
BEGIN
  UPDATE `market_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `market_version_organisations_delete` AFTER DELETE ON `organisations`
BEGIN
  UPDATE `market_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `market_version_organisations_update` AFTER UPDATE OF `id`, `kind`, `vendor_status` ON `organisations`
BEGIN
  UPDATE `market_version` SET `n` = `n` + 1;
END;
