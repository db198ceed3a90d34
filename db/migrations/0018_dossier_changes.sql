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
CREATE INDEX `dossier_changes_status_updated_idx` ON `dossier_changes` (`status`,`updated_at`);