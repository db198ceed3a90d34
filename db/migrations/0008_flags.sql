CREATE TABLE `flag_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flag_id` text NOT NULL,
	`kind` text NOT NULL,
	`actor_id` text,
	`severity` text,
	`note` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`flag_id`) REFERENCES `flags`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `flag_events_flag_idx` ON `flag_events` (`flag_id`,`at`);--> statement-breakpoint
CREATE TABLE `flags` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`need_id` text,
	`engagement_id` text,
	`vendor_id` text,
	`sector` text,
	`severity` text NOT NULL,
	`status` text NOT NULL,
	`evidence` text NOT NULL,
	`assigned_to` text,
	`note` text,
	`raised_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`assigned_to`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `flags_one_open_per_rule_subject` ON `flags` (`code`,`subject_type`,`subject_id`) WHERE status IN ('open', 'acknowledged');--> statement-breakpoint
CREATE INDEX `flags_subject_idx` ON `flags` (`subject_type`,`subject_id`,`code`);--> statement-breakpoint
CREATE INDEX `flags_status_severity_raised_idx` ON `flags` (`status`,`severity`,`raised_at`);--> statement-breakpoint
CREATE INDEX `flags_engagement_status_idx` ON `flags` (`engagement_id`,`status`);--> statement-breakpoint
CREATE INDEX `flags_vendor_status_idx` ON `flags` (`vendor_id`,`status`);--> statement-breakpoint
CREATE INDEX `flags_assigned_status_idx` ON `flags` (`assigned_to`,`status`);