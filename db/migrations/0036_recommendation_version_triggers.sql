-- What a vendor's recommended needs are read from besides its own facts (recommendedNeedsForVendor;
-- those are matching_version's): the open needs (status, deadline, category, sector, budget, title,
-- owner) and the vendor's live bids (a need it bid on leaves its list). A write to any of it moves
-- recommendation_version's one row, and the lists kept in memory are read again. The owners' names
-- are organisations' legal_name, which matching_version already follows.
INSERT INTO `recommendation_version` (`id`, `n`) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER `recommendation_version_needs_insert` AFTER INSERT ON `needs`
BEGIN
  UPDATE `recommendation_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `recommendation_version_needs_delete` AFTER DELETE ON `needs`
BEGIN
  UPDATE `recommendation_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `recommendation_version_needs_update` AFTER UPDATE OF `id`, `organisation_id`, `title`, `category`, `sector`, `budget_min`, `budget_max`, `deadline`, `status` ON `needs`
BEGIN
  UPDATE `recommendation_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `recommendation_version_bids_insert` AFTER INSERT ON `bids`
BEGIN
  UPDATE `recommendation_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `recommendation_version_bids_delete` AFTER DELETE ON `bids`
BEGIN
  UPDATE `recommendation_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `recommendation_version_bids_update` AFTER UPDATE OF `need_id`, `vendor_id`, `status` ON `bids`
BEGIN
  UPDATE `recommendation_version` SET `n` = `n` + 1;
END;
