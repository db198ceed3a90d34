-- A vendor's completed engagements by sector as rows (vendor_sector_completions), kept from its
-- vendor_stats row by every write of that row: an insert (also INSERT OR REPLACE, whose implicit
-- delete fires no trigger) and an update rewrite the vendor's rows from `completed_by_sector`; a
-- delete removes them. Only sectors with at least one completed engagement have a row.
CREATE TRIGGER `vendor_sector_completions_insert` AFTER INSERT ON `vendor_stats`
BEGIN
  DELETE FROM `vendor_sector_completions` WHERE `vendor_id` = new.`vendor_id`;
  INSERT INTO `vendor_sector_completions` (`vendor_id`, `sector`, `completed`)
  SELECT new.`vendor_id`, j.`key`, j.`value` FROM json_each(new.`completed_by_sector`) j WHERE j.`value` > 0;
END;--> statement-breakpoint
CREATE TRIGGER `vendor_sector_completions_update` AFTER UPDATE OF `vendor_id`, `completed_by_sector` ON `vendor_stats`
BEGIN
  DELETE FROM `vendor_sector_completions` WHERE `vendor_id` IN (old.`vendor_id`, new.`vendor_id`);
  INSERT INTO `vendor_sector_completions` (`vendor_id`, `sector`, `completed`)
  SELECT new.`vendor_id`, j.`key`, j.`value` FROM json_each(new.`completed_by_sector`) j WHERE j.`value` > 0;
END;--> statement-breakpoint
CREATE TRIGGER `vendor_sector_completions_delete` AFTER DELETE ON `vendor_stats`
BEGIN
  DELETE FROM `vendor_sector_completions` WHERE `vendor_id` = old.`vendor_id`;
END;--> statement-breakpoint
INSERT INTO `vendor_sector_completions` (`vendor_id`, `sector`, `completed`)
SELECT vs.`vendor_id`, j.`key`, j.`value` FROM `vendor_stats` vs, json_each(vs.`completed_by_sector`) j WHERE j.`value` > 0;
