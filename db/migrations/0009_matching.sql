CREATE TABLE `need_invitations` (
	`need_id` text NOT NULL,
	`vendor_id` text NOT NULL,
	`invited_by` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`need_id`, `vendor_id`),
	FOREIGN KEY (`need_id`) REFERENCES `needs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `need_invitations_vendor_created_idx` ON `need_invitations` (`vendor_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `engagement_milestones_engagement_status_due_idx` ON `engagement_milestones` (`engagement_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `engagements_vendor_status_idx` ON `engagements` (`vendor_id`,`status`,`need_id`,`id`);--> statement-breakpoint
CREATE INDEX `needs_status_category_deadline_idx` ON `needs` (`status`,`category`,`deadline`);--> statement-breakpoint
CREATE INDEX `needs_id_sector_idx` ON `needs` (`id`,`sector`);