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
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export type EmailGroup = (typeof NOTIFICATION_KINDS)[NotificationKind];
export const EMAIL_GROUPS = [...new Set(Object.values(NOTIFICATION_KINDS))] as EmailGroup[];

export function emailGroupOf(kind: NotificationKind): EmailGroup {
  return NOTIFICATION_KINDS[kind];
}
