CREATE TABLE `assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`user_id` text NOT NULL,
	`questionnaire_id` text NOT NULL,
	`status` text NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`step` integer DEFAULT 0 NOT NULL,
	`pillar_scores` text,
	`total_score` integer,
	`level` integer,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessments_org_status_completed_idx` ON `assessments` (`organisation_id`,`status`,`completed_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `assessments_one_draft_per_org` ON `assessments` (`organisation_id`) WHERE "assessments"."status" = 'draft';--> statement-breakpoint
CREATE TABLE `need_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`need_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`event` text NOT NULL,
	`changes` text,
	`note` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`need_id`) REFERENCES `needs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `need_events_need_at_idx` ON `need_events` (`need_id`,`at`);--> statement-breakpoint
CREATE TABLE `needs` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`created_by` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`category` text NOT NULL,
	`sector` text NOT NULL,
	`budget_min` integer NOT NULL,
	`budget_max` integer NOT NULL,
	`desired_start` integer NOT NULL,
	`deadline` integer NOT NULL,
	`requirements` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`published_at` integer,
	`closed_at` integer,
	`cancelled_at` integer,
	`cancel_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `needs_org_updated_idx` ON `needs` (`organisation_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `needs_status_published_idx` ON `needs` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `needs_status_deadline_idx` ON `needs` (`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `needs_status_budget_idx` ON `needs` (`status`,`budget_max`);--> statement-breakpoint
CREATE INDEX `needs_status_category_published_idx` ON `needs` (`status`,`category`,`published_at`);--> statement-breakpoint
CREATE INDEX `needs_status_sector_published_idx` ON `needs` (`status`,`sector`,`published_at`);