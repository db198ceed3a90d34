CREATE TABLE `bid_milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`bid_id` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`due_offset_days` integer NOT NULL,
	`amount` integer NOT NULL,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bid_milestones_bid_idx` ON `bid_milestones` (`bid_id`,`position`);--> statement-breakpoint
CREATE TABLE `bids` (
	`id` text PRIMARY KEY NOT NULL,
	`need_id` text NOT NULL,
	`vendor_id` text NOT NULL,
	`submitted_by` text NOT NULL,
	`status` text NOT NULL,
	`total` integer NOT NULL,
	`duration_days` integer NOT NULL,
	`approach` text NOT NULL,
	`validity_days` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`withdrawn_at` integer,
	FOREIGN KEY (`need_id`) REFERENCES `needs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bids_one_live_per_vendor` ON `bids` (`need_id`,`vendor_id`) WHERE status <> 'withdrawn';--> statement-breakpoint
CREATE INDEX `bids_need_status_idx` ON `bids` (`need_id`,`status`);--> statement-breakpoint
CREATE INDEX `bids_vendor_updated_idx` ON `bids` (`vendor_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `engagement_milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`due_at` integer NOT NULL,
	`amount` integer NOT NULL,
	`status` text NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `engagement_milestones_engagement_idx` ON `engagement_milestones` (`engagement_id`,`position`);--> statement-breakpoint
CREATE INDEX `engagement_milestones_status_due_idx` ON `engagement_milestones` (`status`,`due_at`);--> statement-breakpoint
CREATE TABLE `engagements` (
	`id` text PRIMARY KEY NOT NULL,
	`need_id` text NOT NULL,
	`bid_id` text NOT NULL,
	`sme_id` text NOT NULL,
	`vendor_id` text NOT NULL,
	`status` text NOT NULL,
	`total` integer NOT NULL,
	`awarded_at` integer NOT NULL,
	`awarded_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`need_id`) REFERENCES `needs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sme_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`awarded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `engagements_need_unique` ON `engagements` (`need_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `engagements_bid_unique` ON `engagements` (`bid_id`);--> statement-breakpoint
CREATE INDEX `engagements_sme_awarded_idx` ON `engagements` (`sme_id`,`awarded_at`);--> statement-breakpoint
CREATE INDEX `engagements_vendor_awarded_idx` ON `engagements` (`vendor_id`,`awarded_at`);--> statement-breakpoint
CREATE INDEX `engagements_status_awarded_idx` ON `engagements` (`status`,`awarded_at`);--> statement-breakpoint
CREATE TABLE `need_questions` (
	`id` text PRIMARY KEY NOT NULL,
	`need_id` text NOT NULL,
	`asked_by` text NOT NULL,
	`vendor_id` text NOT NULL,
	`question` text NOT NULL,
	`answer` text,
	`answered_by` text,
	`answered_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`need_id`) REFERENCES `needs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`asked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `need_questions_need_idx` ON `need_questions` (`need_id`,`created_at`);