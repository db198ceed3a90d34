CREATE TABLE `case_studies` (
	`id` text PRIMARY KEY NOT NULL,
	`vendor_id` text NOT NULL,
	`title` text NOT NULL,
	`sector` text NOT NULL,
	`challenge` text NOT NULL,
	`work` text NOT NULL,
	`result` text NOT NULL,
	`engagement_id` text,
	`created_at` integer NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_studies_vendor_idx` ON `case_studies` (`vendor_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `dossier_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`vendor_id` text NOT NULL,
	`status` text NOT NULL,
	`base` text NOT NULL,
	`proposed` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by` text,
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dossier_changes_one_open_per_vendor` ON `dossier_changes` (`vendor_id`) WHERE status IN ('pending', 'changes_requested');--> statement-breakpoint
CREATE INDEX `dossier_changes_vendor_created_idx` ON `dossier_changes` (`vendor_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `dossier_changes_status_updated_idx` ON `dossier_changes` (`status`,`updated_at`);--> statement-breakpoint
ALTER TABLE `vendor_profiles` ADD `logo_key` text;--> statement-breakpoint
ALTER TABLE `vendor_profiles` ADD `logo_mime` text;--> statement-breakpoint
ALTER TABLE `vendor_profiles` ADD `logo_width` integer;--> statement-breakpoint
ALTER TABLE `vendor_profiles` ADD `logo_height` integer;