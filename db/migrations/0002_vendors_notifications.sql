CREATE TABLE `email_opt_outs` (
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`link` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_created_idx` ON `notifications` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_user_unread_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `service_packages` (
	`id` text PRIMARY KEY NOT NULL,
	`vendor_id` text NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`price_from` integer NOT NULL,
	`price_to` integer NOT NULL,
	`unit` text NOT NULL,
	`included` text NOT NULL,
	`created_at` integer NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_packages_vendor_idx` ON `service_packages` (`vendor_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `service_packages_category_price_idx` ON `service_packages` (`category`,`price_from`);--> statement-breakpoint
CREATE TABLE `vendor_categories` (
	`vendor_id` text NOT NULL,
	`category` text NOT NULL,
	PRIMARY KEY(`vendor_id`, `category`),
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vendor_categories_category_idx` ON `vendor_categories` (`category`,`vendor_id`);--> statement-breakpoint
CREATE TABLE `vendor_profiles` (
	`organisation_id` text PRIMARY KEY NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`year_founded` integer,
	`website` text,
	`team_size` integer,
	`contact_name` text,
	`contact_email` text,
	`contact_phone` text,
	`certifications` text DEFAULT '[]' NOT NULL,
	`submitted_at` integer,
	`vetted_at` integer,
	`vetting_expires_at` integer,
	`vetted_by` text,
	`rating_avg_x100` integer,
	`rating_count` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vendor_profiles_vetted_idx` ON `vendor_profiles` (`vetted_at`);--> statement-breakpoint
CREATE INDEX `vendor_profiles_submitted_idx` ON `vendor_profiles` (`submitted_at`);--> statement-breakpoint
CREATE TABLE `vendor_references` (
	`id` text PRIMARY KEY NOT NULL,
	`vendor_id` text NOT NULL,
	`client_name` text NOT NULL,
	`contact_name` text NOT NULL,
	`contact_phone` text NOT NULL,
	`contact_email` text,
	`project` text NOT NULL,
	`created_at` integer NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vendor_references_vendor_idx` ON `vendor_references` (`vendor_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `vendor_sectors` (
	`vendor_id` text NOT NULL,
	`sector` text NOT NULL,
	PRIMARY KEY(`vendor_id`, `sector`),
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vendor_sectors_sector_idx` ON `vendor_sectors` (`sector`,`vendor_id`);--> statement-breakpoint
CREATE TABLE `vetting_events` (
	`id` text PRIMARY KEY NOT NULL,
	`vendor_id` text NOT NULL,
	`event` text NOT NULL,
	`actor_id` text NOT NULL,
	`note` text,
	`checklist` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vetting_events_vendor_at_idx` ON `vetting_events` (`vendor_id`,`at`);--> statement-breakpoint
CREATE INDEX `vetting_events_vendor_actor_idx` ON `vetting_events` (`vendor_id`,`actor_id`,`event`);--> statement-breakpoint
CREATE INDEX `organisations_vendor_status_idx` ON `organisations` (`vendor_status`);