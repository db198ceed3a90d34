CREATE INDEX `assessments_status_completed_idx` ON `assessments` (`status`,`completed_at`,`organisation_id`,`level`);--> statement-breakpoint
CREATE INDEX `engagements_awarded_idx` ON `engagements` (`awarded_at`,`id`);--> statement-breakpoint
CREATE INDEX `engagements_status_completed_idx` ON `engagements` (`status`,`completed_at`);--> statement-breakpoint
CREATE INDEX `needs_published_report_idx` ON `needs` (`published_at`,`status`,`sector`,`deadline`,`id`);--> statement-breakpoint
CREATE INDEX `organisations_kind_sector_created_idx` ON `organisations` (`kind`,`sector`,`created_at`);--> statement-breakpoint
CREATE INDEX `reviews_created_idx` ON `reviews` (`created_at`);--> statement-breakpoint
CREATE INDEX `vetting_events_event_at_idx` ON `vetting_events` (`event`,`at`);