-- ADR 012. The needs' full-text index holds only needs that can still be found on the board:
-- drafts and open needs whose deadline is ahead. A need leaving open (closed, awarded, cancelled)
-- leaves the index by the trigger below; one whose deadline passes is pruned by the sweep
-- (needs-search.server.ts); the board's query filters on status and deadline in any case.
DELETE FROM `needs_fts` WHERE `need_id` NOT IN (
  SELECT `id` FROM `needs`
  WHERE `status` IN ('draft', 'open') AND `deadline` > CAST(strftime('%s', 'now') AS INTEGER) * 1000
);--> statement-breakpoint
INSERT INTO `needs_fts` (`needs_fts`) VALUES ('optimize');--> statement-breakpoint
CREATE TRIGGER `needs_fts_leave_open` AFTER UPDATE OF `status` ON `needs`
WHEN new.`status` NOT IN ('draft', 'open')
BEGIN
  DELETE FROM `needs_fts` WHERE `need_id` = new.`id`;
END;--> statement-breakpoint
-- Every vendor's maintained track record, computed from its history as
-- app/models/vendor-stats.server.ts `statsSelect` does (the same SQL, with now from the clock).
INSERT INTO `vendor_stats` (
  `vendor_id`, `active_engagements`, `completed_engagements`, `completed_by_sector`, `milestones_due`,
  `milestones_on_time`, `next_due_at`, `review_count`, `quality_sum`, `schedule_sum`, `value_sum`,
  `communication_sum`, `recommend_sum`, `refreshed_at`
)
SELECT o.id,
  (SELECT count(*) FROM engagements e WHERE e.vendor_id = o.id AND e.status = 'active'),
  (SELECT count(*) FROM engagements e WHERE e.vendor_id = o.id AND e.status = 'completed'),
  coalesce((SELECT json_group_object(s.sector, s.n) FROM (
    SELECT n.sector AS sector, count(*) AS n FROM engagements e JOIN needs n ON n.id = e.need_id
    WHERE e.vendor_id = o.id AND e.status = 'completed' GROUP BY n.sector) s), '{}'),
  (SELECT count(*) FROM engagements e JOIN engagement_milestones m ON m.engagement_id = e.id
    WHERE e.vendor_id = o.id AND (m.status = 'accepted' OR (m.first_submitted_at IS NULL AND m.due_at < t.now))),
  (SELECT count(*) FROM engagements e JOIN engagement_milestones m ON m.engagement_id = e.id
    WHERE e.vendor_id = o.id AND m.status = 'accepted' AND m.first_submitted_at IS NOT NULL
      AND m.first_submitted_at <= m.due_at),
  (SELECT min(m.due_at) FROM engagements e JOIN engagement_milestones m ON m.engagement_id = e.id
    WHERE e.vendor_id = o.id AND m.first_submitted_at IS NULL AND m.due_at >= t.now),
  (SELECT count(*) FROM reviews r WHERE r.vendor_id = o.id),
  (SELECT coalesce(sum(r.quality), 0) FROM reviews r WHERE r.vendor_id = o.id),
  (SELECT coalesce(sum(r.schedule), 0) FROM reviews r WHERE r.vendor_id = o.id),
  (SELECT coalesce(sum(r.value), 0) FROM reviews r WHERE r.vendor_id = o.id),
  (SELECT coalesce(sum(r.communication), 0) FROM reviews r WHERE r.vendor_id = o.id),
  (SELECT coalesce(sum(r.recommend), 0) FROM reviews r WHERE r.vendor_id = o.id),
  t.now
FROM organisations o, (SELECT CAST(strftime('%s', 'now') AS INTEGER) * 1000 AS now) t
WHERE o.kind = 'vendor';
