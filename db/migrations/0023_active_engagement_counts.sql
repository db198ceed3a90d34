CREATE TABLE `active_engagement_counts` (
	`sector` text NOT NULL,
	`health_rank` integer NOT NULL,
	`engagements` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`sector`, `health_rank`)
);
--> statement-breakpoint
CREATE INDEX `organisations_kind_vendor_status_idx` ON `organisations` (`kind`,`vendor_status`);