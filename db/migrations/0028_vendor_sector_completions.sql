CREATE TABLE `vendor_sector_completions` (
	`vendor_id` text NOT NULL,
	`sector` text NOT NULL,
	`completed` integer NOT NULL,
	PRIMARY KEY(`vendor_id`, `sector`),
	FOREIGN KEY (`vendor_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vendor_sector_completions_sector_idx` ON `vendor_sector_completions` (`sector`,`completed`,`vendor_id`);