-- What the dashboard's flag figures count (flagFigures: new flags per week, open flags by rule,
-- the flag tiles): a flag raised or deleted, or a change of its status, severity, rule or time
-- raised, moves flags_version's one row and the figures kept in memory are read again. An
-- assignment, a note or new evidence leaves them as they are.
INSERT INTO `flags_version` (`id`, `n`) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER `flags_version_insert` AFTER INSERT ON `flags`
BEGIN
  UPDATE `flags_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `flags_version_delete` AFTER DELETE ON `flags`
BEGIN
  UPDATE `flags_version` SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `flags_version_update` AFTER UPDATE OF `status`, `severity`, `code`, `raised_at` ON `flags`
BEGIN
  UPDATE `flags_version` SET `n` = `n` + 1;
END;
