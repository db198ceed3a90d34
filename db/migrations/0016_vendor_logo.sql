ALTER TABLE `vendor_profiles` ADD `logo_key` text;--> statement-breakpoint
ALTER TABLE `vendor_profiles` ADD `logo_mime` text;--> statement-breakpoint
ALTER TABLE `vendor_profiles` ADD `logo_width` integer;--> statement-breakpoint
ALTER TABLE `vendor_profiles` ADD `logo_height` integer;