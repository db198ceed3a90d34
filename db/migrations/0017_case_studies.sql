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
CREATE INDEX `case_studies_vendor_idx` ON `case_studies` (`vendor_id`,`created_at`);