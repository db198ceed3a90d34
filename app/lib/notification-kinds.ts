/**
 * Every kind of notification, and the email setting that governs it. Texts are in the locale
 * files under `notifications.kinds.<kind>`; later capabilities add their kinds here.
 */
export const NOTIFICATION_KINDS = {
  dossier_submitted: "vetting",
  vetting_approved: "vetting",
  vetting_changes_requested: "vetting",
  vetting_rejected: "vetting",
  vendor_suspended: "vetting",
  vendor_reinstated: "vetting",
  dossier_change_submitted: "vetting",
  dossier_change_approved: "vetting",
  dossier_change_returned: "vetting",
  bid_submitted: "bidding",
  bid_edited: "bidding",
  bid_withdrawn: "bidding",
  question_asked: "bidding",
  question_answered: "bidding",
  bid_awarded: "bidding",
  bid_not_selected: "bidding",
  need_edited: "bidding",
  need_closed_early: "bidding",
  need_cancelled: "bidding",
  milestone_submitted: "delivery",
  milestone_accepted: "delivery",
  milestone_changes_requested: "delivery",
  amendment_proposed: "delivery",
  amendment_accepted: "delivery",
  amendment_declined: "delivery",
  engagement_message: "delivery",
  engagement_completed_sme: "delivery",
  engagement_completed_vendor: "delivery",
  review_received: "delivery",
  incident_raised_party: "delivery",
  incident_raised_staff: "monitoring",
  flag_high: "monitoring",
  engagement_terminated: "delivery",
  need_invitation: "bidding",
  incident_in_progress: "delivery",
  incident_resolved_raiser: "delivery",
  incident_resolved_party: "delivery",
  incident_assigned_staff: "monitoring",
  incident_rated_staff: "monitoring",
  incident_replied_party: "delivery",
  incident_replied_staff: "monitoring",
  event_registered: "events",
  event_waitlisted: "events",
  event_promoted: "events",
  event_changed: "events",
  event_cancelled: "events",
  event_reminder: "events",
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export type EmailGroup = (typeof NOTIFICATION_KINDS)[NotificationKind];
export const EMAIL_GROUPS = [...new Set(Object.values(NOTIFICATION_KINDS))] as EmailGroup[];

export function emailGroupOf(kind: NotificationKind): EmailGroup {
  return NOTIFICATION_KINDS[kind];
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A notification's text in the reader's language, the same in the list and in the mail. Codes
 * stored in the parameters are put into words here: a flag's `rule` (`flags.rules.<code>.title`)
 * and an incident's `category`. Alerts about a flag or an incident also store a `context`
 * (`need`, `engagement`, `vendor`, `incident`) choosing the sentence that names their subject;
 * older rows without one read the shorter sentence.
 */
export function notificationText(
  t: Translate,
  kind: string,
  params: Readonly<Record<string, string | number>>,
): string {
  const words: Record<string, unknown> = { ...params };
  if (typeof params.rule === "string") words.ruleName = t(`flags.rules.${params.rule}.title`);
  if (typeof params.category === "string") words.categoryName = t(`delivery.incidents.categories.${params.category}`);
  return t(`notifications.kinds.${kind}`, words);
}
