-- Active engagements by their need's sector and health rank, kept by the engagements' own
-- changes (ADR 012 §7): an award inserts an active engagement; the flag engine changes its
-- health rank; completion and termination end it. The sweep repairs any drift
-- (app/models/dashboard.server.ts `repairActiveEngagementCounts`).
CREATE TRIGGER `active_engagement_counts_insert` AFTER INSERT ON `engagements`
WHEN new.`status` = 'active'
BEGIN
  INSERT INTO `active_engagement_counts` (`sector`, `health_rank`, `engagements`)
  SELECT n.`sector`, new.`health_rank`, 1 FROM `needs` n WHERE n.`id` = new.`need_id`
  ON CONFLICT (`sector`, `health_rank`) DO UPDATE SET `engagements` = `engagements` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `active_engagement_counts_update` AFTER UPDATE OF `status`, `health_rank`, `need_id` ON `engagements`
WHEN old.`status` = 'active' OR new.`status` = 'active'
BEGIN
  UPDATE `active_engagement_counts` SET `engagements` = `engagements` - 1
  WHERE old.`status` = 'active' AND `health_rank` = old.`health_rank`
    AND `sector` = (SELECT n.`sector` FROM `needs` n WHERE n.`id` = old.`need_id`);
  INSERT INTO `active_engagement_counts` (`sector`, `health_rank`, `engagements`)
  SELECT n.`sector`, new.`health_rank`, 1 FROM `needs` n WHERE new.`status` = 'active' AND n.`id` = new.`need_id`
  ON CONFLICT (`sector`, `health_rank`) DO UPDATE SET `engagements` = `engagements` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `active_engagement_counts_delete` AFTER DELETE ON `engagements`
WHEN old.`status` = 'active'
BEGIN
  UPDATE `active_engagement_counts` SET `engagements` = `engagements` - 1
  WHERE `health_rank` = old.`health_rank`
    AND `sector` = (SELECT n.`sector` FROM `needs` n WHERE n.`id` = old.`need_id`);
END;--> statement-breakpoint
INSERT INTO `active_engagement_counts` (`sector`, `health_rank`, `engagements`)
SELECT n.`sector`, e.`health_rank`, count(*) FROM `engagements` e JOIN `needs` n ON n.`id` = e.`need_id`
WHERE e.`status` = 'active' GROUP BY n.`sector`, e.`health_rank`;
