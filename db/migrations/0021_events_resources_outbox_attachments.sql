CREATE TABLE `event_registrations` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`queued_at` integer NOT NULL,
	`registered_at` integer,
	`cancelled_at` integer,
	`attended_at` integer,
	`attendance_marked_by` text,
	`reminder_sent_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attendance_marked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_registrations_event_user_unique` ON `event_registrations` (`event_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `event_registrations_event_status_queued_idx` ON `event_registrations` (`event_id`,`status`,`queued_at`);--> statement-breakpoint
CREATE INDEX `event_registrations_user_idx` ON `event_registrations` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`audience` text NOT NULL,
	`organiser` text NOT NULL,
	`category` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`registration_deadline` integer NOT NULL,
	`street` text,
	`ward` text,
	`city` text,
	`online_url` text,
	`capacity` integer NOT NULL,
	`status` text NOT NULL,
	`published_at` integer,
	`cancelled_at` integer,
	`cancel_reason` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_status_starts_idx` ON `events` (`status`,`starts_at`);--> statement-breakpoint
CREATE INDEX `events_status_type_starts_idx` ON `events` (`status`,`type`,`starts_at`);--> statement-breakpoint
CREATE INDEX `events_status_category_starts_idx` ON `events` (`status`,`category`,`starts_at`);--> statement-breakpoint
CREATE INDEX `events_starts_idx` ON `events` (`starts_at`);--> statement-breakpoint
CREATE TABLE `resources` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`category` text,
	`pillar` text,
	`title_vi` text NOT NULL,
	`title_en` text NOT NULL,
	`summary_vi` text NOT NULL,
	`summary_en` text NOT NULL,
	`body_vi` text NOT NULL,
	`body_en` text NOT NULL,
	`status` text NOT NULL,
	`published_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `resources_slug_unique` ON `resources` (`slug`);--> statement-breakpoint
CREATE INDEX `resources_status_published_idx` ON `resources` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `resources_status_category_published_idx` ON `resources` (`status`,`category`,`published_at`);--> statement-breakpoint
CREATE INDEX `resources_status_pillar_published_idx` ON `resources` (`status`,`pillar`,`published_at`);--> statement-breakpoint
CREATE INDEX `resources_updated_idx` ON `resources` (`updated_at`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `attachments` text;