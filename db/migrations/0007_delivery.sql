CREATE TABLE `amendments` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`milestone_id` text,
	`kind` text NOT NULL,
	`new_title` text,
	`new_amount` integer,
	`new_due_at` integer,
	`value_delta` integer DEFAULT 0 NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`proposed_by` text NOT NULL,
	`proposed_by_side` text NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`milestone_id`) REFERENCES `engagement_milestones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `amendments_engagement_idx` ON `amendments` (`engagement_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`submission_id` text,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`storage_key` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submission_id`) REFERENCES `milestone_submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_submission_idx` ON `attachments` (`submission_id`);--> statement-breakpoint
CREATE INDEX `attachments_engagement_idx` ON `attachments` (`engagement_id`);--> statement-breakpoint
CREATE TABLE `engagement_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`engagement_id` text NOT NULL,
	`kind` text NOT NULL,
	`actor_id` text,
	`body` text,
	`params` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `engagement_events_engagement_at_idx` ON `engagement_events` (`engagement_id`,`at`);--> statement-breakpoint
CREATE TABLE `incidents` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`raised_by` text NOT NULL,
	`raised_by_side` text NOT NULL,
	`category` text NOT NULL,
	`description` text NOT NULL,
	`status` text NOT NULL,
	`assigned_to` text,
	`resolution` text,
	`resolved_at` integer,
	`handling_rating` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_to`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incidents_engagement_idx` ON `incidents` (`engagement_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `incidents_status_created_idx` ON `incidents` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `milestone_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`milestone_id` text NOT NULL,
	`engagement_id` text NOT NULL,
	`note` text NOT NULL,
	`link` text,
	`submitted_by` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`decision` text,
	`decision_reason` text,
	`decided_by` text,
	`decided_at` integer,
	FOREIGN KEY (`milestone_id`) REFERENCES `engagement_milestones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `milestone_submissions_milestone_idx` ON `milestone_submissions` (`milestone_id`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`vendor_id` text NOT NULL,
	`sme_id` text NOT NULL,
	`quality` integer NOT NULL,
	`schedule` integer NOT NULL,
	`value` integer NOT NULL,
	`communication` integer NOT NULL,
	`recommend` integer NOT NULL,
	`comment` text NOT NULL,
	`reply` text,
	`replied_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sme_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_engagement_unique` ON `reviews` (`engagement_id`);--> statement-breakpoint
CREATE INDEX `reviews_vendor_created_idx` ON `reviews` (`vendor_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sme_ratings` (
	`engagement_id` text PRIMARY KEY NOT NULL,
	`sme_id` text NOT NULL,
	`vendor_id` text NOT NULL,
	`rating` integer NOT NULL,
	`comment` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sme_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sme_ratings_sme_idx` ON `sme_ratings` (`sme_id`);--> statement-breakpoint
ALTER TABLE `engagement_milestones` ADD `first_submitted_at` integer;--> statement-breakpoint
ALTER TABLE `engagement_milestones` ADD `submitted_at` integer;--> statement-breakpoint
ALTER TABLE `engagement_milestones` ADD `accepted_at` integer;--> statement-breakpoint
ALTER TABLE `engagement_milestones` ADD `rejections` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `engagements` ADD `completed_at` integer;--> statement-breakpoint
ALTER TABLE `engagements` ADD `terminated_at` integer;--> statement-breakpoint
ALTER TABLE `engagements` ADD `termination_reason` text;--> statement-breakpoint
ALTER TABLE `engagements` ADD `last_activity_at` integer;