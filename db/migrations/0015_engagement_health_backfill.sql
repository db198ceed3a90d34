-- Each engagement's health rank from its open and acknowledged flags (DESIGN §10): 2 red with a
-- high flag, 1 amber with a medium one, else 0 green. From here on the flag engine keeps it.
UPDATE `engagements` SET `health_rank` = coalesce((
  SELECT max(CASE f.`severity` WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END)
  FROM `flags` f
  WHERE f.`engagement_id` = `engagements`.`id` AND f.`subject_type` = 'engagement'
    AND f.`status` IN ('open', 'acknowledged')
), 0);
