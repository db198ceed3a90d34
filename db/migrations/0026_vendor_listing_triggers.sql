-- The directory's listing (ADR 012): `vendor_profiles.listed_until` is the vendor's
-- `vetting_expires_at` while its organisation is a vetted vendor, else null, so that "vetted,
-- unexpired and unsuspended now" (app/lib/vendor-lifecycle.ts `isVettedNow`) is `listed_until > now`
-- on one table and the directory's filter, count and orders are served by its indexes
-- (app/models/directory.server.ts). Kept here by every change to either side: a profile created
-- or its expiry changed (vetting, renewal), an organisation's vendor status changed (vetting,
-- suspension, reinstatement, withdrawal).
CREATE TRIGGER `vendor_profiles_listed_insert` AFTER INSERT ON `vendor_profiles`
BEGIN
  UPDATE `vendor_profiles` SET `listed_until` = (
    SELECT CASE WHEN o.`kind` = 'vendor' AND o.`vendor_status` = 'vetted' THEN new.`vetting_expires_at` END
    FROM `organisations` o WHERE o.`id` = new.`organisation_id`)
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
