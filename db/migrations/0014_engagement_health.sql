ALTER TABLE `engagements` ADD `health_rank` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `engagements_status_health_awarded_idx` ON `engagements` (`status`,`health_rank`,`awarded_at`);--> statement-breakpoint
CREATE INDEX `engagements_health_awarded_idx` ON `engagements` (`health_rank`,`awarded_at`);--> statement-breakpoint
CREATE INDEX `flags_status_code_severity_idx` ON `flags` (`status`,`code`,`severity`);--> statement-breakpoint
CREATE INDEX `flags_raised_severity_idx` ON `flags` (`raised_at`,`severity`);