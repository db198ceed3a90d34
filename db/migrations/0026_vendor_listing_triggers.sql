-- The directory's listing (ADR 012): `vendor_profiles.listed_until` is the vendor's
-- `vetting_expires_at` while its organisation is a vetted vendor, else null, so that "vetted,
-- unexpired and unsuspended now" (app/lib/vendor-lifecycle.ts `isVettedNow`) is `listed_until > now`
-- on one table and the directory's filter, count and orders are served by its indexes
-- (app/models/directory.server.ts). Kept here by every change to either side: a profile created
-- or its expiry changed (vetting, renewal), an organisation's vendor status changed (vetting,
-- suspension, reinstatement, withdrawal).
-- `vendor_profiles.search_rowid` is the rowid of the vendor's `vendors_fts` row, which
-- app/models/dossier.server.ts `refreshVendorSearch` keeps (it rewrites the row under the same rowid);
-- a profile created after its search row finds it here. A migration that rebuilds `vendors_fts`
-- must keep each row's rowid (or set `search_rowid` again).
CREATE TRIGGER `vendor_profiles_listed_insert` AFTER INSERT ON `vendor_profiles`
BEGIN
  UPDATE `vendor_profiles` SET
    `listed_until` = (
      SELECT CASE WHEN o.`kind` = 'vendor' AND o.`vendor_status` = 'vetted' THEN new.`vetting_expires_at` END
      FROM `organisations` o WHERE o.`id` = new.`organisation_id`),
    `search_rowid` = coalesce(new.`search_rowid`,
      (SELECT max(f.`rowid`) FROM `vendors_fts` f WHERE f.`vendor_id` = new.`organisation_id`))
  WHERE `organisation_id` = new.`organisation_id`;
END;--> statement-breakpoint
CREATE TRIGGER `vendor_profiles_listed_update` AFTER UPDATE OF `vetting_expires_at`, `organisation_id` ON `vendor_profiles`
BEGIN
  UPDATE `vendor_profiles` SET `listed_until` = (
    SELECT CASE WHEN o.`kind` = 'vendor' AND o.`vendor_status` = 'vetted' THEN new.`vetting_expires_at` END
    FROM `organisations` o WHERE o.`id` = new.`organisation_id`)
  WHERE `organisation_id` = new.`organisation_id`;
END;--> statement-breakpoint
CREATE TRIGGER `organisations_listed_update` AFTER UPDATE OF `kind`, `vendor_status` ON `organisations`
BEGIN
  UPDATE `vendor_profiles`
  SET `listed_until` = CASE WHEN new.`kind` = 'vendor' AND new.`vendor_status` = 'vetted' THEN `vetting_expires_at` END
  WHERE `organisation_id` = new.`id`;
END;--> statement-breakpoint
UPDATE `vendor_profiles` SET `listed_until` = (
  SELECT CASE WHEN o.`kind` = 'vendor' AND o.`vendor_status` = 'vetted' THEN `vendor_profiles`.`vetting_expires_at` END
  FROM `organisations` o WHERE o.`id` = `vendor_profiles`.`organisation_id`);
--> statement-breakpoint
CREATE TABLE `vendor_search_keys` (`vendor_id` text PRIMARY KEY NOT NULL, `search_rowid` integer NOT NULL);
--> statement-breakpoint
INSERT INTO `vendor_search_keys` (`vendor_id`, `search_rowid`)
SELECT `vendor_id`, max(`rowid`) FROM `vendors_fts` GROUP BY `vendor_id`;
--> statement-breakpoint
UPDATE `vendor_profiles` SET `search_rowid` = (
  SELECT k.`search_rowid` FROM `vendor_search_keys` k WHERE k.`vendor_id` = `vendor_profiles`.`organisation_id`);
--> statement-breakpoint
DROP TABLE `vendor_search_keys`;
