CREATE TABLE `vendor_stats` (
	`vendor_id` text PRIMARY KEY NOT NULL,
	`active_engagements` integer DEFAULT 0 NOT NULL,
	`completed_engagements` integer DEFAULT 0 NOT NULL,
	`completed_by_sector` text DEFAULT '{}' NOT NULL,
	`milestones_due` integer DEFAULT 0 NOT NULL,
	`milestones_on_time` integer DEFAULT 0 NOT NULL,
	`next_due_at` integer,
	`review_count` integer DEFAULT 0 NOT NULL,
	`quality_sum` integer DEFAULT 0 NOT NULL,
	`schedule_sum` integer DEFAULT 0 NOT NULL,
	`value_sum` integer DEFAULT 0 NOT NULL,
	`communication_sum` integer DEFAULT 0 NOT NULL,
	`recommend_sum` integer DEFAULT 0 NOT NULL,
	`refreshed_at` integer NOT NULL,
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vendor_stats_next_due_idx` ON `vendor_stats` (`next_due_at`);--> statement-breakpoint
CREATE INDEX `engagement_milestones_status_submitted_due_idx` ON `engagement_milestones` (`status`,`first_submitted_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `engagement_milestones_submitted_due_idx` ON `engagement_milestones` (`first_submitted_at`,`due_at`,`status`);